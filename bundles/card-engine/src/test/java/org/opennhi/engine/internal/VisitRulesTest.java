package org.opennhi.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.Test;
import org.opennhi.engine.VisitReminder;

/**
 * The official test case 1 (測試案例, 就醫次數提醒): birth dates 0900101 (≤18), 0390101 (64) and 0380101 (≥65),
 * last sequence numbers 20/30/40/90, with one valid critical illness and without. The case's birth dates are
 * relative to the kit's own year (0390101 is "64"), so the ages are taken on 1030601.
 */
public class VisitRulesTest {
    private static final LocalDate KIT_DAY = LocalDate.of(2014, 6, 1);

    private static Optional<VisitReminder> remind(String rocBirth, int visits, boolean criticalIllness) {
        LocalDate birth = Roc.parseDate(rocBirth).orElseThrow();
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
        assertEquals(64, VisitRules.age(Roc.parseDate("0390101").orElseThrow(), KIT_DAY));
        assertEquals(65, VisitRules.age(Roc.parseDate("0380101").orElseThrow(), KIT_DAY));
    }

    @Test
    public void categories() {
        assertTrue(VisitRules.counted("01"));
        assertFalse(VisitRules.counted("AA"));
        assertTrue(VisitRules.needsInsuranceCheck("05"));
        assertTrue(VisitRules.needsInsuranceCheck("BF"));
        assertTrue(VisitRules.needsInsuranceCheck("DC"));
        assertFalse(VisitRules.needsInsuranceCheck("01"));
        assertFalse(VisitRules.known("XA"));
        assertFalse(VisitRules.known("0A"));
        assertTrue(VisitRules.newbornTooOld(KIT_DAY.minusDays(61), KIT_DAY));
        assertFalse(VisitRules.newbornTooOld(KIT_DAY.minusDays(60), KIT_DAY));
    }
}
