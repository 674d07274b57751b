// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

import java.util.Objects;

/**
 * What the HIS asks for when it takes a visit (取號).
 *
 * @param treatmentCategory 就醫類別, 2 characters (e.g. {@code 01}, {@code AA}, {@code ZA})
 * @param newbornVisit 新生兒就醫註記: true when the visit is for the holder's dependant newborn
 * @param afterCheck 補卡註記: {@code '1'} normal, {@code '2'} card issued afterwards
 * @param signature which signature the caller needs (128 raw bytes for 1.9, 256 printable for 1.37/1.53)
 * @param withTreatmentId true to also get a treatment id (1.53)
 */
public record VisitRequest(String treatmentCategory, boolean newbornVisit, char afterCheck,
        SignatureForm signature, boolean withTreatmentId) {

    /** Which form of visit signature. */
    public enum SignatureForm {
        /** 128 raw bytes (1.9). */
        RAW_128,
        /** 256 printable bytes (1.37, 1.53). */
        PRINTABLE_256
    }

    /** @throws NullPointerException when the category or the signature form is null */
    public VisitRequest {
        Objects.requireNonNull(treatmentCategory, "treatmentCategory");
        Objects.requireNonNull(signature, "signature");
    }
}
