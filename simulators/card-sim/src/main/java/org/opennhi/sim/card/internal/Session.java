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
    }
}
