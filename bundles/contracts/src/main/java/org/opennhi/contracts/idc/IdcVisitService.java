// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.idc;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The IDC's visit services, spoken through the authenticated SAM's IDC session (whichever SAM mode is active).
 * Every call is bounded in time; an IDC that cannot be reached is {@code 4061}, never a hang.
 */
@ProviderType
public interface IdcVisitService {

    /**
     * Online insurance check (即時查保), needed for 就醫類別 05, BA–BF and DC.
     *
     * @param cardNumber the HC's 12-digit number
     * @param idNumber the holder's id number, or null; used to detect an identity mismatch (9093)
     * @return {@link ResultCode#SUCCESS} when insured, else the documented code (5012, 9083–9093)
     * @throws NhiException {@code 4061} when the IDC cannot be reached, {@code 4050} without a SAM session
     */
    ResultCode checkInsurance(String cardNumber, String idNumber) throws NhiException;

    /**
     * Issues a treatment id (就醫識別碼) online.
     *
     * @param visitDateTime the visit's ROC date-time, 13 digits
     * @param cardNumber the HC's number when a card is present (1.53, 1.56), empty without one (1.54 online)
     * @param sequenceNumber the visit's sequence number (4 characters), or null
     * @param idNumber the patient's id number, or null
     * @return the 20-character treatment id
     * @throws NhiException {@code 4061} when the IDC cannot be reached, {@code 5174} when it refuses
     */
    String issueTreatmentId(String visitDateTime, Optional<String> cardNumber, String sequenceNumber,
            String idNumber) throws NhiException;

    /**
     * Makes an offline treatment id with the SAM's own key while the IDC cannot be reached (1.54); it must be
     * reconciled later with {@link #reconcile}.
     *
     * @param visitTime the visit's date-time (Taiwan time)
     * @param idNumber the patient's id number
     * @return the 20-character treatment id
     * @throws NhiException {@code 4012}/{@code 92xx} when no SAM key is at hand, {@code 5174} otherwise
     */
    String offlineTreatmentId(LocalDateTime visitTime, String idNumber) throws NhiException;

    /**
     * Hands offline ids to the IDC once it answers again.
     *
     * @param ids what was issued offline
     * @return one outcome per id, in the same order
     * @throws NhiException {@code 4061} when the IDC still cannot be reached
     */
    List<Reconciliation> reconcile(List<OfflineTreatmentId> ids) throws NhiException;

    /**
     * The service owns the offline ids it made (its journal survives a restart), so the engine keeps no list.
     *
     * @return how many offline ids still wait for the IDC
     */
    int pendingOfflineIds();

    /**
     * Hands every pending offline id to the IDC now, rather than at the service's next background attempt.
     *
     * @return how many the IDC accepted (refused ones are settled too: the IDC keeps its word)
     * @throws NhiException {@code 4061} when the IDC still cannot be reached
     */
    int reconcilePending() throws NhiException;

    /**
     * A treatment id made offline.
     *
     * @param treatmentId the 20 characters
     * @param visitDateTime ROC date-time, 13 digits
     * @param idNumber the patient's id number (needed by the IDC to check the tag; never logged)
     */
    record OfflineTreatmentId(String treatmentId, String visitDateTime, String idNumber) {
        /** Never shows the id number. */
        @Override
        public String toString() {
            return "OfflineTreatmentId[" + treatmentId + ", " + visitDateTime + "]";
        }
    }

    /**
     * What the IDC said about one offline id.
     *
     * @param treatmentId the id
     * @param accepted true when accepted now or earlier
     * @param outcome the IDC's word, e.g. {@code ACCEPTED}, {@code ALREADY_RECONCILED}, {@code BAD_TAG}
     */
    record Reconciliation(String treatmentId, boolean accepted, String outcome) {
    }
}
