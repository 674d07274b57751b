// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.util.HashMap;
import java.util.Map;
import org.opennhi.card.crypto.Authenticator;
import org.opennhi.card.crypto.SecureChannel;

/** What a card forgets on reset, power-off or removal. */
public final class Session {
    boolean selected;
    byte[] challenge;
    SecureChannel channel;
    boolean pinVerified;
    /** SAM only: pending and established authentications of other cards, by channel number. */
    final Map<Integer, Authenticator.Pending> pending = new HashMap<>();
    final Map<Integer, SecureChannel> hostChannels = new HashMap<>();
    /**
     * HC only: the open write set (docs/card-profile.md §3.5.1), the areas' new contents by area, or null when
     * none is open. Volatile memory: pulling the card, a reset or a failed MAC drops it, so it never lands half.
     */
    Map<Integer, byte[]> staged;
    /** Writes accepted into the open write set. */
    int stagedWrites;

    public boolean selected() {
        return selected;
    }

    public boolean authenticated() {
        return channel != null;
    }

    public boolean pinVerified() {
        return pinVerified;
    }

    void clearSecurity() {
        challenge = null;
        channel = null;
        pinVerified = false;
        staged = null;
        stagedWrites = 0;
    }
}
