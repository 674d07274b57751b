// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

import java.util.Arrays;
import java.util.Map;

/**
 * PUT DATA (replace a record or a whole area), protected: {@code 84 DA 11 00 Lc AA RR data MAC}; RR 00 =
 * whole area. SW: 9000 written and persisted; 6982 no session or CLA without the SM bit; 6988 wrong MAC
 * (session ends); 6983 locked; 6A88 no such area; 6986 area not writable; 6A83 record out of range; 6700 data
 * length not the record's (or the area's) size; 6A86 P1/P2 not 11 00. Inside a write set (§3.5.1) 9000 means
 * staged, not yet stored.
 */
final class PutDataCommand extends ProtectedWrite {
    PutDataCommand(Map<Integer, Area> areas) {
        super(areas);
    }

    @Override
    byte[] write(Area area, byte[] body, CardContext card) {
        if (body.length < 3) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        int record = body[1] & 0xFF;
        if (record > area.records()) {
            return StatusWords.only(StatusWords.RECORD_NOT_FOUND);
        }
        byte[] value = Arrays.copyOfRange(body, 2, body.length);
        int expected = record == 0 ? area.size() : area.recordLength();
        if (value.length != expected) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        byte[] content = card.areaForWrite(area.id()).clone();
        System.arraycopy(value, 0, content, record == 0 ? 0 : (record - 1) * area.recordLength(), value.length);
        card.write(Map.of(area.id(), content));
        return StatusWords.only(StatusWords.OK);
    }
}
