// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

import java.util.Arrays;
import org.opennhi.card.crypto.MutualAuthentication;
import org.opennhi.card.crypto.SecureChannel;

/**
 * MUTUAL AUTHENTICATE: {@code 80 82 00 00 18 RND_H C_H [10]} → C_C (16 bytes). SW: 9000 authenticated (the
 * failure counter resets); 63Cx wrong C_H, x authentications left before the lock; 6983 locked (also the
 * answer to the failure that locks); 6985 no fresh GET CHALLENGE; 6700 Lc not 24; 6A86 P1/P2 not 00 00.
 */
final class MutualAuthenticateCommand implements Command {
    @Override
    public byte[] execute(Apdu apdu, CardContext card) {
        if (apdu.p1() != 0 || apdu.p2() != 0) {
            return StatusWords.only(StatusWords.WRONG_P1P2);
        }
        if (apdu.nc() != MutualAuthentication.RANDOM_LENGTH + MutualAuthentication.CRYPTOGRAM_LENGTH) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        CardState state = card.state();
        if (state.locked()) {
            return StatusWords.only(StatusWords.BLOCKED);
        }
        Session session = card.session();
        byte[] rndC = session.challenge;
        session.challenge = null;
        session.channel = null;
        session.pinVerified = false;
        if (rndC == null) {
            return StatusWords.only(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        byte[] d = apdu.data();
        byte[] rndH = Arrays.copyOf(d, MutualAuthentication.RANDOM_LENGTH);
        byte[] hostCryptogram = Arrays.copyOfRange(d, MutualAuthentication.RANDOM_LENGTH, d.length);
        byte[] key = state.cardKey();
        if (!MutualAuthentication.equal(MutualAuthentication.hostCryptogram(key, rndC, rndH), hostCryptogram)) {
            state.setAuthFailures(state.authFailures() + 1);
            card.persist();
            return StatusWords.only(state.locked() ? StatusWords.BLOCKED
                    : StatusWords.triesLeft(CardState.AUTH_FAILURE_LIMIT - state.authFailures()));
        }
        if (state.authFailures() != 0) {
            state.setAuthFailures(0);
            card.persist();
        }
        session.channel = new SecureChannel(MutualAuthentication.sessionKey(key, rndC, rndH));
        return StatusWords.with(MutualAuthentication.cardCryptogram(key, rndH, rndC), StatusWords.OK);
    }
}
