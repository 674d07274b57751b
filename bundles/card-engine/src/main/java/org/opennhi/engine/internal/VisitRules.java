// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Pattern;

import org.opennhi.contracts.card.RocDate;
import org.opennhi.engine.CardFields;
import org.opennhi.engine.VisitReminder;

/**
 * The manual's business rules for taking a visit that need no card: which 就醫類別 exist, which are counted
 * (use up a visit and a sequence number), which need the online insurance check, and when the visit-count
 * reminder is due. Pure logic.
 */
final class VisitRules {
    /** Categories the engine accepts (HC 健8-1), the cancellations ZA/ZB, XA and YA–YF included. */
    private static final Pattern KNOWN = Pattern.compile("0[1-9]|A[A-I]|B[A-F]|CA|D[A-C]|Z[AB]|XA|Y[A-F]");
    private static final Pattern ONLINE_CHECK = Pattern.compile("05|B[A-F]|DC");
    /** Days a newborn may use the parent's card. */
    static final int NEWBORN_DAYS = 60;

    private VisitRules() {
    }

    static boolean known(String category) {
        return category != null && KNOWN.matcher(category).matches();
    }

    /** @return true for numeric categories: they use a visit and a sequence number, and can be undone */
    static boolean counted(String category) {
        return category.length() == 2 && Character.isDigit(category.charAt(0))
                && Character.isDigit(category.charAt(1));
    }

    /** @return true for 05, BA–BF and DC: the IDC must confirm the insurance first */
    static boolean needsInsuranceCheck(String category) {
        return ONLINE_CHECK.matcher(category).matches();
    }

    /** @return true for ZA and ZB: cancel a visit of the last 24 hours */
    static boolean cancelsVisit(String category) {
        return category.equals("ZA") || category.equals("ZB");
    }

    /** @return true for XA: cancel a prenatal check of the last 24 hours (5082 when there is none) */
    static boolean cancelsPrenatalCheck(String category) {
        return category.equals("XA");
    }

    /** @return true for YA–YF: cancel a preventive-care service of the last 24 hours (5084 when there is none) */
    static boolean cancelsPreventiveCare(String category) {
        return category.length() == 2 && category.charAt(0) == 'Y' && category.charAt(1) >= 'A'
                && category.charAt(1) <= 'F';
    }

    /**
     * Whether one of an area's records (its date at {@code dateAt}, ROC YYYMMDD, and the institution's 10-character
     * id right after it) is from {@code hospitalId} within the last 24 hours. The prenatal and preventive-care
     * records carry a date only, so the 24 hours are read as the two calendar days they can span: today and
     * yesterday.
     */
    static boolean recentService(byte[] records, int recordLength, int dateAt, LocalDate today, String hospitalId) {
        for (int o = 0; o + recordLength <= records.length; o += recordLength) {
            Optional<LocalDate> day = RocDate.parseDate(CardFields.ascii(records, o + dateAt, 7));
            if (day.isPresent() && !day.get().isBefore(today.minusDays(1)) && !day.get().isAfter(today)
                    && CardFields.ascii(records, o + dateAt + 7, 10).equals(hospitalId)) {
                return true;
            }
        }
        return false;
    }

    /** @return true when the newborn may no longer use the parent's card on {@code visitDay} */
    static boolean newbornTooOld(LocalDate newbornBirth, LocalDate visitDay) {
        return newbornBirth.plusDays(NEWBORN_DAYS).isBefore(visitDay);
    }

    /** @return full years of age on {@code day} */
    static int age(LocalDate birth, LocalDate day) {
        return Period.between(birth, day).getYears();
    }

    /**
     * The reminder rule of the manual's change log (3.2) and test case 1: none at 18 or younger, none with a
     * valid critical illness; over 18 from 30 visits this year, from 65 from 40; red from 90.
     *
     * @param visitsThisYear visits counted this year before this one
     * @param criticalIllness whether the holder has a valid critical illness (checked only when it matters)
     * @return the reminder, or empty
     */
    static Optional<VisitReminder> reminder(String cardNumber, int age, int visitsThisYear,
            java.util.function.BooleanSupplier criticalIllness) {
        if (age <= 18) {
            return Optional.empty();
        }
        int threshold = age >= 65 ? 40 : 30;
        if (visitsThisYear < threshold || criticalIllness.getAsBoolean()) {
            return Optional.empty();
        }
        boolean red = visitsThisYear >= 90;
        String message = "就醫次數提醒：本年度已就醫 " + visitsThisYear + " 次" + (red ? "，已達 90 次以上" : "")
                + "，請留意就醫狀況。";
        return Optional.of(new VisitReminder(cardNumber, visitsThisYear, age, red, message));
    }
}
