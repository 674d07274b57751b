// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common.functions;

import static org.opennhi.api.common.Buffers.ascii;
import static org.opennhi.api.common.Buffers.checkCapacity;
import static org.opennhi.api.common.Buffers.concat;
import static org.opennhi.api.common.Buffers.fill;
import static org.opennhi.api.common.HisParameters.cString;
import static org.opennhi.api.common.HisParameters.docId;
import static org.opennhi.api.common.HisParameters.docIdBuffer;
import static org.opennhi.api.common.HisParameters.patient;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.opennhi.api.common.Buffers;
import org.opennhi.api.common.CallAudit;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.CardEngine;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.RecordArea;
import org.opennhi.engine.UploadReceipt;

/**
 * The health-record reads, health data writes, upload and ICD-10 packing that the 3.3 and 5.1.3 manuals define
 * with the same names, parameters, buffer layouts and codes (1.3–1.8, 1.10–1.12, 1.19–1.26, 1.30, 1.33,
 * 1.40–1.44, 1.46, 1.50, 3.1, 5.1, 5.2), written once for both facades over {@link CardFunctions}: the 3.5.x
 * facade's port rule ({@link #gate()}) applies to them as to every card function.
 */
public abstract class RecordFunctions extends CardFunctions {
    private static final int ALLERGY = 40;
    /** 3.1's reply: SAM id 12, hospital id 10, upload and receive date-times 14 each. */
    protected static final int UPLOAD_REPLY = 50;

    /** @see CardFunctions#CardFunctions(CardEngine, Supplier, String, CallAudit) */
    protected RecordFunctions(CardEngine engine, Supplier<Optional<PinSource>> platformPin, String location,
            CallAudit audit) {
        super(engine, platformPin, location, audit);
    }

    // ---- health-record reads and ICD-10 packing (Records) -------------------------------------------

    private Records records() {
        return new Records(engine, platformPin());
    }

    @Override
    public int hisGetRegisterPrevent(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetRegisterPrevent", () -> records().area(RecordArea.PREVENTIVE_CARE, pBuffer, iBufferLen));
    }

