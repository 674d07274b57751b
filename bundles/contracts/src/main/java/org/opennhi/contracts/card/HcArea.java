// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.card;

import java.util.Optional;

/**
 * The health card's data areas (docs/card-profile.md §4): the area number GET DATA, PUT DATA and APPEND RECORD
 * name, the record length and count, whether APPEND RECORD cycles it, whether it may be written, who may read
 * it on the card, and whether the platform hands it to the HIS only for a health professional.
 */
public enum HcArea {
    /** Card number, name, id number, birth date, sex, issue date. */
    BASIC_PROFILE(0x00, "basic profile", 57, 1, Shape.FIXED_READ_ONLY, Access.PUBLIC, false),
    /** Cancellation mark, expiry, available visits. */
    CARD_STATUS(0x01, "card status", 10, 1, Shape.FIXED, Access.AUTHENTICATED, false),
    /** Insurer, insured-person mark, newborn birth date and count. */
    REGISTRATION(0x02, "registration", 11, 1, Shape.FIXED, Access.AUTHENTICATED_AND_PIN, false),
    /** Emergency phone, space padded. */
    EMERGENCY_PHONE(0x03, "emergency phone", 14, 1, Shape.FIXED, Access.AUTHENTICATED, false),
    /** 同意器官捐贈及安寧緩和醫療註記 (1.12). */
    ORGAN_DONATION(0x04, "organ donation", 1, 1, Shape.FIXED, Access.AUTHENTICATED_AND_PIN, false),
    /** The last sequence number (1.14). */
    LAST_SEQUENCE(0x05, "last sequence number", 7, 1, Shape.FIXED, Access.AUTHENTICATED_AND_PIN, false),
    /** 重大傷病: code, from, to (1.8, 1.33, 1.50); the dates alone need no HPC (1.5). */
    CRITICAL_ILLNESSES(0x06, "critical illnesses", 19, 6, Shape.FIXED, Access.AUTHENTICATED_AND_PIN, true),
    /** 就醫資料登錄 (1.5). */
    VISITS(0x07, "visit records", 69, 6, Shape.CYCLIC, Access.AUTHENTICATED_AND_PIN, false),
    /** 就醫診療資料 (1.8). */
    DIAGNOSES(0x08, "diagnoses", 43, 6, Shape.CYCLIC, Access.AUTHENTICATED_AND_PIN, true),
    /** 就醫累計資料 (1.6). */
    CUMULATIVE_DATA(0x09, "cumulative data", 67, 2, Shape.FIXED, Access.AUTHENTICATED_AND_PIN, false),
    /** 醫療費用總累計 (1.7). */
    CUMULATIVE_FEES(0x0A, "cumulative fees", 20, 1, Shape.FIXED, Access.AUTHENTICATED_AND_PIN, false),
    /** 預防保健 (1.3). */
    PREVENTIVE_CARE(0x0B, "preventive care", 21, 6, Shape.CYCLIC, Access.AUTHENTICATED_AND_PIN, false),
    /** 孕婦產前檢查 (1.4). */
    PRENATAL_CHECKS(0x0C, "prenatal checks", 19, 11, Shape.CYCLIC, Access.AUTHENTICATED_AND_PIN, false),
    /** 預防接種 (1.11). */
    INOCULATIONS(0x0D, "inoculations", 35, 40, Shape.CYCLIC, Access.AUTHENTICATED_AND_PIN, false),
    /** 門診處方箋 (1.10, 1.41). */
    OUTPATIENT_PRESCRIPTIONS(0x0E, "outpatient prescriptions", 61, 60, Shape.CYCLIC, Access.AUTHENTICATED_AND_PIN,
            true),
    /** 長期處方箋 (1.10, 1.42). */
    LONG_TERM_PRESCRIPTIONS(0x0F, "long-term prescriptions", 44, 30, Shape.CYCLIC, Access.AUTHENTICATED_AND_PIN,
            true),
    /** 重要醫令 (1.10, 1.43). */
    IMPORTANT_ORDERS(0x10, "important orders", 36, 10, Shape.CYCLIC, Access.AUTHENTICATED_AND_PIN, true),
    /** 過敏藥物 (1.10, 1.44). */
    ALLERGIC_MEDICINES(0x11, "allergic medicines", 40, 3, Shape.FIXED, Access.AUTHENTICATED_AND_PIN, true),
    /** Not stored: the card computes it from its PIN state (PIN enabled, tries left, verified; §3.2). */
    PIN_STATUS(0xFF, "PIN status", 3, 1, Shape.FIXED_READ_ONLY, Access.PUBLIC, false);

    /** Who may read an area on the card. */
    public enum Access {
        /** Anyone, without authentication. */
        PUBLIC,
        /** After mutual authentication with a SAM. */
        AUTHENTICATED,
        /** After mutual authentication, and a verified holder's PIN when the holder enabled one. */
        AUTHENTICATED_AND_PIN
    }

    /** How an area may be written. */
    private enum Shape {
        FIXED_READ_ONLY, FIXED, CYCLIC
    }

    private final int id;
    private final String description;
    private final int recordLength;
    private final int records;
    private final Shape shape;
    private final Access access;
    private final boolean professional;

    HcArea(int id, String description, int recordLength, int records, Shape shape, Access access,
            boolean professional) {
        this.id = id;
        this.description = description;
        this.recordLength = recordLength;
        this.records = records;
        this.shape = shape;
        this.access = access;
        this.professional = professional;
    }

    /** @return the area number (AA) of GET DATA, PUT DATA and APPEND RECORD */
    public int id() {
        return id;
    }

    /** @return a short English name */
    public String description() {
        return description;
    }

    /** @return bytes per record */
    public int recordLength() {
        return recordLength;
    }

    /** @return records in the area (a transparent area is one record) */
    public int records() {
        return records;
    }

    /** @return the area's size in bytes */
    public int length() {
        return recordLength * records;
    }

    /** @return true when APPEND RECORD puts the newest record first and drops the oldest */
    public boolean cyclic() {
        return shape == Shape.CYCLIC;
    }

    /** @return false for areas only personalisation writes (and the computed PIN status) */
    public boolean writable() {
        return shape != Shape.FIXED_READ_ONLY;
    }

    /** @return who may read it on the card */
    public Access access() {
        return access;
    }

    /** @return true when the card asks for the holder's PIN (if enabled) before reading it */
    public boolean pinProtected() {
        return access == Access.AUTHENTICATED_AND_PIN;
    }

    /**
     * @return true when the platform hands it to the HIS only with an HPC in its reader whose PIN was verified
     *         (醫療專區; 5.1.3 manual 1.8, 1.10)
     */
    public boolean professional() {
        return professional;
    }

    /** @return the area with that number, or empty when the HC has none */
    public static Optional<HcArea> of(int id) {
        for (HcArea a : values()) {
            if (a.id == id) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
