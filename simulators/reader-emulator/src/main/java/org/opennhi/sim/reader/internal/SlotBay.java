// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.internal;

import java.util.EnumMap;
import java.util.Map;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.reader.protocol.Slot;

/** The cards in the reader's slots and whether each is powered. Thread-safe. */
public final class SlotBay {
    /** Slot states on the wire. */
    public static final int EMPTY = 0;
    public static final int PRESENT = 1;
    public static final int POWERED = 2;

    private final Map<Slot, VirtualCard> cards = new EnumMap<>(Slot.class);
    private final Map<Slot, Boolean> powered = new EnumMap<>(Slot.class);

    public synchronized void insert(Slot slot, VirtualCard card) {
        cards.put(slot, card);
        powered.put(slot, false);
    }

    public synchronized void remove(Slot slot) {
        cards.remove(slot);
        powered.remove(slot);
    }

    public synchronized VirtualCard card(Slot slot) {
        return cards.get(slot);
    }

    public synchronized int state(Slot slot) {
        if (!cards.containsKey(slot)) {
            return EMPTY;
        }
        return Boolean.TRUE.equals(powered.get(slot)) ? POWERED : PRESENT;
    }

    /** @return the card if present and powered, else null */
    public synchronized VirtualCard poweredCard(Slot slot) {
        return state(slot) == POWERED ? cards.get(slot) : null;
    }

    /** Powers the card on (a cold reset). @return its ATR, or null when the slot is empty */
    public synchronized byte[] powerOn(Slot slot) {
        VirtualCard c = cards.get(slot);
        if (c == null) {
            return null;
        }
        c.reset();
        powered.put(slot, true);
        return c.atr();
    }

    public synchronized void powerOff(Slot slot) {
        VirtualCard c = cards.get(slot);
        if (c != null) {
            c.reset();
            powered.put(slot, false);
        }
    }

    public synchronized void powerOffAll() {
        for (Slot s : Slot.values()) {
            powerOff(s);
        }
    }
}
