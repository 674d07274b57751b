// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

import java.util.List;
import java.util.Optional;

/**
 * A visit taken with {@link CardEngine#takeVisit}: what 1.9, 1.37 and 1.53 return.
 *
 * @param visitDateTime ROC date-time of the visit, 13 digits (就診日期時間)
 * @param sequenceNumber the visit's sequence number, 4 characters (就醫序號)
 * @param hospitalId the institution's 10-character id from the SAM
 * @param signature the SAM's visit signature: 128 raw bytes, or 256 printable bytes
 * @param samId the SAM's 12-character id
 * @param sameDay true when the card already holds a visit on the same day ('Y')
 * @param treatmentId the 20-character treatment id (就醫識別碼), when asked for
 * @param reminder the visit-count reminder, when one is due
 * @param expiringIllnesses critical illnesses on the card that end within
 *        {@link CriticalIllnessExpiry#WINDOW_DAYS} days (since 1.2); empty when none or unreadable
 */
public record Visit(String visitDateTime, String sequenceNumber, String hospitalId, byte[] signature, String samId,
        boolean sameDay, Optional<String> treatmentId, Optional<VisitReminder> reminder,
        List<CriticalIllnessExpiry> expiringIllnesses) {

    /** Copies the signature. */
    public Visit {
        signature = signature.clone();
        expiringIllnesses = List.copyOf(expiringIllnesses);
    }

    /** A visit without critical-illness notices, as engines of package 1.1 made it. */
    public Visit(String visitDateTime, String sequenceNumber, String hospitalId, byte[] signature, String samId,
            boolean sameDay, Optional<String> treatmentId, Optional<VisitReminder> reminder) {
        this(visitDateTime, sequenceNumber, hospitalId, signature, samId, sameDay, treatmentId, reminder, List.of());
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
