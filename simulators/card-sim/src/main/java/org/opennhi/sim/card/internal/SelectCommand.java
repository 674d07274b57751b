// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

import java.util.Arrays;

/**
 * SELECT by AID: {@code 00 A4 04 00 Lc AID [Le]}. The AID may be sent in full (16 bytes) or without its last
 * byte (15), as published readers do. SW: 9000 selected; 6A82 another AID (the applet is deselected and the
 * security state dropped); 6A86 P1/P2 other than 04 00 / 04 0C.
 */
final class SelectCommand implements Command {
    private final byte[] aid;

    SelectCommand(byte[] aid) {
        this.aid = aid.clone();
    }

    @Override
    public byte[] execute(Apdu apdu, CardContext card) {
        if (apdu.p1() != 0x04 || (apdu.p2() != 0x00 && apdu.p2() != 0x0C)) {
            return StatusWords.only(StatusWords.WRONG_P1P2);
        }
        byte[] d = apdu.data();
        boolean match = Arrays.equals(d, aid) || Arrays.equals(d, Arrays.copyOf(aid, aid.length - 1));
        card.session().clearSecurity();
        card.session().selected = match;
        return StatusWords.only(match ? StatusWords.OK : StatusWords.NOT_FOUND);
    }
}
