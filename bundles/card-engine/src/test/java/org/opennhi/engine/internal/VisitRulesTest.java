// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.Test;
import org.opennhi.contracts.card.RocDate;
import org.opennhi.engine.VisitReminder;

/**
 * The official test case 1 (測試案例, 就醫次數提醒): birth dates 0900101 (≤18), 0390101 (64) and 0380101 (≥65),
 * last sequence numbers 20/30/40/90, with one valid critical illness and without. The case's birth dates are
 * relative to the kit's own year (0390101 is "64"), so the ages are taken on 1030601.
 */
public class VisitRulesTest {
    private static final LocalDate KIT_DAY = LocalDate.of(2014, 6, 1);

    private static Optional<VisitReminder> remind(String rocBirth, int visits, boolean criticalIllness) {
        LocalDate birth = RocDate.parseDate(rocBirth).orElseThrow();
        return VisitRules.reminder("900000000001", VisitRules.age(birth, KIT_DAY), visits, () -> criticalIllness);
    }

    @Test
    public void officialCase1() {
        for (int visits : new int[] {20, 30, 90}) {
            assertFalse("≤18, " + visits, remind("0900101", visits, false).isPresent());
            assertFalse("≤18 with illness, " + visits, remind("0900101", visits, true).isPresent());
            assertFalse("64 with illness, " + visits, remind("0390101", visits, true).isPresent());
        }
        assertFalse(remind("0390101", 20, false).isPresent());
        assertFalse(remind("0390101", 30, false).get().red());
        assertTrue(remind("0390101", 90, false).get().red());
        for (int visits : new int[] {30, 40, 90}) {
            assertFalse("≥65 with illness, " + visits, remind("0380101", visits, true).isPresent());
        }
        assertFalse(remind("0380101", 30, false).isPresent());
        assertFalse(remind("0380101", 40, false).get().red());
        assertTrue(remind("0380101", 90, false).get().red());
        assertEquals(64, VisitRules.age(RocDate.parseDate("0390101").orElseThrow(), KIT_DAY));
        assertEquals(65, VisitRules.age(RocDate.parseDate("0380101").orElseThrow(), KIT_DAY));
    }

    @Test
    public void categories() {
        assertTrue(VisitRules.counted("01"));
        assertFalse(VisitRules.counted("AA"));
        assertTrue(VisitRules.needsInsuranceCheck("05"));
        assertTrue(VisitRules.needsInsuranceCheck("BF"));
        assertTrue(VisitRules.needsInsuranceCheck("DC"));
        assertFalse(VisitRules.needsInsuranceCheck("01"));
        assertTrue(VisitRules.known("XA"));
        assertTrue(VisitRules.known("YF"));
        assertFalse(VisitRules.known("YG"));
        assertFalse(VisitRules.known("XB"));
        assertFalse(VisitRules.known("0A"));
        assertTrue(VisitRules.cancelsPrenatalCheck("XA"));
        assertFalse(VisitRules.cancelsPrenatalCheck("YA"));
        assertTrue(VisitRules.cancelsPreventiveCare("YA"));
        assertTrue(VisitRules.cancelsPreventiveCare("YF"));
        assertFalse(VisitRules.cancelsPreventiveCare("YG"));
        assertFalse(VisitRules.cancelsPreventiveCare("XA"));
        assertFalse(VisitRules.counted("XA"));
        assertTrue(VisitRules.newbornTooOld(KIT_DAY.minusDays(61), KIT_DAY));
        assertFalse(VisitRules.newbornTooOld(KIT_DAY.minusDays(60), KIT_DAY));
    }

    /** Prenatal records: date 7, hospital 10, item 2; preventive care: mark 2 first. Only dates on them. */
    @Test
    public void aRecentServiceIsFromThisInstitutionTodayOrYesterday() {
        String here = "7777777777";
        String today = RocDate.format(KIT_DAY);
        String yesterday = RocDate.format(KIT_DAY.minusDays(1));
        String twoDaysAgo = RocDate.format(KIT_DAY.minusDays(2));
        String blank = " ".repeat(19);
        assertTrue(recent(blank + yesterday + here + "31", 0, here));
        assertTrue(recent(today + here + "31" + blank, 0, here));
        assertFalse("older than the two days", recent(twoDaysAgo + here + "31" + blank, 0, here));
        assertFalse("another institution", recent(today + "1234567890" + "31" + blank, 0, here));
        assertFalse("a date ahead of today", recent(RocDate.format(KIT_DAY.plusDays(1)) + here + "31", 0, here));
        assertFalse("blank records", recent(blank + blank, 0, here));
        assertTrue("preventive care: the date after the 2-character mark", recent("02" + today + here + "21", 2, here));
        assertFalse(recent("02" + twoDaysAgo + here + "21", 2, here));
    }

    private static boolean recent(String records, int dateAt, String hospital) {
        return VisitRules.recentService(records.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                dateAt == 0 ? 19 : 21, dateAt, KIT_DAY, hospital);
    }
}
