package org.opennhi.engine.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * What the engine knows of the HC now in the reader: the areas it read or wrote, and the card's security
 * state as the engine left it (applet selected, authenticated, PIN verified). Thrown away when the card
 * leaves the reader. Guarded by the engine's HC lock.
 */
final class HcState {
    final Map<Integer, byte[]> areas = new HashMap<>();
    /** null until known. */
    Boolean pinEnabled;
    boolean selected;
    boolean authenticated;
    boolean pinVerified;
    /** After csUpdateHCNoReset (1.40): nothing more until the card leaves the reader and comes back. */
    boolean reinsertNeeded;
    /** The visit areas were checked (and, if torn, rolled forward) since the card came in. */
    boolean ledgerSettled;

    byte[] area(int area) {
        return areas.get(area);
    }

    void put(int area, byte[] content) {
        areas.put(area, content.clone());
    }

    /** The card forgot its security state (reset, a failed command): selection and authentication are gone. */
    void cardReset() {
        selected = false;
        authenticated = false;
        pinVerified = false;
    }
}
