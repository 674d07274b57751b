// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.card.RocDate;
import org.opennhi.engine.CardFields;

/**
 * The byte layout of the visit bookkeeping (docs/card-profile.md §4): visit records of area 07 (category 1–2,
 * newborn mark 3, date-time 4–16, 補卡註記 17, sequence number 18–21, hospital id 22–31), the two yearly counts of
 * the cumulative area 09 and the visits left in the card status 01. Pure functions of bytes, no card I/O.
 */
final class VisitArea {
    private VisitArea() {
    }

    static int visitsInYear(byte[] cumulative, int rocYear) {
        for (int i = 0; i < 2; i++) {
            int o = i * HcArea.CUMULATIVE_DATA.recordLength();
            String year = CardFields.ascii(cumulative, o, 3);
            String count = CardFields.ascii(cumulative, o + 3, 4);
            if (year.equals(String.format("%03d", rocYear)) && count.matches("\\d{4}")) {
                return Integer.parseInt(count);
            }
        }
        return 0;
    }

    /** @return the cumulative area with this year's visit count moved by delta (a new year's record first) */
    static byte[] countVisit(byte[] cumulative, int rocYear, int delta) {
        byte[] out = cumulative.clone();
        String y = String.format("%03d", rocYear);
        for (int i = 0; i < 2; i++) {
            int o = i * HcArea.CUMULATIVE_DATA.recordLength();
            if (CardFields.ascii(out, o, 3).equals(y)) {
                int count = Math.max(0, visitsInYear(out, rocYear) + delta);
                System.arraycopy(String.format("%04d", count).getBytes(StandardCharsets.US_ASCII), 0, out, o + 3, 4);
                return out;
            }
        }
        // a new year: last year's record moves to the second place
        int length = HcArea.CUMULATIVE_DATA.recordLength();
        System.arraycopy(cumulative, 0, out, length, length);
        byte[] fresh = (y + String.format("%04d", Math.max(0, delta)) + "0".repeat(20) + "0".repeat(40))
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(fresh, 0, out, 0, length);
        return out;
    }

    static byte[] withVisitsLeft(byte[] status, int left) {
        byte[] out = status.clone();
        System.arraycopy(String.format("%02d", Math.max(0, Math.min(99, left))).getBytes(StandardCharsets.US_ASCII),
                0, out, 8, 2);
        return out;
    }

    static byte[] visitRecord(String category, byte newborn, String dateTime, byte afterCheck, String sequence,
            String hospitalId) {
        byte[] r = new byte[HcArea.VISITS.recordLength()];
        Arrays.fill(r, (byte) ' ');
        put(r, 0, category);
        r[2] = newborn;
        put(r, 3, dateTime);
        r[16] = afterCheck;
        put(r, 17, sequence);
        put(r, 21, hospitalId);
        return r;
    }

    private static void put(byte[] r, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, r, at, b.length);
    }

    /** @return the index of the counted visit record with that date-time (not a ZA/ZB mark), or -1 */
    static int findVisit(byte[] visits, String dateTime) {
        for (int i = 0; i < HcArea.VISITS.records(); i++) {
            int o = i * HcArea.VISITS.recordLength();
            if (CardFields.ascii(visits, o + 3, 13).equals(dateTime)
                    && !VisitRules.cancelsVisit(CardFields.ascii(visits, o, 2))) {
                return i;
            }
        }
        return -1;
    }

    static int findRecord(byte[] area, int length, String dateTime) {
        for (int i = 0; i < area.length / length; i++) {
            if (CardFields.ascii(area, i * length, 13).equals(dateTime)) {
                return i;
            }
        }
        return -1;
    }

    static boolean undone(byte[] visits, String dateTime) {
        for (int i = 0; i < HcArea.VISITS.records(); i++) {
            int o = i * HcArea.VISITS.recordLength();
            if (CardFields.ascii(visits, o + 3, 13).equals(dateTime)
                    && VisitRules.cancelsVisit(CardFields.ascii(visits, o, 2))) {
                return true;
            }
        }
        return false;
    }

    /** @return a counted visit at this institution within 24 hours before {@code at} */
    static Optional<Integer> findRecent(byte[] visits, LocalDateTime at, String hospitalId) {
        for (int i = 0; i < HcArea.VISITS.records(); i++) {
            int o = i * HcArea.VISITS.recordLength();
            Optional<LocalDateTime> when = RocDate.parseDateTime(CardFields.ascii(visits, o + 3, 13));
            if (when.isPresent() && VisitRules.counted(CardFields.ascii(visits, o, 2))
                    && CardFields.ascii(visits, o + 21, 10).equals(hospitalId)
                    && !when.get().isBefore(at.minusHours(24))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    static boolean sameDay(byte[] visits, String dateTime) {
        String day = dateTime.substring(0, 7);
        for (int i = 0; i < HcArea.VISITS.records(); i++) {
            int o = i * HcArea.VISITS.recordLength();
            if (CardFields.ascii(visits, o + 3, 7).equals(day)
                    && VisitRules.counted(CardFields.ascii(visits, o, 2))) {
                return true;
            }
        }
        return false;
    }
}
