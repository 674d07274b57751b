// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

import org.opennhi.contracts.result.NhiException;

/**
 * Where a PIN comes from when an operation needs one: an HTTP request body, the dedicated reader's keypad, a
 * native dialog. The engine asks only when the card needs it, wipes the array after use and never logs it.
 */
@FunctionalInterface
public interface PinSource {

    /** What the PIN is for. */
    enum Purpose {
        /** The health card holder's PIN (1.2, 1.27 and reads of PIN-protected data). */
        HC_PIN,
        /** A new HC PIN (1.28), asked twice by interactive sources. */
        HC_NEW_PIN,
        /** The health professional's PIN (4.2). */
        HPC_PIN,
        /** A new HPC PIN (4.3, 4.4). */
        HPC_NEW_PIN,
        /** The HPC's unblocking code (4.4). */
        HPC_PUK
    }

    /**
     * @param purpose what the PIN is for
     * @return the digits; the engine wipes the array
     * @throws NhiException {@code 5109} when the holder cancelled (or no PIN was given)
     */
    char[] pin(Purpose purpose) throws NhiException;

    /** @return a source that has no PIN: every request is answered 5109 (cancelled) */
    static PinSource none() {
        return purpose -> {
            throw new NhiException(org.opennhi.contracts.result.ResultCode.PIN_ENTRY_CANCELLED,
                    "no PIN was given for " + purpose);
        };
    }
}
