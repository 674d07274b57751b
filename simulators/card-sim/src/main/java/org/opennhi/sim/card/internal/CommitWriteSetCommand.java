// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.util.Map;

import org.opennhi.sim.card.profile.StatusWords;

/**
 * HC: COMMIT WRITE SET, protected: {@code 84 E6 00 00 09 N MAC}, N = the number of writes the host sent in the
 * set. Stores every staged area in one persisted change, or nothing (docs/card-profile.md §3.5.1). SW: 9000
 * stored; 6985 no write set open; 6A80 N is not the number staged (the set is dropped: the host lost a write);
 * 6982 / 6988 / 6983 as for every protected write; 6700 data not one byte; 6A86 P1/P2 not 00 00.
 */
final class CommitWriteSetCommand implements Command {
    @Override
    public byte[] execute(Apdu apdu, CardContext card) {
        if (apdu.p1() != 0 || apdu.p2() != 0) {
            return StatusWords.only(StatusWords.WRONG_P1P2);
        }
        int[] sw = new int[1];
        byte[] body = AreaAccess.unwrap(apdu, card, sw);
        if (body == null) {
            return StatusWords.only(sw[0]);
        }
        if (body.length != 1) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        Session session = card.session();
        Map<Integer, byte[]> staged = session.staged;
        if (staged == null) {
            return StatusWords.only(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        int writes = session.stagedWrites;
        session.staged = null;
        session.stagedWrites = 0;
        if ((body[0] & 0xFF) != writes) {
            return StatusWords.only(StatusWords.WRONG_DATA);
        }
        staged.forEach(card.state()::setArea);
        card.persist();
        return StatusWords.only(StatusWords.OK);
    }
}
