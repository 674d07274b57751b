// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * Diagnoses and/or fees for a visit already on the card (1.16, 1.17, 1.47).
 *
 * @param patient who the HIS believes holds the card
 * @param visitDateTime the visit's ROC date-time (13 digits), as the sequence number was taken
 * @param diagnoses 補卡註記 (1) and six 5-byte diagnosis codes (30): 31 bytes, or empty to leave them
 * @param fees the five fee fields (8, 8, 8, 7, 7): 38 bytes, or empty to leave them
 */
public record TreatmentWrite(PatientCheck patient, String visitDateTime, Optional<byte[]> diagnoses,
        Optional<byte[]> fees) {

    /** Length of 補卡註記 plus six diagnosis codes. */
    public static final int DIAGNOSES_LENGTH = 31;
    /** Length of the fee fields. */
    public static final int FEES_LENGTH = 38;

    /** @throws IllegalArgumentException when a part has the wrong length */
    public TreatmentWrite {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(visitDateTime, "visitDateTime");
        diagnoses = diagnoses.map(byte[]::clone);
        fees = fees.map(byte[]::clone);
        if (diagnoses.isPresent() && diagnoses.get().length != DIAGNOSES_LENGTH) {
            throw new IllegalArgumentException("diagnoses are 31 bytes");
        }
        if (fees.isPresent() && fees.get().length != FEES_LENGTH) {
            throw new IllegalArgumentException("fees are 38 bytes");
        }
    }
}
