// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.treat;

/**
 * A treatment id the IDC issued or accepted in reconciliation. Patients appear only as id-number digests.
 *
 * @param treatmentId the 20-character id
 * @param samId the SAM it was issued to or reconciled by
 * @param hospitalId the institution
 * @param visitDateTime ROC 13-character visit date-time
 * @param source ONLINE_CARD, OFFLINE, WEB_API or ONLINE_NO_CARD
 * @param sequenceNumber the visit sequence number (就醫序號) if the platform gave one
 * @param idDigest SHA-256 of the patient's id number, or null
 * @param issuedAt ISO date-time the IDC recorded it
 * @param reconciled true for an offline id accepted by reconciliation
 */
public record TreatmentRecord(String treatmentId, String samId, String hospitalId, String visitDateTime,
        String source, String sequenceNumber, String idDigest, String issuedAt, boolean reconciled) {
}
