// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

/** Base of the PIN commands: applies the card's {@link PinRule} before the command's own work. */
abstract class PinCommand implements Command {
    private final PinRule rule;

    PinCommand(PinRule rule) {
        this.rule = rule;
    }

    @Override
    public final byte[] execute(Apdu apdu, CardContext card) {
        int sw = rule.check(apdu, card);
        return sw != StatusWords.OK ? StatusWords.only(sw) : run(apdu, card);
    }

    /** The command's work once P1/P2 and the session rule are satisfied. */
    abstract byte[] run(Apdu apdu, CardContext card);
}
