// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.util.EnumMap;
import java.util.Map;

import org.opennhi.contracts.card.HcArea;

/**
 * What the engine knows of the HC now in the reader: the areas it read or wrote, and the card's security
 * state as the engine left it (applet selected, authenticated, PIN verified). Thrown away when the card
 * leaves the reader. Guarded by the HC lock ({@link HcSlot}).
 */
final class HcState {
    final Map<HcArea, byte[]> areas = new EnumMap<>(HcArea.class);
    /**
     * The reader's card generation when this state began (SlotState#cardGeneration): the cache belongs to the
     * card of that generation only.
     */
    long generation = org.opennhi.contracts.reader.SlotState.UNKNOWN_GENERATION;
    /** The SAM's secure channel to the card, kept while the card keeps its session (no re-authentication). */
    org.opennhi.contracts.sam.SecureChannel channel;
    /** null until known. */
    Boolean pinEnabled;
    boolean selected;
    boolean authenticated;
    boolean pinVerified;
    /** After csUpdateHCNoReset (1.40): nothing more until the card leaves the reader and comes back. */
    boolean reinsertNeeded;
    /** The visit areas were checked (and, if torn, rolled forward) since the card came in. */
    boolean ledgerSettled;

    byte[] area(HcArea area) {
        return areas.get(area);
    }

    void put(HcArea area, byte[] content) {
        areas.put(area, content.clone());
    }

    /** The card forgot its security state (reset, a failed command): selection and authentication are gone. */
    void cardReset() {
        selected = false;
        authenticated = false;
        pinVerified = false;
        channel = null;
    }

    /**
     * @return a copy for answering from the cache without the HC lock: the maps are copied, the areas shared
     *         (never changed in place), the channel left out (writes need the lock)
     */
    HcState snapshot() {
        HcState s = new HcState();
        s.areas.putAll(areas);
        s.generation = generation;
        s.pinEnabled = pinEnabled;
        s.selected = selected;
        s.authenticated = authenticated;
        s.pinVerified = pinVerified;
        s.reinsertNeeded = reinsertNeeded;
        s.ledgerSettled = ledgerSettled;
        return s;
    }
}
