// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

import java.util.Map;

/** Base of the MACed writes: checks P1/P2 and the MAC, finds the area, then lets the command write. */
abstract class ProtectedWrite implements Command {
    private final Map<Integer, Area> areas;

    ProtectedWrite(Map<Integer, Area> areas) {
        this.areas = areas;
    }

    @Override
    public final byte[] execute(Apdu apdu, CardContext card) {
        if (apdu.p1() != 0x11 || apdu.p2() != 0x00) {
            return StatusWords.only(StatusWords.WRONG_P1P2);
        }
        int[] sw = new int[1];
        byte[] body = AreaAccess.unwrap(apdu, card, sw);
        if (body == null) {
            return StatusWords.only(sw[0]);
        }
        Area area = areas.get(body[0] & 0xFF);
        if (area == null) {
            return StatusWords.only(StatusWords.DATA_NOT_FOUND);
        }
        if (!area.writable()) {
            return StatusWords.only(StatusWords.COMMAND_NOT_ALLOWED);
        }
        return write(area, body, card);
    }

    /**
     * @param body the unwrapped data: area number first
     * @return the SW, after persisting a successful write
     */
    abstract byte[] write(Area area, byte[] body, CardContext card);
}
