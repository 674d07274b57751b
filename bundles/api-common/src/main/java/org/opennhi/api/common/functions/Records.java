// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common.functions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.opennhi.api.common.Buffers;
import org.opennhi.api.common.HisParameters;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.BasicProfile;
import org.opennhi.engine.CardEngine;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.RecordArea;

/**
 * The health-record reads both manuals define alike (1.3–1.8, 1.10–1.12, 1.33, 1.41–1.44, 1.50) and the
 * ICD-10 packing functions (5.1, 5.2): the engine's areas laid out in the manual's buffers. Failures are {@link NhiException}s;
 * {@link RecordFunctions} turns them into return codes.
 */
public final class Records {
    /** What the HIS writes at the start of pBuffer to read in ICD-10-CM format (1.8, 1.33, 1.50). */
    public static final byte[] ICD10_MARKER = "[XXXXXXX]".getBytes(StandardCharsets.US_ASCII);
    /** A critical illness in ICD-10 mode: separator, code 7, separator, from 7, to 7. */
    static final int ILLNESS_ICD10_LENGTH = 23;
    /** A visit's diagnoses in ICD-10 mode: date-time 13, then six times separator, code 7, separator. */
    static final int DIAGNOSES_ICD10_LENGTH = 67;
    private static final int ICD10_CODE = 7;

    private final CardEngine engine;
    private final PinSource pin;

    Records(CardEngine engine, PinSource pin) {
        this.engine = engine;
        this.pin = pin;
    }

    /** 1.3, 1.4, 1.6, 1.7, 1.11, 1.12: one area as the card holds it. */
    void area(RecordArea area, byte[] buffer, int[] length) throws NhiException {
        Buffers.fill(buffer, length, engine.readRecords(area, pin));
    }

