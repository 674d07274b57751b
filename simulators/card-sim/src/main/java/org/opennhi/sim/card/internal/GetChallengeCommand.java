// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

import org.opennhi.card.crypto.MutualAuthentication;

/**
 * GET CHALLENGE: {@code 00 84 00 00 08} → RND_C (8 bytes). SW: 9000; 6A86 P1/P2 not 00 00;
 * 6700 Le other than 8 (or absent); 6983 card locked.
 */
final class GetChallengeCommand implements Command {
    @Override
    public byte[] execute(Apdu apdu, CardContext card) {
        if (apdu.p1() != 0 || apdu.p2() != 0) {
            return StatusWords.only(StatusWords.WRONG_P1P2);
        }
        if (apdu.nc() != 0 || apdu.ne() != MutualAuthentication.RANDOM_LENGTH) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        if (card.state().locked()) {
            return StatusWords.only(StatusWords.BLOCKED);
        }
        byte[] rnd = new byte[MutualAuthentication.RANDOM_LENGTH];
        card.random().nextBytes(rnd);
        card.session().challenge = rnd;
        return StatusWords.with(rnd, StatusWords.OK);
    }
}
