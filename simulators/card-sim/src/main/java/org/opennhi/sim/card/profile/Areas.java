package org.opennhi.sim.card.profile;

import org.opennhi.sim.card.internal.Area;
import org.opennhi.sim.card.internal.Layouts;
import org.opennhi.card.crypto.CardKind;

/** Data area numbers (AA in GET DATA / PUT DATA / APPEND RECORD) and their sizes (docs/card-profile.md §4–§6). */
public final class Areas {
    /** HC: basic profile, public (57 bytes); also the identity area of HPC, SAM and institution cards. */
    public static final int BASIC = Layouts.BASIC;
    /** HC: cancellation mark, expiry, available visits (10). */
    public static final int CARD_STATUS = Layouts.CARD_STATUS;
    /** HC: insurer, insured-person mark, newborn date and count (11). */
    public static final int REGISTRATION = Layouts.REGISTRATION;
    /** HC: emergency phone (14). */
    public static final int EMERGENCY_PHONE = Layouts.EMERGENCY_PHONE;
    /** HC: organ donation mark (1). */
    public static final int ORGAN_DONATION = Layouts.ORGAN_DONATION;
    /** HC: last sequence number (7). */
    public static final int LAST_SEQUENCE = Layouts.LAST_SEQUENCE;
    /** HC: critical illnesses, 6 × 19. */
    public static final int CRITICAL_ILLNESS = Layouts.CRITICAL_ILLNESS;
    /** HC: visit records, 6 × 69, cyclic. */
    public static final int VISITS = Layouts.VISITS;
    /** HC: diagnoses, 6 × 43, cyclic. */
    public static final int DIAGNOSES = Layouts.DIAGNOSES;
    /** HC: cumulative data, 2 × 67. */
    public static final int CUMULATIVE = Layouts.CUMULATIVE;
    /** HC: cumulative fees (20). */
    public static final int CUMULATIVE_FEE = Layouts.CUMULATIVE_FEE;
    /** HC: preventive care, 6 × 21, cyclic. */
    public static final int PREVENTIVE = Layouts.PREVENTIVE;
    /** HC: prenatal checks, 11 × 19, cyclic. */
    public static final int PRENATAL = Layouts.PRENATAL;
    /** HC: inoculations, 40 × 35, cyclic. */
    public static final int INOCULATION = Layouts.INOCULATION;
    /** HC: outpatient prescriptions, 60 × 61, cyclic. */
    public static final int OUTPATIENT_RX = Layouts.OUTPATIENT_RX;
    /** HC: long-term prescriptions, 30 × 44, cyclic. */
    public static final int LONG_TERM_RX = Layouts.LONG_TERM_RX;
    /** HC: important orders, 10 × 36, cyclic. */
    public static final int IMPORTANT_ORDERS = Layouts.IMPORTANT_ORDERS;
    /** HC: allergic medicines, 3 × 40. */
    public static final int ALLERGIES = Layouts.ALLERGIES;
    /** HC and HPC: PIN status, public (3). */
    public static final int PIN_STATUS = Layouts.PIN_STATUS;

    private Areas() {
    }

    /** @return bytes per record of that area on that kind of card, or -1 when the card has no such area */
    public static int recordLength(CardKind kind, int area) {
        Area a = Layouts.of(kind).get(area);
        return a == null ? -1 : a.recordLength();
    }

    /** @return records in that area, or -1 when the card has no such area */
    public static int records(CardKind kind, int area) {
        Area a = Layouts.of(kind).get(area);
        return a == null ? -1 : a.records();
    }
}
