// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opennhi.card.crypto.CardKind;
import org.opennhi.sim.card.VirtualCard;

/** A virtual card that keeps the card side's log of every command it received, in arrival order. */
final class RecordingCard implements VirtualCard {
    private final VirtualCard card;
    final List<byte[]> log = new CopyOnWriteArrayList<>();

    RecordingCard(VirtualCard card) {
        this.card = card;
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
        log.add(command.clone());
        return card.transmit(command);
    }
}
