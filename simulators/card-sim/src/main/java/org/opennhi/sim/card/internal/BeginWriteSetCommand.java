// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.util.LinkedHashMap;

import org.opennhi.sim.card.profile.StatusWords;

/**
 * HC: BEGIN WRITE SET {@code 80 E4 00 00}: the data writes that follow are staged until COMMIT WRITE SET stores
 * them all at once (docs/card-profile.md §3.5.1). A set already open is dropped and a new one begun. SW: 9000;
 * 6982 no authenticated session; 6983 locked; 6700 data or Le given; 6A86 P1/P2 not 00 00.
 */
final class BeginWriteSetCommand implements Command {
    @Override
    public byte[] execute(Apdu apdu, CardContext card) {
        if (apdu.p1() != 0 || apdu.p2() != 0) {
            return StatusWords.only(StatusWords.WRONG_P1P2);
        }
        if (apdu.nc() != 0 || apdu.ne() != 0) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        if (card.state().locked()) {
            return StatusWords.only(StatusWords.BLOCKED);
        }
        Session session = card.session();
        if (!session.authenticated()) {
            return StatusWords.only(StatusWords.SECURITY_NOT_SATISFIED);
        }
        session.staged = new LinkedHashMap<>();
        session.stagedWrites = 0;
        return StatusWords.only(StatusWords.OK);
    }
}
