// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

import java.util.Map;

/**
 * GET DATA (read an area): {@code 00 CA 11 00 Lc AA RR [NN] [Le]}; AA area, RR first record (00 = whole
 * area), NN number of records (default 1). The HC's public read {@code 00 CA 11 00 02 00 00} is this command
 * on area 00. SW: 9000; 6982 not authenticated (or PIN required and not verified); 6983 card locked;
 * 6A88 no such area; 6A83 records out of range; 6700 Lc not 2 or 3, or answer over 256 bytes in a short
 * APDU (use records or extended length); 6A86 P1/P2 not 11 00.
 */
final class GetDataCommand implements Command {
    private final Map<Integer, Area> areas;

    GetDataCommand(Map<Integer, Area> areas) {
        this.areas = areas;
    }

    @Override
    public byte[] execute(Apdu apdu, CardContext card) {
        if (apdu.p1() != 0x11 || apdu.p2() != 0x00) {
            return StatusWords.only(StatusWords.WRONG_P1P2);
        }
        if (apdu.nc() != 2 && apdu.nc() != 3) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        byte[] d = apdu.data();
        int id = d[0] & 0xFF;
        int first = d[1] & 0xFF;
        int count = d.length == 3 ? d[2] & 0xFF : 1;
        if (id == Layouts.PIN_STATUS && card.state().kind() != org.opennhi.card.crypto.CardKind.SAM) {
            return pinStatus(card);
        }
        Area area = areas.get(id);
        if (area == null) {
            return StatusWords.only(StatusWords.DATA_NOT_FOUND);
        }
        if (first > 0 && (count < 1 || first + count - 1 > area.records())) {
            return StatusWords.only(StatusWords.RECORD_NOT_FOUND);
        }
        int sw = AreaAccess.readable(area, card);
        if (sw != StatusWords.OK) {
            return StatusWords.only(sw);
        }
        byte[] out = AreaAccess.read(area, card.state().area(id), first, count);
        if (out.length > 256 && !apdu.extended()) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        return StatusWords.with(out, StatusWords.OK);
    }

    private static byte[] pinStatus(CardContext card) {
        CardState s = card.state();
        return StatusWords.with(new byte[] {(byte) (s.pinEnabled() ? 1 : 0), (byte) s.pinTries(),
                (byte) (card.session().pinVerified() ? 1 : 0)}, StatusWords.OK);
    }
}
