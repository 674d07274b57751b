// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.sim.card.profile.StatusWords;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * APPEND RECORD into a cyclic area, protected: {@code 84 E2 11 00 Lc AA data MAC}. The new record becomes
 * record 1, the others move down one and the last one drops out. An outpatient prescription of order class
 * '2' is also appended to the long-term prescriptions (area 0F). SW: 9000; 6982; 6988; 6983; 6A88; 6986 area
 * not cyclic; 6700 data length not the record size; 6A86 P1/P2 not 11 00. Inside a write set (§3.5.1) 9000
 * means staged, not yet stored.
 */
final class AppendRecordCommand extends ProtectedWrite {
    AppendRecordCommand(Map<Integer, Area> areas) {
        super(areas);
    }

    @Override
    byte[] write(Area area, byte[] body, CardContext card) {
        if (!area.cyclic()) {
            return StatusWords.only(StatusWords.COMMAND_NOT_ALLOWED);
        }
        byte[] record = Arrays.copyOfRange(body, 1, body.length);
        if (record.length != area.recordLength()) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        Map<Integer, byte[]> contents = new LinkedHashMap<>();
        contents.put(area.id(), LongTermCopy.prepend(card.areaForWrite(area.id()), record));
        byte[] longTerm = area.id() == HcArea.OUTPATIENT_PRESCRIPTIONS.id() ? LongTermCopy.of(record) : null;
        if (longTerm != null) {
            int to = HcArea.LONG_TERM_PRESCRIPTIONS.id();
            contents.put(to, LongTermCopy.prepend(card.areaForWrite(to), longTerm));
        }
        card.write(contents);
        return StatusWords.only(StatusWords.OK);
    }
}
