package org.opennhi.engine;

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
 */
public record Visit(String visitDateTime, String sequenceNumber, String hospitalId, byte[] signature, String samId,
        boolean sameDay, Optional<String> treatmentId, Optional<VisitReminder> reminder) {

    /** Copies the signature. */
    public Visit {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
