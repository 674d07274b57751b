// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

import org.opennhi.card.crypto.Signatures;

/**
 * SAM: SIGN: {@code 80 2A 00 n Lc data [Le]} → an n-byte signature (n = 00 means 128), per the key scheme's
 * §1.6. SW: 9000; 6700 no data; 6A86 P1 not 00.
 */
final class SamSignCommand implements Command {
    @Override
    public byte[] execute(Apdu apdu, CardContext card) {
        if (apdu.p1() != 0) {
            return StatusWords.only(StatusWords.WRONG_P1P2);
        }
        if (apdu.nc() == 0) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        int length = apdu.p2() == 0 ? 128 : apdu.p2();
        return StatusWords.with(Signatures.sign(card.state().signingKey(), apdu.data(), length), StatusWords.OK);
    }
}
