package org.opennhi.engine;

/**
 * The HC's health-record areas the 5.1.x read functions hand out (docs/card-profile.md §4), with their record
 * sizes. Areas marked {@link #professional()} are read only for a health professional: an HPC in its reader
 * with its PIN verified (醫療專區); pharmacists see less of some of them.
 */
public enum RecordArea {
    /** 重大傷病: code 5, from 7, to 7 (1.8, 1.33, 1.50); dates alone need no HPC (1.5). */
    CRITICAL_ILLNESSES(0x06, 19, 6, true),
    /** 就醫資料登錄: category, date-time, sequence, hospital, fees (1.5). */
    VISITS(0x07, 69, 6, false),
    /** 就醫診療資料: visit date-time 13, main and five secondary diagnoses of 5 (1.8). */
    DIAGNOSES(0x08, 43, 6, true),
    /** 就醫累計資料 (1.6). */
    CUMULATIVE_DATA(0x09, 67, 2, false),
    /** 醫療費用總累計 (1.7). */
    CUMULATIVE_FEES(0x0A, 20, 1, false),
    /** 預防保健 (1.3). */
    PREVENTIVE_CARE(0x0B, 21, 6, false),
    /** 孕婦產前檢查 (1.4). */
    PRENATAL_CHECKS(0x0C, 19, 11, false),
    /** 預防接種 (1.11). */
    INOCULATIONS(0x0D, 35, 40, false),
    /** 同意器官捐贈及安寧緩和醫療註記 (1.12). */
    ORGAN_DONATION(0x04, 1, 1, false),
    /** 門診處方箋 (1.10, 1.41); pharmacists see order classes 1, 2, A and B only. */
    OUTPATIENT_PRESCRIPTIONS(0x0E, 61, 60, true),
    /** 長期處方箋 (1.10, 1.42). */
    LONG_TERM_PRESCRIPTIONS(0x0F, 44, 30, true),
    /** 重要醫令 (1.10, 1.43); not for pharmacists (9100). */
    IMPORTANT_ORDERS(0x10, 36, 10, true),
    /** 過敏藥物 (1.10, 1.44). */
    ALLERGIC_MEDICINES(0x11, 40, 3, true);

    private final int area;
    private final int recordLength;
    private final int records;
    private final boolean professional;

    RecordArea(int area, int recordLength, int records, boolean professional) {
        this.area = area;
        this.recordLength = recordLength;
        this.records = records;
        this.professional = professional;
    }

    /** @return the card profile's area number */
    public int area() {
        return area;
    }

    /** @return bytes per record */
    public int recordLength() {
        return recordLength;
    }

    /** @return records in the area */
    public int records() {
        return records;
    }

    /** @return the area's size in bytes */
    public int length() {
        return recordLength * records;
    }

    /** @return true when only a verified health professional may read it */
    public boolean professional() {
        return professional;
    }
}
