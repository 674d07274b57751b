// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opennhi.sim.card.VirtualCard;
import org.opennhi.card.crypto.CardKind;

/** A virtual card that can be told to fall silent or to answer garbage once, for the conformance kit. */
final class ControllableCard implements VirtualCard {
    private final VirtualCard card;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean mute;
    private volatile boolean garbleNext;

    ControllableCard(VirtualCard card) {
        this.card = card;
    }

    void mute() {
        mute = true;
    }

    void garbleNext() {
        garbleNext = true;
    }

    /** The card leaves the reader: a silent card stops waiting. */
    void release() {
        released.countDown();
    }

    @Override
    public CardKind kind() {
        return card.kind();
    }

    @Override
    public String number() {
        return card.number();
    }

    @Override
    public byte[] atr() {
        return card.atr();
    }

    @Override
    public void reset() {
        card.reset();
    }

    @Override
    public byte[] transmit(byte[] command) {
        if (mute) {
            try {
                released.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new byte[] {0x6F, 0x00};
        }
        if (garbleNext) {
            garbleNext = false;
            // one byte is no response APDU at all: a response carries at least SW1 SW2
            return new byte[] {0x6F};
        }
        return card.transmit(command);
    }
}
