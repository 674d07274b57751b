// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import org.opennhi.card.crypto.CardKind;

/**
 * One virtual card as a reader sees it. Thread-safe: concurrent transmits are serialised. Power-off and
 * reset forget the session (selection, authentication, verified PIN); data, PIN and counters persist.
 */
public interface VirtualCard {
    /** @return the card's kind */
    CardKind kind();

    /** @return the 12-character card number (SAM id for a SAM) */
    String number();

    /** @return the answer-to-reset */
    byte[] atr();

    /** Cold or warm reset: the card forgets its session. */
    void reset();

    /**
     * @param command a command APDU; malformed input gets {@code 67 00}, never an exception
     * @return response data followed by SW1 SW2
     */
    byte[] transmit(byte[] command);
}
