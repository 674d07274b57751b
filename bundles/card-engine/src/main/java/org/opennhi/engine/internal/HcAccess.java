// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.engine.PinSource;

/**
 * The health card as the engine's parts use it: one operation at a time, each in one {@link HcConversation}
 * whose cache belongs to the card now in the reader ({@link HcSlot}). Parts hold this, never the engine.
 */
interface HcAccess {
    /** One operation's work with the card. */
    @FunctionalInterface
    interface Work<T> {
        T run(HcConversation c) throws NhiException;
    }

    /** A read: answered from the cache (lock-free) without a reader session when the cache holds it all. */
    <T> T read(PinSource pin, Work<T> work) throws NhiException;

    /** A write or a PIN command: always in a reader session, under the HC lock. */
    <T> T session(PinSource pin, Work<T> work) throws NhiException;

    /**
     * Drops what the engine holds of the HC (1.30's reset); with {@code untilReinserted} (1.40) every HC
     * operation answers 4013 until the reader reports the card gone or a card inserted.
     */
    void forget(boolean untilReinserted);

    /**
     * The card reached a step of 1.15 beyond the SAM's authentication: 3 (an HPC's authority used on it) or 5
     * (the IDC answered for it); it shows until the card leaves or is forgotten.
     */
    void confirmed(int step);
}
