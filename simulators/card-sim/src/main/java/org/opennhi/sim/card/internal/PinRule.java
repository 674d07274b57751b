// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

/**
 * Preconditions shared by the PIN commands. On the HC, PIN commands need a SAM session first (the holder's
 * PIN is only ever presented through an authenticated reader); the HPC's PIN stands alone.
 */
final class PinRule {
    private final boolean needsSession;

    PinRule(boolean needsSession) {
        this.needsSession = needsSession;
    }

    /** @return the SW that forbids PIN work now, or {@link Sw#OK} */
    int check(Apdu apdu, CardContext card) {
        if (apdu.p1() != 0x00 || apdu.p2() != 0x01) {
            return StatusWords.WRONG_P1P2;
        }
        if (needsSession && card.state().locked()) {
            return StatusWords.BLOCKED;
        }
        if (needsSession && !card.session().authenticated()) {
            return StatusWords.SECURITY_NOT_SATISFIED;
        }
        return StatusWords.OK;
    }

    /**
     * Presents a PIN against the card's: counts a wrong one, resets the counter on a right one.
     *
     * @return 9000, 63Cx or 6983
     */
    static int present(String candidate, CardContext card) {
        CardState s = card.state();
        if (Pins.same(candidate, s.pin())) {
            s.setPinTries(CardState.PIN_TRIES);
            card.session().pinVerified = true;
            card.persist();
            return StatusWords.OK;
        }
        s.setPinTries(Math.max(0, s.pinTries() - 1));
        card.session().pinVerified = false;
        card.persist();
        return s.pinTries() == 0 ? StatusWords.BLOCKED : StatusWords.triesLeft(s.pinTries());
    }
}
