// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

import org.opennhi.card.crypto.AuthenticationException;
import org.opennhi.card.crypto.Authenticator;

/**
 * SAM: AUTHENTICATE CARD, step 2: {@code 80 8C ch 00 10 C_C}. SW: 9000 the card is genuine and the channel
 * holds its session; 6300 wrong C_C (the channel is cleared); 6985 no step 1 on this channel; 6700 Lc not
 * 16; 6A86 channel not 0..3.
 */
final class SamAuthCompleteCommand implements Command {
    @Override
    public byte[] execute(Apdu apdu, CardContext card) {
        if (!SamChannels.valid(apdu)) {
            return StatusWords.only(StatusWords.WRONG_P1P2);
        }
        if (apdu.nc() != 16) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        Authenticator.Pending pending = card.session().pending.remove(apdu.p1());
        if (pending == null) {
            return StatusWords.only(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        try {
            card.session().hostChannels.put(apdu.p1(), pending.complete(apdu.data()));
            return StatusWords.only(StatusWords.OK);
        } catch (AuthenticationException e) {
            return StatusWords.only(StatusWords.VERIFICATION_FAILED);
        }
    }
}
