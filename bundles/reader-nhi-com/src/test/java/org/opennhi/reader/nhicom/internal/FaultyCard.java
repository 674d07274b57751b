// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.opennhi.sim.card.VirtualCard;
import org.opennhi.card.crypto.CardKind;

/**
 * A card in the emulator that can fall silent (its answer never comes while it sits in the reader, so the
 * emulator, like a real reader waiting for a card, answers nothing) or answer one malformed response.
 */
final class FaultyCard implements VirtualCard {
    private final VirtualCard inner;
    private final CountDownLatch pulled = new CountDownLatch(1);
    private volatile boolean silent;
    private volatile boolean malformOnce;
    private final AtomicInteger commands = new AtomicInteger();

    FaultyCard(VirtualCard inner) {
        this.inner = inner;
    }

    void silence() {
        silent = true;
    }

    void malformNextAnswer() {
        malformOnce = true;
    }

    /** Out of the reader: a silent card stops holding the emulator. */
    void pull() {
        pulled.countDown();
    }

    /** @return how many commands reached the card */
    int commands() {
        return commands.get();
    }

    @Override
    public byte[] transmit(byte[] command) {
        commands.incrementAndGet();
        if (silent) {
            try {
                pulled.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new byte[] {0x6F, 0x00};
        }
        if (malformOnce) {
            malformOnce = false;
            return new byte[] {(byte) 0x90}; // half a status word
        }
        return inner.transmit(command);
    }

    @Override
    public CardKind kind() {
        return inner.kind();
    }

    @Override
    public String number() {
        return inner.number();
    }

    @Override
    public byte[] atr() {
        return inner.atr();
    }

    @Override
    public void reset() {
        inner.reset();
    }
}
