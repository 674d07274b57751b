// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;

/**
 * A reader session straight onto a virtual card in this JVM, with the list of commands it carried: for tests
 * of SAM plugins and the card engine that need a real card's answers but no reader in between.
 */
public final class VirtualCardSession implements CardSession {
    private final Slot slot;
    private final VirtualCard card;
    private final List<byte[]> commands = new ArrayList<>();

    /**
     * @param slot the slot the card is taken to sit in
     * @param card the card
     */
    public VirtualCardSession(Slot slot, VirtualCard card) {
        this.slot = Objects.requireNonNull(slot, "slot");
        this.card = Objects.requireNonNull(card, "card");
    }

    @Override
    public Slot slot() {
        return slot;
    }

    @Override
    public byte[] atr() {
        return card.atr();
    }

    @Override
    public synchronized ResponseApdu transmit(byte[] command) {
        commands.add(command.clone());
        return new ResponseApdu(card.transmit(command));
    }

    /** @return copies of the commands sent so far, oldest first */
    public synchronized List<byte[]> commands() {
        List<byte[]> copy = new ArrayList<>();
        commands.forEach(c -> copy.add(c.clone()));
        return copy;
    }

    @Override
    public void close() {
        // nothing held: the card stays where it is
    }
}