    /** 1.5: the critical illnesses' dates (6 × 14), then the visit records (6 × 69). */
    void treatmentNoNeedHpc(byte[] buffer, int[] length) throws NhiException {
        byte[] dates = engine.criticalIllnessDates(pin);
        RecordArea ci = RecordArea.CRITICAL_ILLNESSES;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < ci.records(); i++) {
            out.write(dates, i * ci.recordLength() + 5, 14);
        }
        out.writeBytes(engine.readRecords(RecordArea.VISITS, pin));
        Buffers.fill(buffer, length, out.toByteArray());
    }

    /** 1.8: critical illnesses (spaces for a pharmacist), then the diagnoses of the six visits. */
    void treatmentNeedHpc(byte[] buffer, int[] length) throws NhiException {
        boolean icd10 = icd10Mode(buffer, length);
        // the manual: bytes 1–114 (1–138) come back blank for pharmacists
        byte[] illnesses = spacesForPharmacists(RecordArea.CRITICAL_ILLNESSES);
        byte[] diagnoses = engine.readRecords(RecordArea.DIAGNOSES, pin);
        byte[] head = icd10 ? illnessesIcd10(illnesses) : illnesses; // blank records stay blank in either layout
        Buffers.fill(buffer, length, concat(head, icd10 ? diagnosesIcd10(diagnoses) : diagnoses));
    }

    /** 1.10: the four buffers are checked before the card is read; a pharmacist gets no important orders. */
    void prescriptions(byte[] outpatient, int[] outpatientLength, byte[] longTerm, int[] longTermLength,
            byte[] important, int[] importantLength, byte[] allergic, int[] allergicLength) throws NhiException {
        checkCapacity(outpatient, outpatientLength, RecordArea.OUTPATIENT_PRESCRIPTIONS.length());
        checkCapacity(longTerm, longTermLength, RecordArea.LONG_TERM_PRESCRIPTIONS.length());
        checkCapacity(important, importantLength, RecordArea.IMPORTANT_ORDERS.length());
        checkCapacity(allergic, allergicLength, RecordArea.ALLERGIC_MEDICINES.length());
        byte[] o = engine.readRecords(RecordArea.OUTPATIENT_PRESCRIPTIONS, pin);
        byte[] l = engine.readRecords(RecordArea.LONG_TERM_PRESCRIPTIONS, pin);
        byte[] i = spacesForPharmacists(RecordArea.IMPORTANT_ORDERS);
        byte[] a = engine.readRecords(RecordArea.ALLERGIC_MEDICINES, pin);
        Buffers.fill(outpatient, outpatientLength, o);
        Buffers.fill(longTerm, longTermLength, l);
        Buffers.fill(important, importantLength, i);
        Buffers.fill(allergic, allergicLength, a);
    }

    /** @return the area, or spaces of its size where a pharmacist's HPC may not read it (9100) */
    private byte[] spacesForPharmacists(RecordArea area) throws NhiException {
        try {
            return engine.readRecords(area, pin);
        } catch (NhiException e) {
            if (e.result() != ResultCode.PHARMACY_NOT_PERMITTED) {
                throw e;
            }
            return spaces(area.length());
        }
    }

    /** 1.41–1.44: records {@code start..end} (1-based, inclusive) of one area. */
    void range(RecordArea area, byte[] buffer, int[] length, int start, int end, int[] count) throws NhiException {
        if (count == null || count.length < 1) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "no iRecCount");
        }
        if (start < 1 || end < start || end > area.records()) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "iStartPos and iEndPos are 1 to " + area.records()
                    + ", start first");
        }
        int n = end - start + 1;
        checkCapacity(buffer, length, n * area.recordLength());
        byte[] all = engine.readRecords(area, pin);
        Buffers.fill(buffer, length, Arrays.copyOfRange(all, (start - 1) * area.recordLength(),
                end * area.recordLength()));
        count[0] = n;
    }

    /**
     * 1.33, 1.50: the critical illnesses for a health professional; without an HPC the dates alone and 5141.
     *
     * @param patient who the HIS believes holds the card (1.50), checked first
     */
    void criticalIllnesses(Optional<PatientCheck> patient, byte[] buffer, int[] length) throws NhiException {
        boolean icd10 = icd10Mode(buffer, length);
        if (patient.isPresent()) {
            BasicProfile card = engine.basicProfile();
            if (!card.idNumber().equals(patient.get().idNumber())
                    || !card.birthDate().equals(patient.get().birthDate())) {
                throw new NhiException(ResultCode.DATA_BELONGS_TO_OTHER_PERSON,
                        "id number or birth date differ from the card's");
            }
        }
        if (engine.cardStatus().cancelled()) {
            throw new NhiException(ResultCode.CARD_CANCELLED, "the card is cancelled");
        }
        byte[] illnesses;
        try {
            illnesses = engine.readRecords(RecordArea.CRITICAL_ILLNESSES, pin);
        } catch (NhiException e) {
            if (e.result() != ResultCode.HPC_NOT_PRESENT) {
                throw e;
            }
            byte[] dates = engine.criticalIllnessDates(pin);
            Buffers.fill(buffer, length, icd10 ? illnessesIcd10(dates) : dates);
            throw new NhiException(ResultCode.CRITICAL_ILLNESS_DATES_ONLY_WITHOUT_HPC,
                    "no HPC: the validity dates only");
        }
        Buffers.fill(buffer, length, icd10 ? illnessesIcd10(illnesses) : illnesses);
    }

    /** 5.1. */
    static void pack(String in, byte[] out) throws NhiException {
        cOut(Icd10Codes.pack(HisParameters.cString(in)), out);
    }

    /** 5.2. */
    static void unpack(String in, byte[] out) throws NhiException {
        cOut(Icd10Codes.unpack(HisParameters.cString(in)), out);
    }

    private static void cOut(String value, byte[] out) throws NhiException {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        if (out == null || out.length < b.length) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "OUT holds at least " + b.length + " bytes");
        }
        System.arraycopy(b, 0, out, 0, b.length);
        if (out.length > b.length) {
            out[b.length] = 0;
        }
    }

    /** @return true when the HIS asked for ICD-10-CM format: its buffer starts with {@code [XXXXXXX]} */
    static boolean icd10Mode(byte[] buffer, int[] length) {
        return buffer != null && length != null && length.length > 0 && buffer.length >= ICD10_MARKER.length
                && (length[0] & 0xFFFF) >= ICD10_MARKER.length
                && Arrays.equals(buffer, 0, ICD10_MARKER.length, ICD10_MARKER, 0, ICD10_MARKER.length);
    }

    /** 6 × 19 (code 5, from 7, to 7) → 6 × 23 (space, code 7, space, from 7, to 7), codes unpacked. */
    static byte[] illnessesIcd10(byte[] area) {
        RecordArea ci = RecordArea.CRITICAL_ILLNESSES;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < ci.records(); i++) {
            int o = i * ci.recordLength();
            out.write(' ');
            out.writeBytes(code7(area, o));
            out.write(' ');
            out.write(area, o + 5, 14);
        }
        return out.toByteArray();
    }

    /** 6 × 43 (date-time 13, six codes of 5) → 6 × 67 (date-time 13, six times space, code 7, space). */
    static byte[] diagnosesIcd10(byte[] area) {
        RecordArea d = RecordArea.DIAGNOSES;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < d.records(); i++) {
            int o = i * d.recordLength();
            out.write(area, o, 13);
            for (int c = 0; c < 6; c++) {
                out.write(' ');
                out.writeBytes(code7(area, o + 13 + c * 5));
                out.write(' ');
            }
        }
        return out.toByteArray();
    }

    private static byte[] code7(byte[] area, int at) {
        String code = Icd10Codes.readable(new String(area, at, 5, StandardCharsets.ISO_8859_1));
        byte[] out = spaces(ICD10_CODE);
        byte[] b = code.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(b, 0, out, 0, Math.min(b.length, ICD10_CODE));
        return out;
    }

    private static void checkCapacity(byte[] buffer, int[] length, int needed) throws NhiException {
        if (buffer == null || length == null || length.length < 1
                || Math.min(length[0] & 0xFFFF, buffer.length) < needed) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "the buffer must hold at least " + needed + " bytes");
        }
    }

    private static byte[] spaces(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) ' ');
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
