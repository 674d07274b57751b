// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common.functions;

import static org.opennhi.api.common.Buffers.ascii;
import static org.opennhi.api.common.Buffers.big5;
import static org.opennhi.api.common.Buffers.checkCapacity;
import static org.opennhi.api.common.Buffers.concat;
import static org.opennhi.api.common.Buffers.fill;
import static org.opennhi.api.common.HisParameters.cString;
import static org.opennhi.api.common.HisParameters.dataWrite;
import static org.opennhi.api.common.HisParameters.dateTime;
import static org.opennhi.api.common.HisParameters.docId;
import static org.opennhi.api.common.HisParameters.docIdBuffer;
import static org.opennhi.api.common.HisParameters.patient;
import static org.opennhi.api.common.HisParameters.prescriptions;
import static org.opennhi.api.common.HisParameters.visit;
import static org.opennhi.api.common.HisParameters.writeCount;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.opennhi.api.common.Buffers;
import org.opennhi.api.common.CallAudit;
import org.opennhi.api.common.CardApi;
import org.opennhi.api.common.Notices;
import org.opennhi.api.common.Outcome;
import org.opennhi.contracts.card.RocDate;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.CardEngine;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.TreatmentWrite;
import org.opennhi.engine.Visit;
import org.opennhi.engine.VisitRequest.SignatureForm;

/**
 * The functions the 5.1.x and 3.5.x manuals define alike (1.1–1.2, 1.9, 1.13–1.18, 1.27–1.29, 1.34–1.39,
 * 1.45, 1.47–1.49, 1.51–1.54, 2.1–2.4, 4.1–4.8), over the card engine: the HIS's parameters checked, the engine's
 * answers laid out in the manuals' buffers, failures turned into catalogue codes. {@link RecordFunctions} adds the
 * rest the two manuals share; each facade extends that with what its manual does differently: {@link #gate()}
 * (3.5.x: no reader before csOpenCom), {@link #versionCode()}, csOpenCom/csCloseCom, and the functions only its
 * generation has.
 */
public abstract class CardFunctions implements CardApi {
    private static final int ICD10_FIELDS = 6;
    private static final int ICD10_FIELD = 9;

    protected final CardEngine engine;
    private final Supplier<Optional<PinSource>> platformPin;
    private final String location;
    private final CallAudit audit;

    /**
     * @param engine the card engine (both facades share one)
     * @param platformPin the platform's PIN entry (keypad, dialog), when one is installed
     * @param location what {@code csGetVersionEx} writes into pPath
     * @param audit where each call's audit record goes
     */
    protected CardFunctions(CardEngine engine, Supplier<Optional<PinSource>> platformPin, String location,
            CallAudit audit) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.platformPin = Objects.requireNonNull(platformPin, "platformPin");
        this.location = Objects.requireNonNull(location, "location");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Refuses a call that needs the reader when the facade's manual says it cannot reach one; 5.1.x never does. */
    protected void gate() throws NhiException {
    }

    /** @return what {@code csGetVersionEx} returns (1.51) */
    protected abstract int versionCode();

    /** A status value (1.15, 1.36): the value, or the catalogue code of a failure. */
    @FunctionalInterface
    protected interface Value {
        int get() throws NhiException;
    }

    /** Runs a function body: a catalogue code for every outcome, never an exception to the HIS; audited. */
    protected final int call(String function, Outcome.Body body) {
        return audit.run(function, () -> { // a call the gate refuses is audited too: one record per call
            gate();
            body.run();
        });
    }

    /** Runs a status query (its return is a value, not a code); status polls are not audited. */
    protected final int value(Value body) {
        try {
            gate();
            return body.get();
        } catch (NhiException e) {
            return e.result().code();
        }
    }

    protected final PinSource platformPin() {
        return platformPin.get().orElse(PinSource.none());
    }

    private void notCancelled() throws NhiException {
        if (engine.cardStatus().cancelled()) {
            throw new NhiException(ResultCode.CARD_CANCELLED, "the card is cancelled");
        }
    }

    private static Slot slot(int cardType) throws NhiException {
        return switch (cardType) {
            case 1 -> Slot.SAM;
            case 2 -> Slot.HC;
            case 3 -> Slot.HPC;
            default -> throw new NhiException(ResultCode.BAD_PARAMETER, "CardType is 1, 2 or 3");
        };
    }

    // ---- reads ----------------------------------------------------------------------------------------

    public int hisGetBasicData(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetBasicData", () -> fill(pBuffer, iBufferLen, engine.basicData()));
    }

