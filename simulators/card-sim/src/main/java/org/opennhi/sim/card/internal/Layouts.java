package org.opennhi.sim.card.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opennhi.card.crypto.CardKind;

/**
 * The data areas of each card kind, as tabled in docs/card-profile.md §3–§6. Byte layouts inside the areas
 * follow the 5.1.3 API manual's buffers so the engine can copy fields without reshaping them.
 */
public final class Layouts {
    /** HC area numbers. */
    public static final int BASIC = 0x00;
    public static final int CARD_STATUS = 0x01;
    public static final int REGISTRATION = 0x02;
    public static final int EMERGENCY_PHONE = 0x03;
    public static final int ORGAN_DONATION = 0x04;
    public static final int LAST_SEQUENCE = 0x05;
    public static final int CRITICAL_ILLNESS = 0x06;
    public static final int VISITS = 0x07;
    public static final int DIAGNOSES = 0x08;
    public static final int CUMULATIVE = 0x09;
    public static final int CUMULATIVE_FEE = 0x0A;
    public static final int PREVENTIVE = 0x0B;
    public static final int PRENATAL = 0x0C;
    public static final int INOCULATION = 0x0D;
    public static final int OUTPATIENT_RX = 0x0E;
    public static final int LONG_TERM_RX = 0x0F;
    public static final int IMPORTANT_ORDERS = 0x10;
    public static final int ALLERGIES = 0x11;
    /** Pseudo-area, read-only and public: PIN enabled, tries left, verified in this session. */
    public static final int PIN_STATUS = 0xFF;

    private static final Map<CardKind, Map<Integer, Area>> LAYOUTS = Map.of(
            CardKind.HC, index(List.of(
                    new Area(BASIC, "basic profile", 57, 1, false, Access.PUBLIC, false),
                    new Area(CARD_STATUS, "card status", 10, 1, false, Access.AUTHENTICATED, true),
                    new Area(REGISTRATION, "registration", 11, 1, false, Access.AUTHENTICATED_AND_PIN, true),
                    new Area(EMERGENCY_PHONE, "emergency phone", 14, 1, false, Access.AUTHENTICATED, true),
                    new Area(ORGAN_DONATION, "organ donation", 1, 1, false, Access.AUTHENTICATED_AND_PIN, true),
                    new Area(LAST_SEQUENCE, "last sequence number", 7, 1, false, Access.AUTHENTICATED_AND_PIN,
                            true),
                    new Area(CRITICAL_ILLNESS, "critical illnesses", 19, 6, false, Access.AUTHENTICATED_AND_PIN,
                            true),
                    new Area(VISITS, "visit records", 69, 6, true, Access.AUTHENTICATED_AND_PIN, true),
                    new Area(DIAGNOSES, "diagnoses", 43, 6, true, Access.AUTHENTICATED_AND_PIN, true),
                    new Area(CUMULATIVE, "cumulative data", 67, 2, false, Access.AUTHENTICATED_AND_PIN, true),
                    new Area(CUMULATIVE_FEE, "cumulative fees", 20, 1, false, Access.AUTHENTICATED_AND_PIN, true),
                    new Area(PREVENTIVE, "preventive care", 21, 6, true, Access.AUTHENTICATED_AND_PIN, true),
                    new Area(PRENATAL, "prenatal checks", 19, 11, true, Access.AUTHENTICATED_AND_PIN, true),
                    new Area(INOCULATION, "inoculations", 35, 40, true, Access.AUTHENTICATED_AND_PIN, true),
                    new Area(OUTPATIENT_RX, "outpatient prescriptions", 61, 60, true,
                            Access.AUTHENTICATED_AND_PIN, true),
                    new Area(LONG_TERM_RX, "long-term prescriptions", 44, 30, true, Access.AUTHENTICATED_AND_PIN,
                            true),
                    new Area(IMPORTANT_ORDERS, "important orders", 36, 10, true, Access.AUTHENTICATED_AND_PIN,
                            true),
                    new Area(ALLERGIES, "allergic medicines", 40, 3, false, Access.AUTHENTICATED_AND_PIN, true))),
            CardKind.HPC, index(List.of(
                    new Area(BASIC, "professional identity", 71, 1, false, Access.PUBLIC, false))),
            CardKind.SAM, index(List.of(
                    new Area(BASIC, "SAM identity", 82, 1, false, Access.PUBLIC, false))),
            CardKind.INSTITUTION, index(List.of(
                    new Area(BASIC, "institution identity", 62, 1, false, Access.PUBLIC, false))));

    private Layouts() {
    }

    /** @return the areas of that kind of card, by area number, in number order */
    public static Map<Integer, Area> of(CardKind kind) {
        return LAYOUTS.get(kind);
    }

    private static Map<Integer, Area> index(List<Area> areas) {
        Map<Integer, Area> m = new LinkedHashMap<>();
        areas.forEach(a -> m.put(a.id(), a));
        return java.util.Collections.unmodifiableMap(m);
    }
}
