// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.util.Arrays;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.ProfessionalIdentity;
import org.opennhi.engine.RecordArea;

/**
 * The health-record reads (1.3–1.8, 1.10–1.12, 1.33, 1.41–1.44, 1.50): whole areas, read once per inserted card
 * (the engine's cache) and handed out as the card holds them, with the manual's access rules: the medical areas
 * only for a verified health professional, and less of them for a pharmacist.
 */
final class HealthRecords {
    /** 醫令類別 a pharmacist may read: drugs (1 非長期, 2 長期) and A, B (manual 1.10 and 1.41). */
    private static final String PHARMACY_ORDER_CLASSES = "12AB";

    private final HcAccess hc;
    private final HpcAccess hpc;

    HealthRecords(HcAccess hc, HpcAccess hpc) {
        this.hc = java.util.Objects.requireNonNull(hc, "hc");
        this.hpc = java.util.Objects.requireNonNull(hpc, "hpc");
    }

    byte[] read(RecordArea area, PinSource pin) throws NhiException {
        if (!area.professional()) {
            return readArea(area, pin);
        }
        // the medical writes' rule: fast auth covers reads too
        ProfessionalIdentity who = hpc.authorisedProfessional();
        boolean pharmacy = who.pharmacy(); // 06 and 07 alike, as for writes
        if (pharmacy && (area == RecordArea.CRITICAL_ILLNESSES || area == RecordArea.IMPORTANT_ORDERS)) {
            throw new NhiException(ResultCode.PHARMACY_NOT_PERMITTED, "a pharmacist's HPC does not read " + area);
        }
        byte[] data;
        try {
            data = readArea(area, pin);
        } catch (NhiException e) {
            throw readFailure(area, e);
        }
        if (pharmacy && area == RecordArea.OUTPATIENT_PRESCRIPTIONS) {
            blankOtherThanDrugs(data);
        }
        hc.confirmed(3); // the HC opened an HPC's area to this professional (1.15: 3)
        return data;
    }

    byte[] criticalIllnessDates(PinSource pin) throws NhiException {
        RecordArea a = RecordArea.CRITICAL_ILLNESSES;
        byte[] data = readArea(a, pin);
        for (int i = 0; i < a.records(); i++) {
            Arrays.fill(data, i * a.recordLength(), i * a.recordLength() + 5, (byte) ' ');
        }
        return data;
    }

    /** One HC area, from the cache or in one reader session. */
    private byte[] readArea(RecordArea area, PinSource pin) throws NhiException {
        HcArea a = area.hcArea();
        return hc.read(pin, c -> c.area(a));
    }

    /** A prescription area the card would not give (not a PIN or presence problem) is the area's own code. */
    private static NhiException readFailure(RecordArea area, NhiException e) {
        if (e.result() != ResultCode.HC_IO_ERROR && e.result() != ResultCode.INSUFFICIENT_CARD_PERMISSION) {
            return e;
        }
        ResultCode code = switch (area) {
            case OUTPATIENT_PRESCRIPTIONS -> ResultCode.OUTPATIENT_PRESCRIPTION_READ_FAILED;
            case LONG_TERM_PRESCRIPTIONS -> ResultCode.LONG_TERM_PRESCRIPTION_READ_FAILED;
            case IMPORTANT_ORDERS -> ResultCode.IMPORTANT_ORDERS_READ_FAILED;
            case ALLERGIC_MEDICINES -> ResultCode.ALLERGY_READ_FAILED;
            default -> null;
        };
        return code == null ? e : new NhiException(code, e.getMessage(), e);
    }

    private static void blankOtherThanDrugs(byte[] prescriptions) {
        int length = RecordArea.OUTPATIENT_PRESCRIPTIONS.recordLength();
        for (int o = 0; o + length <= prescriptions.length; o += length) {
            if (PHARMACY_ORDER_CLASSES.indexOf(prescriptions[o + 13]) < 0) {
                Arrays.fill(prescriptions, o, o + length, (byte) ' ');
            }
        }
    }
}