    public int hisGetRegisterBasic(byte[] pBuffer, int[] iBufferLen, PinSource pin) {
        return call("hisGetRegisterBasic", () -> {
            byte[] basic = engine.basicProfile().bytes();
            byte[] status = engine.cardStatus().bytes();
            byte[] reg = engine.registration(pin);
            // 1–57 profile, 58 註銷註記, 59–61 保險人代碼/身分註記, 62–70 有效期限/可用次數, 71–78 新生兒
            fill(pBuffer, iBufferLen, concat(basic, new byte[] {status[0]}, Arrays.copyOfRange(reg, 0, 3),
                    Arrays.copyOfRange(status, 1, 10), Arrays.copyOfRange(reg, 3, 11)));
        });
    }

    public int hisGetRegisterBasic(byte[] pBuffer, int[] iBufferLen) {
        return hisGetRegisterBasic(pBuffer, iBufferLen, platformPin());
    }

    public int hisGetRegisterBasic2(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetRegisterBasic2", () -> fill(pBuffer, iBufferLen,
                Arrays.copyOfRange(engine.cardStatus().bytes(), 1, 10)));
    }

    public int hisGetEmergentTel(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetEmergentTel", () -> {
            notCancelled();
            fill(pBuffer, iBufferLen, engine.emergencyPhone());
        });
    }

    public int hisGetLastSeqNum(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetLastSeqNum", () -> {
            notCancelled();
            fill(pBuffer, iBufferLen, engine.lastSequenceNumber(platformPin()));
        });
    }

    public int hisGetCardStatus(int cardType) {
        return value(() -> engine.slotStatus(slot(cardType)));
    }

    public int csGetDateTime(byte[] pBuffer, int[] iBufferLen) {
        return call("csGetDateTime", () -> fill(pBuffer, iBufferLen, ascii(RocDate.format(engine.now()))));
    }

    public int csGetCardNo(int cardType, byte[] pBuffer, int[] iBufferLen) {
        return call("csGetCardNo", () -> fill(pBuffer, iBufferLen, ascii(engine.cardNumber(slot(cardType)))));
    }

    public int csISSetPIN() {
        return value(() -> engine.hcPinEnabled() ? 1 : 0);
    }

    // ---- visits: the buffer is checked before the visit is taken, so a too-small one never costs a visit ----

    public int hisGetSeqNumber(String cTreatItem, String cBabyTreat, byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetSeqNumber", () -> {
            checkCapacity(pBuffer, iBufferLen, 167);
            fill(pBuffer, iBufferLen, Buffers.sequence167(Notices.of(engine.takeVisit(visit(cTreatItem,
                    cBabyTreat, "1", SignatureForm.RAW_128, false), platformPin()))));
        });
    }

    public int hisGetSeqNumber256(String cTreatItem, String cBabyTreat, String cTreatAfterCheck, byte[] pBuffer,
            int[] iBufferLen) {
        return call("hisGetSeqNumber256", () -> {
            checkCapacity(pBuffer, iBufferLen, 296);
            fill(pBuffer, iBufferLen, Buffers.sequence296(Notices.of(engine.takeVisit(visit(cTreatItem, cBabyTreat,
                    cTreatAfterCheck, SignatureForm.PRINTABLE_256, false), platformPin()))));
        });
    }

    public int hisGetSeqNumber256N1(String cTreatItem, String cBabyTreat, String cTreatAfterCheck, byte[] pBuffer,
            int[] iBufferLen) {
        return call("hisGetSeqNumber256N1", () -> {
            checkCapacity(pBuffer, iBufferLen, 316);
            Visit v = Notices.of(engine.takeVisit(visit(cTreatItem, cBabyTreat, cTreatAfterCheck,
                    SignatureForm.PRINTABLE_256, true), platformPin()));
            fill(pBuffer, iBufferLen, concat(Buffers.sequence296(v), ascii(v.treatmentId().orElseThrow())));
        });
    }

    public int csUnGetSeqNumber(String pUnTreatDate) {
        return call("csUnGetSeqNumber", () -> engine.undoVisit(dateTime(pUnTreatDate), platformPin()));
    }

    public int hisGetTreatNumNoICCard(String pPatientID, String pHospID, byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetTreatNumNoICCard", () -> fill(pBuffer, iBufferLen,
                ascii(engine.treatmentIdWithoutCard(cString(pPatientID).trim(), cString(pHospID).trim()))));
    }

    // ---- writes ---------------------------------------------------------------------------------------

    public int hisWriteTreatmentCode(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, byte[] pBufferDocID) {
        return call("hisWriteTreatmentCode", () -> {
            docIdBuffer(pBufferDocID);
            byte[] data = diagnosesWrite(pDataWrite, TreatmentWrite.DIAGNOSES_LENGTH);
            docId(pBufferDocID, engine.writeTreatment(new TreatmentWrite(patient(pPatientID, pPatientBirthDate),
                    dateTime(pDateTime), Optional.of(data), Optional.empty()), platformPin()));
        });
    }

    public int hisWriteTreatmentFee(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite) {
        return call("hisWriteTreatmentFee", () -> engine.writeTreatment(new TreatmentWrite(
                patient(pPatientID, pPatientBirthDate), dateTime(pDateTime), Optional.empty(),
                Optional.of(dataWrite(pDataWrite, TreatmentWrite.FEES_LENGTH))), platformPin()));
    }

    public int hisWriteTreatmentData(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, byte[] pBufferDocID) {
        return call("hisWriteTreatmentData", () -> {
            docIdBuffer(pBufferDocID);
            int diagnoses = TreatmentWrite.DIAGNOSES_LENGTH;
            byte[] data = diagnosesWrite(pDataWrite, diagnoses + TreatmentWrite.FEES_LENGTH);
            docId(pBufferDocID, engine.writeTreatment(new TreatmentWrite(patient(pPatientID, pPatientBirthDate),
                    dateTime(pDateTime), Optional.of(Arrays.copyOf(data, diagnoses)),
                    Optional.of(Arrays.copyOfRange(data, diagnoses, data.length))), platformPin()));
        });
    }

    public int hisWritePrescription(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite) {
        return call("hisWritePrescription", () -> engine.writePrescriptions(patient(pPatientID, pPatientBirthDate),
                dateTime(pDateTime), prescriptions(pDataWrite, 1), false, platformPin()));
    }

    public int hisWriteMultiPrescript(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, int[] iWriteCount) {
        return call("hisWriteMultiPrescript", () -> {
            int count = writeCount(iWriteCount);
            engine.writePrescriptions(patient(pPatientID, pPatientBirthDate), dateTime(pDateTime),
                    prescriptions(pDataWrite, count), false, platformPin());
            iWriteCount[0] = count;
        });
    }

    public int hisWritePrescriptionSign(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, byte[] pBuffer, int[] iBufferLen) {
        return call("hisWritePrescriptionSign", () -> signedPrescriptions(pDateTime, pPatientID, pPatientBirthDate,
                pDataWrite, 1, pBuffer, iBufferLen));
    }

    public int hisWriteMultiPrescriptSign(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, int[] iWriteCount, byte[] pBuffer, int[] iBufferLen) {
        return call("hisWriteMultiPrescriptSign", () -> {
            int count = writeCount(iWriteCount);
            signedPrescriptions(pDateTime, pPatientID, pPatientBirthDate, pDataWrite, count, pBuffer, iBufferLen);
            iWriteCount[0] = count;
        });
    }

    /** 1.48/1.49: the buffer is checked before the card is written, so a too-small one never costs a write. */
    private void signedPrescriptions(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, int count, byte[] pBuffer, int[] iBufferLen) throws NhiException {
        checkCapacity(pBuffer, iBufferLen, 40 * count);
        List<byte[]> sigs = engine.writePrescriptions(patient(pPatientID, pPatientBirthDate), dateTime(pDateTime),
                prescriptions(pDataWrite, count), true, platformPin());
        fill(pBuffer, iBufferLen, concat(sigs.toArray(byte[][]::new)));
    }

    /**
     * The diagnoses of 1.16/1.47, in either form both manuals define (5.1.3 and 3.3 §1.16, §1.47): 補卡註記 then
     * six 5-byte codes, or the ICD-10-CM form, 補卡註記 then six {@code [code   ]} of 9 characters (positions
     * 2–55), packed here ({@link Icd10Codes}) so the card holds the same 5-byte form either way. What follows
     * (1.47's fees) is kept.
     */
    protected static byte[] diagnosesWrite(String pDataWrite, int length) throws NhiException {
        String v = cString(pDataWrite);
        if (v.length() < 2 || v.charAt(1) != '[') {
            return dataWrite(pDataWrite, length);
        }
        if (v.length() < 1 + ICD10_FIELDS * ICD10_FIELD) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "ICD-10 mode: 補卡註記, then six [code] of 9 characters");
        }
        StringBuilder packed = new StringBuilder().append(v.charAt(0));
        for (int i = 0; i < ICD10_FIELDS; i++) {
            String field = v.substring(1 + i * ICD10_FIELD, 1 + (i + 1) * ICD10_FIELD);
            if (field.charAt(0) != '[' || field.charAt(ICD10_FIELD - 1) != ']') {
                throw new NhiException(ResultCode.BAD_PARAMETER, "ICD-10 mode: diagnosis " + (i + 1)
                        + " is not [ + 7 characters + ]");
            }
            String code = field.substring(1, ICD10_FIELD - 1).strip().toUpperCase(Locale.ROOT);
            String five = code.isEmpty() || !Icd10Codes.inPackingRange(code) ? code : Icd10Codes.pack(code);
            packed.append(String.format("%-5s", five));
        }
        return dataWrite(packed.append(v.substring(1 + ICD10_FIELDS * ICD10_FIELD)).toString(), length);
    }

    // ---- PINs -----------------------------------------------------------------------------------------

    public int csVerifyHCPIN(PinSource pin) {
        return call("csVerifyHCPIN", () -> engine.verifyHcPin(pin));
    }

    public int csVerifyHCPIN() {
        return csVerifyHCPIN(platformPin());
    }

    public int csInputHCPIN(PinSource pin) {
        return call("csInputHCPIN", () -> engine.setHcPin(pin));
    }

    public int csInputHCPIN() {
        return csInputHCPIN(platformPin());
    }

    public int csDisableHCPIN() {
        return call("csDisableHCPIN", () -> engine.disableHcPin(platformPin()));
    }

    public int hpcVerifyHPCPIN(PinSource pin) {
        return call("hpcVerifyHPCPIN", () -> engine.verifyHpcPin(pin));
    }

    public int hpcVerifyHPCPIN() {
        return hpcVerifyHPCPIN(platformPin());
    }

    public int hpcInputHPCPIN(PinSource pin) {
        return call("hpcInputHPCPIN", () -> engine.changeHpcPin(pin));
    }

    public int hpcUnlockHPC(PinSource pin) {
        return call("hpcUnlockHPC", () -> engine.unlockHpc(pin));
    }

    // ---- HPC, SAM, platform ---------------------------------------------------------------------------

    public int hpcGetHPCStatus(int req, int[] status) {
        return call("hpcGetHPCStatus", () -> {
            if (req != 1 || status == null || status.length < 1) {
                throw new NhiException(ResultCode.BAD_PARAMETER, "Req is 1, Status one cell");
            }
            status[0] = engine.hpcPresent() ? 1 : 0;
        });
    }

    public int hpcGetHPCSN(byte[] sn, int[] lenSn) {
        return call("hpcGetHPCSN", () -> fill(sn, lenSn, ascii(engine.professional().cardNumber())));
    }

    public int hpcGetHPCSSN(byte[] ssn, int[] lenSsn) {
        return call("hpcGetHPCSSN", () -> fill(ssn, lenSsn, engine.professional().idNumberBytes()));
    }

    public int hpcGetHPCCNAME(byte[] cname, int[] lenCname) {
        return call("hpcGetHPCCNAME", () -> fill(cname, lenCname, engine.professional().chineseNameBytes()));
    }

    public int hpcGetHPCENAME(byte[] ename, int[] lenEname) {
        return call("hpcGetHPCENAME", () -> fill(ename, lenEname, engine.professional().englishNameBytes()));
    }

    public int csVerifySAMDC() {
        return call("csVerifySAMDC", engine::verifySam);
    }

    public int csGetHospID(byte[] pBuffer, int[] iBufferLen) {
        return call("csGetHospID", () -> fill(pBuffer, iBufferLen, ascii(engine.sam().hospitalId())));
    }

    /**
     * 2.3 and 2.4 as the 5.1.3 manual prints them ("共 24 Bytes", "共 128 Bytes"), though the short name's field
     * is the larger: a HIS sizes its buffers from the manual (docs/card-engine.md, "Buffers").
     */
    public static final int HOSPITAL_NAME = 24;
    public static final int HOSPITAL_SHORT_NAME = 128;

    public int csGetHospName(byte[] pBuffer, int[] iBufferLen) {
        return call("csGetHospName", () -> fill(pBuffer, iBufferLen, big5(engine.sam().hospitalName(), HOSPITAL_NAME)));
    }

    public int csGetHospAbbName(byte[] pBuffer, int[] iBufferLen) {
        return call("csGetHospAbbName", () -> fill(pBuffer, iBufferLen, big5(engine.sam().hospitalShortName(), HOSPITAL_SHORT_NAME)));
    }

    /** 1.51 needs no reader, so no {@link #gate()}: a 3.5.x HIS may ask before csOpenCom. */
    public int csGetVersionEx(byte[] pPath) {
        Buffers.cStringInto(pPath, location);
        return versionCode();
    }

    public int csSoftwareReset(int type) {
        return call("csSoftwareReset", () -> engine.reset(type));
    }
}
