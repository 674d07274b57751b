// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

import org.opennhi.contracts.card.HcArea;

/**
 * The HC's health-record areas the 5.1.x read functions hand out; their numbers, sizes and protection are the
 * card profile's ({@link HcArea}, docs/card-profile.md §4). Areas marked {@link #professional()} are read only
 * for a health professional: an HPC in its reader with its PIN verified (醫療專區); pharmacists see less of some
 * of them.
 */
public enum RecordArea {
    /** 重大傷病: code 5, from 7, to 7 (1.8, 1.33, 1.50); dates alone need no HPC (1.5). */
    CRITICAL_ILLNESSES(HcArea.CRITICAL_ILLNESSES),
    /** 就醫資料登錄: category, date-time, sequence, hospital, fees (1.5). */
    VISITS(HcArea.VISITS),
    /** 就醫診療資料: visit date-time 13, main and five secondary diagnoses of 5 (1.8). */
    DIAGNOSES(HcArea.DIAGNOSES),
    /** 就醫累計資料 (1.6). */
    CUMULATIVE_DATA(HcArea.CUMULATIVE_DATA),
    /** 醫療費用總累計 (1.7). */
    CUMULATIVE_FEES(HcArea.CUMULATIVE_FEES),
    /** 預防保健 (1.3). */
    PREVENTIVE_CARE(HcArea.PREVENTIVE_CARE),
    /** 孕婦產前檢查 (1.4). */
    PRENATAL_CHECKS(HcArea.PRENATAL_CHECKS),
    /** 預防接種 (1.11). */
    INOCULATIONS(HcArea.INOCULATIONS),
    /** 同意器官捐贈及安寧緩和醫療註記 (1.12). */
    ORGAN_DONATION(HcArea.ORGAN_DONATION),
    /** 門診處方箋 (1.10, 1.41); pharmacists see order classes 1, 2, A and B only. */
    OUTPATIENT_PRESCRIPTIONS(HcArea.OUTPATIENT_PRESCRIPTIONS),
    /** 長期處方箋 (1.10, 1.42). */
    LONG_TERM_PRESCRIPTIONS(HcArea.LONG_TERM_PRESCRIPTIONS),
    /** 重要醫令 (1.10, 1.43); not for pharmacists (9100). */
    IMPORTANT_ORDERS(HcArea.IMPORTANT_ORDERS),
    /** 過敏藥物 (1.10, 1.44). */
    ALLERGIC_MEDICINES(HcArea.ALLERGIC_MEDICINES);

    private final HcArea area;

    RecordArea(HcArea area) {
        this.area = area;
    }

    /** @return the card profile's area */
    public HcArea hcArea() {
        return area;
    }

    /** @return the card profile's area number */
    public int area() {
        return area.id();
    }

    /** @return bytes per record */
    public int recordLength() {
        return area.recordLength();
    }

    /** @return records in the area */
    public int records() {
        return area.records();
    }

    /** @return the area's size in bytes */
    public int length() {
        return area.length();
    }

    /** @return true when only a verified health professional may read it */
    public boolean professional() {
        return area.professional();
    }
}
