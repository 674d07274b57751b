// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

import java.util.Objects;

/**
 * Who the HIS believes holds the card, for writes (pPatientID, pPatientBirthDate): the engine compares them
 * with the card and refuses a mismatch with 5020.
 *
 * @param idNumber the id number (10 characters)
 * @param birthDate the birth date, ROC YYYMMDD
 */
public record PatientCheck(String idNumber, String birthDate) {

    /** @throws NullPointerException when a field is null */
    public PatientCheck {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    /** Never shows the id number. */
    @Override
    public String toString() {
        return "PatientCheck[…]";
    }
}
