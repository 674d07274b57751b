package org.opennhi.engine.internal;

/** The HC and HPC data areas of the card profile (docs/card-profile.md §4, §5): numbers and sizes. */
final class Areas {
    static final int BASIC = 0x00;
    static final int STATUS = 0x01;
    static final int REGISTRATION = 0x02;
    static final int PHONE = 0x03;
    static final int LAST_SEQUENCE = 0x05;
    static final int CRITICAL_ILLNESS = 0x06;
    static final int VISITS = 0x07;
    static final int DIAGNOSES = 0x08;
    static final int CUMULATIVE = 0x09;
    static final int OUTPATIENT_RX = 0x0E;
    static final int LONG_TERM_RX = 0x0F;
    static final int PIN_STATUS = 0xFF;

    static final int VISIT_LENGTH = 69;
    static final int VISIT_RECORDS = 6;
    static final int DIAGNOSIS_LENGTH = 43;
    static final int CUMULATIVE_LENGTH = 67;
    static final int PRESCRIPTION_LENGTH = 61;

    private Areas() {
    }

    /** @return the record length of an HC area */
    static int recordLength(int area) {
        return switch (area) {
            case BASIC -> 57;
            case STATUS -> 10;
            case REGISTRATION -> 11;
            case PHONE -> 14;
            case 0x04 -> 1;
            case LAST_SEQUENCE -> 7;
            case CRITICAL_ILLNESS -> 19;
            case VISITS -> VISIT_LENGTH;
            case DIAGNOSES -> DIAGNOSIS_LENGTH;
            case CUMULATIVE -> CUMULATIVE_LENGTH;
            case 0x0A -> 20;
            case 0x0B -> 21;
            case 0x0C -> 19;
            case 0x0D -> 35;
            case OUTPATIENT_RX -> PRESCRIPTION_LENGTH;
            case LONG_TERM_RX -> 44;
            case 0x10 -> 36;
            case 0x11 -> 40;
            case PIN_STATUS -> 3;
            default -> throw new IllegalArgumentException("no HC area " + area);
        };
    }

    /** @return the number of records of an HC area */
    static int records(int area) {
        return switch (area) {
            case CRITICAL_ILLNESS, VISITS, DIAGNOSES, 0x0B -> 6;
            case CUMULATIVE -> 2;
            case 0x0C -> 11;
            case 0x0D -> 40;
            case OUTPATIENT_RX -> 60;
            case LONG_TERM_RX -> 30;
            case 0x10 -> 10;
            case 0x11 -> 3;
            default -> 1;
        };
    }

    /** @return true for areas only readable after the holder's PIN when one is enabled */
    static boolean pinProtected(int area) {
        return area != BASIC && area != STATUS && area != PHONE && area != PIN_STATUS;
    }
}
