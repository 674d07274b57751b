// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.engine.CardFields;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.TreatmentWrite;
import org.opennhi.engine.internal.HcConversation.Write;

/**
 * The doctor's writes to a visit on the card: diagnoses and fees (1.16, 1.17, 1.47) and prescriptions (1.18,
 * 1.45, 1.48, 1.49, signed by the SAM when asked). As the 5.1.3 manual has them, none needs the HPC (none lists
 * 4014 or 4042): 1.16 and 1.47 return the id of the HPC in its reader, "若讀卡機內無 HPC 卡，則 pBufferDocID 存入
 * null char" (docs/card-engine.md, "Rules the manual leaves open"). Several writes go as one write set.
 */
final class TreatmentWrites {
    private final HcAccess hc;
    private final HpcAccess hpc;
    private final SamService sam;

    TreatmentWrites(HcAccess hc, HpcAccess hpc, SamService sam) {
        this.hc = Objects.requireNonNull(hc, "hc");
        this.hpc = Objects.requireNonNull(hpc, "hpc");
        this.sam = Objects.requireNonNull(sam, "sam");
    }

    byte[] treatment(TreatmentWrite write, PinSource pin) throws NhiException {
        byte[] doctorId = doctorId();
        hc.session(pin, c -> {
            c.checkPatient(write.patient());
            byte[] visits = c.area(HcArea.VISITS);
            int index = VisitArea.findVisit(visits, write.visitDateTime());
            if (index < 0) {
                throw new NhiException(ResultCode.VISIT_RECORD_NOT_FOUND, "no visit at that date-time on the card");
            }
            List<Write> writes = new ArrayList<>();
            byte[] record = CardFields.slice(visits, index * HcArea.VISITS.recordLength(),
                    HcArea.VISITS.recordLength());
            write.diagnoses().ifPresent(d -> record[16] = d[0]);
            write.fees().ifPresent(f -> System.arraycopy(f, 0, record, 31, TreatmentWrite.FEES_LENGTH));
            byte[] newVisits = visits.clone();
            System.arraycopy(record, 0, newVisits, index * HcArea.VISITS.recordLength(), HcArea.VISITS.recordLength());
            writes.add(Write.put(HcArea.VISITS, index + 1, record, newVisits));
            if (write.diagnoses().isPresent()) {
                byte[] diagnoses = diagnosesIfReadable(c);
                byte[] entry = new byte[HcArea.DIAGNOSES.recordLength()];
                System.arraycopy(write.visitDateTime().getBytes(StandardCharsets.US_ASCII), 0, entry, 0, 13);
                System.arraycopy(write.diagnoses().get(), 1, entry, 13, 30);
                int existing = diagnoses == null ? -1
                        : VisitArea.findRecord(diagnoses, HcArea.DIAGNOSES.recordLength(), write.visitDateTime());
                if (diagnoses == null) {
                    writes.add(Write.append(HcArea.DIAGNOSES, entry));
                } else if (existing >= 0) {
                    byte[] after = diagnoses.clone();
                    System.arraycopy(entry, 0, after, existing * HcArea.DIAGNOSES.recordLength(), entry.length);
                    writes.add(Write.put(HcArea.DIAGNOSES, existing + 1, entry, after));
                } else {
                    writes.add(Write.append(HcArea.DIAGNOSES, entry, diagnoses));
                }
            }
            c.write(write.diagnoses().isPresent() ? ResultCode.VISIT_RECORD_UPDATE_FAILED
                    : ResultCode.FEE_RECORD_WRITE_FAILED, writes.toArray(Write[]::new));
            return null;
        });
        return doctorId;
    }

    /**
     * The diagnoses area, or null when only the holder's PIN (not given) would open it: a new visit's diagnoses
     * are then appended without looking, which is right unless the HIS writes the same visit twice.
     */
    private static byte[] diagnosesIfReadable(HcConversation c) throws NhiException {
        try {
            return c.area(HcArea.DIAGNOSES);
        } catch (NhiException e) {
            if (e.result() == ResultCode.PIN_ENTRY_CANCELLED) {
                return null;
            }
            throw e;
        }
    }

    /**
     * 1.16/1.47's pBufferDocID: the authorised professional's id (also with the HPC away under fast
     * authentication), else the id of the HPC in its reader (its public identity: no PIN), else none.
     */
    private byte[] doctorId() {
        try {
            return hpc.authorisedProfessional().idNumberBytes();
        } catch (NhiException notAuthorised) {
            try {
                return hpc.professional().idNumberBytes();
            } catch (NhiException noHpc) {
                return new byte[0];
            }
        }
    }

    List<byte[]> prescriptions(PatientCheck patient, String visitDateTime, List<byte[]> records,
            boolean sign, PinSource pin) throws NhiException {
        if (records.isEmpty() || records.size() > HcArea.OUTPATIENT_PRESCRIPTIONS.records()) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "1 to 60 prescriptions at a time");
        }
        byte[] dt = visitDateTime.getBytes(StandardCharsets.US_ASCII);
        for (byte[] r : records) {
            if (r.length != HcArea.OUTPATIENT_PRESCRIPTIONS.recordLength() || !Arrays.equals(dt, 0, 13, r, 0, 13)
                    || dt.length != 13) {
                throw new NhiException(ResultCode.BAD_PARAMETER,
                        "each prescription is 61 bytes and starts with the visit's date-time");
            }
        }
        return hc.session(pin, c -> {
            c.checkPatient(patient);
            if (VisitArea.findVisit(c.area(HcArea.VISITS), visitDateTime) < 0) {
                throw new NhiException(ResultCode.VISIT_RECORD_NOT_FOUND, "no visit at that date-time on the card");
            }
            List<byte[]> signatures = new ArrayList<>();
            if (sign) {
                for (byte[] r : records) {
                    signatures.add(sam.sign(SignatureType.PRESCRIPTION, r));
                }
            }
            byte[] area = c.cached(HcArea.OUTPATIENT_PRESCRIPTIONS);
            List<Write> writes = new ArrayList<>();
            for (byte[] r : records) {
                Write w = area != null ? Write.append(HcArea.OUTPATIENT_PRESCRIPTIONS, r, area)
                        : Write.append(HcArea.OUTPATIENT_PRESCRIPTIONS, r);
                writes.add(w);
                area = w.contentAfter();
            }
            try {
                c.write(ResultCode.OUTPATIENT_PRESCRIPTION_WRITE_FAILED, writes.toArray(Write[]::new));
            } finally {
                // the card copies long-term prescriptions itself: what we held of that area is stale now
                c.forget(HcArea.LONG_TERM_PRESCRIPTIONS);
            }
            return signatures;
        });
    }
}