    @Override
    public int hisGetRegisterPregnant(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetRegisterPregnant", () -> records().area(RecordArea.PRENATAL_CHECKS, pBuffer,
                iBufferLen));
    }

    @Override
    public int hisGetTreatmentNoNeedHPC(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetTreatmentNoNeedHPC", () -> records().treatmentNoNeedHpc(pBuffer, iBufferLen));
    }

    @Override
    public int hisGetCumulativeData(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetCumulativeData", () -> records().area(RecordArea.CUMULATIVE_DATA, pBuffer, iBufferLen));
    }

    @Override
    public int hisGetCumulativeFee(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetCumulativeFee", () -> records().area(RecordArea.CUMULATIVE_FEES, pBuffer, iBufferLen));
    }

    @Override
    public int hisGetTreatmentNeedHPC(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetTreatmentNeedHPC", () -> records().treatmentNeedHpc(pBuffer, iBufferLen));
    }

    @Override
    public int hisReadPrescription(byte[] pOutpatientPrescription, int[] iBufferLenOutpatient,
            byte[] pLongTermPrescription, int[] iBufferLenLongTerm, byte[] pImportantTreatmentCode,
            int[] iBufferLenImportant, byte[] pIrritationDrug, int[] iBufferLenIrritation) {
        return call("hisReadPrescription", () -> records().prescriptions(pOutpatientPrescription,
                iBufferLenOutpatient, pLongTermPrescription, iBufferLenLongTerm, pImportantTreatmentCode,
                iBufferLenImportant, pIrritationDrug, iBufferLenIrritation));
    }

    @Override
    public int hisGetInoculateData(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetInoculateData", () -> records().area(RecordArea.INOCULATIONS, pBuffer, iBufferLen));
    }

    @Override
    public int hisGetOrganDonate(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetOrganDonate", () -> records().area(RecordArea.ORGAN_DONATION, pBuffer, iBufferLen));
    }

    @Override
    public int hisGetCriticalIllness(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetCriticalIllness", () -> records().criticalIllnesses(Optional.empty(), pBuffer,
                iBufferLen));
    }

    @Override
    public int hisReadPrescriptMain(byte[] pOutpatientPrescription, int[] iBufferLenOutpatient, int iStartPos,
            int iEndPos, int[] iRecCount) {
        return call("hisReadPrescriptMain", () -> records().range(RecordArea.OUTPATIENT_PRESCRIPTIONS,
                pOutpatientPrescription, iBufferLenOutpatient, iStartPos, iEndPos, iRecCount));
    }

    @Override
    public int hisReadPrescriptLongTerm(byte[] pLongTermPrescription, int[] iBufferLenLongTerm, int iStartPos,
            int iEndPos, int[] iRecCount) {
        return call("hisReadPrescriptLongTerm", () -> records().range(RecordArea.LONG_TERM_PRESCRIPTIONS,
                pLongTermPrescription, iBufferLenLongTerm, iStartPos, iEndPos, iRecCount));
    }

    @Override
    public int hisReadPrescriptHVE(byte[] pImportantTreatmentCode, int[] iBufferLenImportant, int iStartPos,
            int iEndPos, int[] iRecCount) {
        return call("hisReadPrescriptHVE", () -> records().range(RecordArea.IMPORTANT_ORDERS,
                pImportantTreatmentCode, iBufferLenImportant, iStartPos, iEndPos, iRecCount));
    }

    @Override
    public int hisReadPrescriptAllergic(byte[] pIrritationDrug, int[] iBufferLenIrritation, int iStartPos,
            int iEndPos, int[] iRecCount) {
        return call("hisReadPrescriptAllergic", () -> records().range(RecordArea.ALLERGIC_MEDICINES,
                pIrritationDrug, iBufferLenIrritation, iStartPos, iEndPos, iRecCount));
    }

    @Override
    public int hisGetCriticalIllnessID(String pPatientID, String pPatientBirthDate, byte[] pBuffer,
            int[] iBufferLen) {
        return call("hisGetCriticalIllnessID", () -> records().criticalIllnesses(
                Optional.of(patient(pPatientID, pPatientBirthDate)), pBuffer, iBufferLen));
    }

    @Override
    public int hisGetICD10EnC(String IN, byte[] OUT) {
        return call("hisGetICD10EnC", () -> Records.pack(IN, OUT));
    }

    @Override
    public int hisGetICD10DeC(String IN, byte[] OUT) {
        return call("hisGetICD10DeC", () -> Records.unpack(IN, OUT));
    }

    // ---- health data writes (1.19–1.26, 1.30, 1.40, 1.46) and upload (3.1) ------------------------------------

    @Override
    public int hisWriteNewBorn(String pPatientID, String pPatientBirthDate, String pNewBornDate,
            String pNoOfDelivered) {
        return call("hisWriteNewBorn", () -> engine.writeNewborn(patient(pPatientID, pPatientBirthDate),
                cString(pNewBornDate), cString(pNoOfDelivered), platformPin()));
    }

    @Override
    public int hisWriteAllergicMedicines(String pPatientID, String pPatientBirthDate, String pDataWrite,
            byte[] pBufferDocID) {
        return call("hisWriteAllergicMedicines", () -> {
            PatientCheck patient = patient(pPatientID, pPatientBirthDate);
            byte[] data = big5Field(pDataWrite, 3 * ALLERGY);
            docIdBuffer(pBufferDocID);
            List<byte[]> slots = List.of(Arrays.copyOfRange(data, 0, ALLERGY),
                    Arrays.copyOfRange(data, ALLERGY, 2 * ALLERGY), Arrays.copyOfRange(data, 2 * ALLERGY, 3 * ALLERGY));
            docId(pBufferDocID, engine.writeAllergies(patient, 1, slots, platformPin()));
        });
    }

    @Override
    public int csUpdateHCContents() {
        return call("csUpdateHCContents", () -> engine.updateCardContents(true, platformPin()));
    }

    @Override
    public int csUpdateHCNoReset() {
        return call("csUpdateHCNoReset", () -> engine.updateCardContents(false, platformPin()));
    }

    @Override
    public int hisWriteAllergicNum(String pPatientID, String pPatientBirthDate, String pDataWrite,
            byte[] pBufferDocID, int iNum) {
        return call("hisWriteAllergicNum", () -> {
            PatientCheck patient = patient(pPatientID, pPatientBirthDate);
            if (iNum < 1 || iNum > 3) {
                throw new NhiException(ResultCode.BAD_PARAMETER, "iNum is 1 to 3");
            }
            byte[] entry = big5Field(pDataWrite, ALLERGY);
            docIdBuffer(pBufferDocID);
            docId(pBufferDocID, engine.writeAllergies(patient, iNum, List.of(entry), platformPin()));
        });
    }

    @Override
    public int hisWriteOrganDonate(String pPatientID, String pPatientBirthDate, String pOrganDonate) {
        return call("hisWriteOrganDonate", () -> engine.writeOrganDonation(patient(pPatientID, pPatientBirthDate),
                cString(pOrganDonate), platformPin()));
    }

    @Override
    public int hisWriteHealthInsurance(String pPatientID, String pPatientBirthDate, String pServiceItem,
            String pServiceItemCode) {
        return call("hisWriteHealthInsurance", () -> engine.writePreventiveCare(patient(pPatientID,
                pPatientBirthDate), cString(pServiceItem), cString(pServiceItemCode), platformPin()));
    }

    @Override
    public int hisWriteEmergentTel(String pPatientID, String pPatientBirthDate, String pEmergentTel) {
        return call("hisWriteEmergentTel", () -> engine.writeEmergencyPhone(patient(pPatientID, pPatientBirthDate),
                cString(pEmergentTel), platformPin()));
    }

    @Override
    public int hisWritePredeliveryCheckup(String pPatientID, String pPatientBirthDate, String pCheckupCode) {
        return call("hisWritePredeliveryCheckup", () -> engine.writePrenatalCheck(patient(pPatientID,
                pPatientBirthDate), cString(pCheckupCode), platformPin()));
    }

    @Override
    public int hisDeletePredeliveryData(String pPatientID, String pPatientBirthDate) {
        return call("hisDeletePredeliveryData", () -> engine.deletePrenatalChecks(patient(pPatientID,
                pPatientBirthDate), platformPin()));
    }

    @Override
    public int hisWriteInoculateData(String pPatientID, String pPatientBirthDate, String pItem,
            String pPackageNumber) {
        return call("hisWriteInoculateData", () -> engine.writeInoculation(patient(pPatientID, pPatientBirthDate),
                cString(pItem), cString(pPackageNumber), platformPin()));
    }

    @Override
    public int csUploadData(String pUploadFileName, byte[] pFileSize, byte[] pNumber, byte[] pBuffer,
            int[] iBufferLen) {
        return call("csUploadData", () -> upload(pUploadFileName, pFileSize, pNumber, OptionalInt.empty(), pBuffer,
                iBufferLen, UPLOAD_REPLY));
    }

    protected final void upload(String fileName, byte[] fileSize, byte[] number, OptionalInt prescriptions, byte[] buffer,
            int[] length, int replyLength) throws NhiException {
        String name = cString(fileName);
        if (name.isBlank()) {
            throw new NhiException(ResultCode.FILE_ACCESS_DENIED, "no pUploadFileName");
        }
        long size = decimal(CardEndpoints.cString(fileSize), "pFileSize");
        long records = decimal(CardEndpoints.cString(number), "pNumber");
        checkCapacity(buffer, length, replyLength);
        java.nio.file.Path file;
        try {
            file = java.nio.file.Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            throw new NhiException(ResultCode.FILE_ACCESS_DENIED, "pUploadFileName is not a path");
        }
        UploadReceipt r = engine.upload(file, size, (int) Math.min(Integer.MAX_VALUE, records), prescriptions);
        byte[] reply = concat(ascii(r.samId()), ascii(r.hospitalId()), ascii(r.uploadDateTime()),
                ascii(r.receiveDateTime()));
        fill(buffer, length, replyLength > UPLOAD_REPLY ? concat(reply, ascii(r.serverRandom())) : reply);
        cStringOut(fileSize, Long.toString(r.size()));
        cStringOut(number, Integer.toString(r.recordCount()));
    }

    /** A fixed-width Big5 field: shorter input space padded, longer refused (6018). */
    private static byte[] big5Field(String s, int length) throws NhiException {
        byte[] b = cString(s).getBytes(Buffers.BIG5);
        if (b.length > length) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "pDataWrite holds at most " + length + " bytes");
        }
        byte[] out = Arrays.copyOf(b, length);
        Arrays.fill(out, b.length, length, (byte) ' ');
        return out;
    }

    protected static long decimal(String s, String name) throws NhiException {
        String v = s.trim();
        if (!v.matches("\\d{1,12}")) {
            throw new NhiException(ResultCode.BAD_PARAMETER, name + " is a decimal number");
        }
        return Long.parseLong(v);
    }

    /** Writes a C string back into an in/out parameter when it fits with its NUL. */
    private static void cStringOut(byte[] target, String value) {
        byte[] b = ascii(value);
        if (target != null && b.length + 1 <= target.length) {
            System.arraycopy(b, 0, target, 0, b.length);
            target[b.length] = 0;
        }
    }
}
