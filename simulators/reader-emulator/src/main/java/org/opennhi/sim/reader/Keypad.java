// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader;

import java.time.Duration;

/** The reader's PIN keypad. The digits go from the keypad to the card inside the reader, never to the host. */
public interface Keypad {
    /**
     * What the user did.
     *
     * @param outcome entered, cancelled or timed out
     * @param digits the digits typed (only for ENTERED)
     */
    record Entry(Outcome outcome, String digits) {
        @Override
        public String toString() {
            return "Entry[" + outcome + "]";
        }
    }

    /** How a PIN entry ended. */
    enum Outcome {
        /** The user typed a PIN and pressed OK. */
        ENTERED,
        /** The user pressed cancel. */
        CANCELLED,
        /** Nobody finished in time. */
        TIMED_OUT
    }

    /**
     * Asks the user for a PIN.
     *
     * @param timeout how long the user has
     * @return the entry
     */
    Entry read(Duration timeout) throws InterruptedException;
}
