package org.opennhi.api.v5.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.opennhi.api.common.Buffers;
import org.opennhi.api.common.Notices;
import org.opennhi.api.common.HisParameters;
import org.opennhi.api.common.CallAudit;
import org.opennhi.api.v5.CsHis;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.engine.BasicProfile;
import org.opennhi.engine.CardEngine;
import org.opennhi.engine.CardStatus;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.ProfessionalIdentity;
import org.opennhi.engine.RecordArea;
import org.opennhi.engine.TreatmentWrite;
import org.opennhi.engine.UploadReceipt;
import org.opennhi.engine.Visit;
import org.opennhi.engine.VisitRequest;

/**
 * The 5.1.x functions over the card engine: checks the HIS's parameters, lays the engine's answers out in the
 * manual's buffers and turns failures into catalogue codes. Plain Java, so tests drive it directly.
 */
public class V5Facade implements CsHis {
    /** The facade's version as {@code csGetVersionEx} reports it (5.1.5.8 → 5158). */
    public static final String VERSION = "5.1.5.8";
    /** {@link #VERSION} as the version code. */
    public static final int VERSION_CODE = 5158;

    private final CardEngine engine;
    private final Supplier<Optional<PinSource>> platformPin;
    private final String location;
    private final CallAudit audit;

    /**
     * @param engine the card engine
     * @param platformPin the platform's PIN entry (keypad, dialog), when one is installed
     * @param location what {@code csGetVersionEx} writes into pPath
     */
    public V5Facade(CardEngine engine, Supplier<Optional<PinSource>> platformPin, String location) {
        this(engine, platformPin, location, CallAudit.NONE);
    }

    /** @param audit where each call's audit record goes */
    public V5Facade(CardEngine engine, Supplier<Optional<PinSource>> platformPin, String location, CallAudit audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.platformPin = Objects.requireNonNull(platformPin, "platformPin");
        this.location = Objects.requireNonNull(location, "location");
    }

    @FunctionalInterface
    private interface Call {
        void run() throws NhiException;
    }

    /** Runs a function body: a catalogue code for every outcome, never an exception to the HIS; audited. */
    private int call(String function, Call body) {
        return audit.run(function, body::run);
    }

    /** Copies an answer into the HIS's buffer: 6018 when it does not fit (16-bit length, buffer size). */
    static void fill(byte[] buffer, int[] length, byte[] data) throws NhiException {
        Buffers.fill(buffer, length, data);
    }

    private PinSource platformPin() {
        return platformPin.get().orElse(PinSource.none());
    }

    // ---- reads ----------------------------------------------------------------------------------------

    @Override
    public int hisGetBasicData(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetBasicData", () -> fill(pBuffer, iBufferLen, engine.basicData()));
    }

    @Override
    public int hisGetRegisterBasic(byte[] pBuffer, int[] iBufferLen, PinSource pin) {
        return call("hisGetRegisterBasic", () -> {
            BasicProfile basic = engine.basicProfile();
            CardStatus status = engine.cardStatus();
            byte[] reg = engine.registration(pin);
            byte[] s = status.bytes();
            fill(pBuffer, iBufferLen, concat(basic.bytes(), new byte[] {s[0]}, Arrays.copyOfRange(reg, 0, 3),
                    Arrays.copyOfRange(s, 1, 10), Arrays.copyOfRange(reg, 3, 11)));
        });
    }

    @Override
    public int hisGetRegisterBasic(byte[] pBuffer, int[] iBufferLen) {
        return hisGetRegisterBasic(pBuffer, iBufferLen, platformPin());
    }

    @Override
    public int hisGetRegisterBasic2(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetRegisterBasic2", () -> fill(pBuffer, iBufferLen,
                Arrays.copyOfRange(engine.cardStatus().bytes(), 1, 10)));
    }

    @Override
    public int hisGetEmergentTel(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetEmergentTel", () -> {
            if (engine.cardStatus().cancelled()) {
                throw new NhiException(ResultCode.CARD_CANCELLED, "the card is cancelled");
            }
            fill(pBuffer, iBufferLen, engine.emergencyPhone());
        });
    }

    @Override
    public int hisGetLastSeqNum(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetLastSeqNum", () -> {
            if (engine.cardStatus().cancelled()) {
                throw new NhiException(ResultCode.CARD_CANCELLED, "the card is cancelled");
            }
            fill(pBuffer, iBufferLen, engine.lastSequenceNumber(platformPin()));
        });
    }

    @Override
    public int hisGetCardStatus(int cardType) {
        return switch (cardType) {
            case 1 -> engine.slotStatus(Slot.SAM);
            case 2 -> engine.slotStatus(Slot.HC);
            case 3 -> engine.slotStatus(Slot.HPC);
            default -> ResultCode.BAD_PARAMETER.code();
        };
    }

    @Override
    public int csGetDateTime(byte[] pBuffer, int[] iBufferLen) {
        return call("csGetDateTime", () -> {
            java.time.LocalDateTime t = engine.now();
            String roc = String.format("%03d%02d%02d%02d%02d%02d", t.getYear() - 1911, t.getMonthValue(),
                    t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
            fill(pBuffer, iBufferLen, ascii(roc));
        });
    }

    @Override
    public int csGetCardNo(int cardType, byte[] pBuffer, int[] iBufferLen) {
        return call("csGetCardNo", () -> {
            Slot slot = switch (cardType) {
                case 1 -> Slot.SAM;
                case 2 -> Slot.HC;
                case 3 -> Slot.HPC;
                default -> throw new NhiException(ResultCode.BAD_PARAMETER, "CardType is 1, 2 or 3");
            };
            fill(pBuffer, iBufferLen, ascii(engine.cardNumber(slot)));
        });
    }

    @Override
    public int csISSetPIN() {
        try {
            return engine.hcPinEnabled() ? 1 : 0;
        } catch (NhiException e) {
            return e.result().code();
        }
    }

    // ---- visits ---------------------------------------------------------------------------------------

    @Override
    public int hisGetSeqNumber(String cTreatItem, String cBabyTreat, byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetSeqNumber", () -> {
            // a buffer too small must not cost the patient a visit: check it before the card is written
            checkCapacity(pBuffer, iBufferLen, 167);
            Visit v = Notices.of(engine.takeVisit(request(cTreatItem, cBabyTreat, "1",
                    VisitRequest.SignatureForm.RAW_128, false), platformPin()));
            fill(pBuffer, iBufferLen, concat(ascii(v.visitDateTime()), ascii(v.sequenceNumber()),
                    ascii(v.hospitalId()), v.signature(), ascii(v.samId())));
        });
    }

    @Override
    public int hisGetSeqNumber256(String cTreatItem, String cBabyTreat, String cTreatAfterCheck, byte[] pBuffer,
            int[] iBufferLen) {
        return call("hisGetSeqNumber256", () -> {
            checkCapacity(pBuffer, iBufferLen, 296);
            Visit v = Notices.of(engine.takeVisit(request(cTreatItem, cBabyTreat, cTreatAfterCheck,
                    VisitRequest.SignatureForm.PRINTABLE_256, false), platformPin()));
            fill(pBuffer, iBufferLen, seq256(v));
        });
    }

    @Override
    public int hisGetSeqNumber256N1(String cTreatItem, String cBabyTreat, String cTreatAfterCheck, byte[] pBuffer,
            int[] iBufferLen) {
        return call("hisGetSeqNumber256N1", () -> {
            checkCapacity(pBuffer, iBufferLen, 316);
            Visit v = Notices.of(engine.takeVisit(request(cTreatItem, cBabyTreat, cTreatAfterCheck,
                    VisitRequest.SignatureForm.PRINTABLE_256, true), platformPin()));
            fill(pBuffer, iBufferLen, concat(seq256(v), ascii(v.treatmentId().orElseThrow())));
        });
    }

    private static byte[] seq256(Visit v) {
        return Buffers.sequence296(v);
    }

    private static VisitRequest request(String item, String baby, String afterCheck,
            VisitRequest.SignatureForm form, boolean treatmentId) throws NhiException {
        return HisParameters.visit(item, baby, afterCheck, form, treatmentId);
    }

    @Override
    public int csUnGetSeqNumber(String pUnTreatDate) {
        return call("csUnGetSeqNumber", () -> engine.undoVisit(dateTime(pUnTreatDate), platformPin()));
    }

    @Override
    public int hisGetTreatNumNoICCard(String pPatientID, String pHospID, byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetTreatNumNoICCard", () -> fill(pBuffer, iBufferLen,
                ascii(engine.treatmentIdWithoutCard(cString(pPatientID).trim(), cString(pHospID).trim()))));
    }

    @Override
    public int hisGetTreatNumICCard(String pDateTime, byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetTreatNumICCard", () -> fill(pBuffer, iBufferLen,
                ascii(engine.treatmentId(dateTime(pDateTime), platformPin()))));
    }

    // ---- writes ---------------------------------------------------------------------------------------

    @Override
    public int hisWriteTreatmentCode(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, byte[] pBufferDocID) {
        return call("hisWriteTreatmentCode", () -> {
            byte[] data = diagnosesWrite(pDataWrite, TreatmentWrite.DIAGNOSES_LENGTH);
            byte[] doc = engine.writeTreatment(new TreatmentWrite(patient(pPatientID, pPatientBirthDate),
                    dateTime(pDateTime), Optional.of(data), Optional.empty()), platformPin());
            docId(pBufferDocID, doc);
        });
    }

    @Override
    public int hisWriteTreatmentFee(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite) {
        return call("hisWriteTreatmentFee", () -> engine.writeTreatment(new TreatmentWrite(
                patient(pPatientID, pPatientBirthDate), dateTime(pDateTime), Optional.empty(),
                Optional.of(dataWrite(pDataWrite, TreatmentWrite.FEES_LENGTH))), platformPin()));
    }

    @Override
    public int hisWriteTreatmentData(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, byte[] pBufferDocID) {
        return call("hisWriteTreatmentData", () -> {
            byte[] data = diagnosesWrite(pDataWrite, TreatmentWrite.DIAGNOSES_LENGTH + TreatmentWrite.FEES_LENGTH);
            byte[] doc = engine.writeTreatment(new TreatmentWrite(patient(pPatientID, pPatientBirthDate),
                    dateTime(pDateTime), Optional.of(Arrays.copyOf(data, TreatmentWrite.DIAGNOSES_LENGTH)),
                    Optional.of(Arrays.copyOfRange(data, TreatmentWrite.DIAGNOSES_LENGTH, data.length))),
                    platformPin());
            docId(pBufferDocID, doc);
        });
    }

    @Override
    public int hisWritePrescription(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite) {
        return call("hisWritePrescription", () -> engine.writePrescriptions(patient(pPatientID, pPatientBirthDate),
                dateTime(pDateTime), prescriptions(pDataWrite, 1), false, platformPin()));
    }

    @Override
    public int hisWriteMultiPrescript(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, int[] iWriteCount) {
        return call("hisWriteMultiPrescript", () -> {
            int count = count(iWriteCount);
            engine.writePrescriptions(patient(pPatientID, pPatientBirthDate), dateTime(pDateTime),
                    prescriptions(pDataWrite, count), false, platformPin());
            iWriteCount[0] = count;
        });
    }

    @Override
    public int hisWritePrescriptionSign(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, byte[] pBuffer, int[] iBufferLen) {
        return call("hisWritePrescriptionSign", () -> {
            checkCapacity(pBuffer, iBufferLen, 40);
            List<byte[]> sigs = engine.writePrescriptions(patient(pPatientID, pPatientBirthDate), dateTime(pDateTime),
                    prescriptions(pDataWrite, 1), true, platformPin());
            fill(pBuffer, iBufferLen, sigs.get(0));
        });
    }

    @Override
    public int hisWriteMultiPrescriptSign(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, int[] iWriteCount, byte[] pBuffer, int[] iBufferLen) {
        return call("hisWriteMultiPrescriptSign", () -> {
            int count = count(iWriteCount);
            checkCapacity(pBuffer, iBufferLen, 40 * count);
            List<byte[]> sigs = engine.writePrescriptions(patient(pPatientID, pPatientBirthDate), dateTime(pDateTime),
                    prescriptions(pDataWrite, count), true, platformPin());
            fill(pBuffer, iBufferLen, concat(sigs.toArray(byte[][]::new)));
            iWriteCount[0] = count;
        });
    }

    /** 1.48/1.49 check the buffer before writing the card: a too-small buffer must not cost a write. */
    private static void checkCapacity(byte[] buffer, int[] length, int needed) throws NhiException {
        Buffers.checkCapacity(buffer, length, needed);
    }

    private static int count(int[] iWriteCount) throws NhiException {
        return HisParameters.writeCount(iWriteCount);
    }

    private static List<byte[]> prescriptions(String pDataWrite, int count) throws NhiException {
        return HisParameters.prescriptions(pDataWrite, count);
    }

    private static void docId(byte[] pBufferDocID, byte[] doc) throws NhiException {
        HisParameters.docId(pBufferDocID, doc);
    }

    // ---- PINs -----------------------------------------------------------------------------------------

    @Override
    public int csVerifyHCPIN(PinSource pin) {
        return call("csVerifyHCPIN", () -> engine.verifyHcPin(pin));
    }

    @Override
    public int csVerifyHCPIN() {
        return csVerifyHCPIN(platformPin());
    }

    @Override
    public int csInputHCPIN(PinSource pin) {
        return call("csInputHCPIN", () -> engine.setHcPin(pin));
    }

    @Override
    public int csInputHCPIN() {
        return csInputHCPIN(platformPin());
    }

    @Override
    public int csDisableHCPIN() {
        return call("csDisableHCPIN", () -> engine.disableHcPin(platformPin()));
    }

    @Override
    public int hpcVerifyHPCPIN(PinSource pin) {
        return call("hpcVerifyHPCPIN", () -> engine.verifyHpcPin(pin));
    }

    @Override
    public int hpcVerifyHPCPIN() {
        return hpcVerifyHPCPIN(platformPin());
    }

    @Override
    public int hpcInputHPCPIN(PinSource pin) {
        return call("hpcInputHPCPIN", () -> engine.changeHpcPin(pin));
    }

    @Override
    public int hpcUnlockHPC(PinSource pin) {
        return call("hpcUnlockHPC", () -> engine.unlockHpc(pin));
    }

    // ---- HPC, SAM, platform ---------------------------------------------------------------------------

    @Override
    public int hpcGetHPCStatus(int req, int[] status) {
        if (req != 1 || status == null || status.length < 1) {
            return ResultCode.BAD_PARAMETER.code();
        }
        status[0] = engine.hpcPresent() ? 1 : 0;
        return 0;
    }

    @Override
    public int hpcGetHPCSN(byte[] sn, int[] lenSn) {
        return call("hpcGetHPCSN", () -> fill(sn, lenSn, ascii(engine.professional().cardNumber())));
    }

    @Override
    public int hpcGetHPCSSN(byte[] ssn, int[] lenSsn) {
        return call("hpcGetHPCSSN", () -> fill(ssn, lenSsn, engine.professional().idNumberBytes()));
    }

    @Override
    public int hpcGetHPCCNAME(byte[] cname, int[] lenCname) {
        return call("hpcGetHPCCNAME", () -> fill(cname, lenCname, engine.professional().chineseNameBytes()));
    }

    @Override
    public int hpcGetHPCENAME(byte[] ename, int[] lenEname) {
        return call("hpcGetHPCENAME", () -> {
            ProfessionalIdentity p = engine.professional();
            fill(ename, lenEname, p.englishNameBytes());
        });
    }

    @Override
    public int csVerifySAMDC() {
        return call("csVerifySAMDC", engine::verifySam);
    }

    @Override
    public int csGetHospID(byte[] pBuffer, int[] iBufferLen) {
        return call("csGetHospID", () -> fill(pBuffer, iBufferLen, ascii(sam().hospitalId())));
    }

    @Override
    public int csGetHospName(byte[] pBuffer, int[] iBufferLen) {
        return call("csGetHospName", () -> fill(pBuffer, iBufferLen, big5(sam().hospitalName(), 40)));
    }

    @Override
    public int csGetHospAbbName(byte[] pBuffer, int[] iBufferLen) {
        return call("csGetHospAbbName", () -> fill(pBuffer, iBufferLen, big5(sam().hospitalShortName(), 20)));
    }

    private SamIdentity sam() throws NhiException {
        return engine.sam();
    }

    @Override
    public int csOpenCom(int comport) {
        // 5.x: the port names the SAM folder (0 = COMX1); the SAM service serves the configured one.
        return comport >= 0 && comport <= 9 ? 0 : ResultCode.SAM_FOLDER_INVALID.code();
    }

    @Override
    public int csCloseCom() {
        return 0;
    }

    @Override
    public int csGetVersionEx(byte[] pPath) {
        Buffers.cStringInto(pPath, location);
        return VERSION_CODE;
    }

    @Override
    public int csSoftwareReset(int type) {
        return call("csSoftwareReset", () -> engine.reset(type));
    }

    @Override
    public int hisQuickInsurence() {
        return call("hisQuickInsurence", engine::checkInsurance);
    }

    // ---- health-record reads and ICD-10 packing (V5Records) -------------------------------------------

    private V5Records records() {
        return new V5Records(engine, platformPin());
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
        return call("hisGetICD10EnC", () -> V5Records.pack(IN, OUT));
    }

    @Override
    public int hisGetICD10DeC(String IN, byte[] OUT) {
        return call("hisGetICD10DeC", () -> V5Records.unpack(IN, OUT));
    }


    // ---- health data writes (1.19–1.26, 1.46) and uploads (3.1–3.3) ------------------------------------

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

    @Override
    public int csUploadDataPrec(String pUploadFileName, byte[] pFileSize, byte[] pNumber, String pPrecNumber,
            byte[] pBuffer, int[] iBufferLen) {
        return call("csUploadDataPrec", () -> upload(pUploadFileName, pFileSize, pNumber,
                OptionalInt.of((int) decimal(cString(pPrecNumber), "pPrecNumber")), pBuffer, iBufferLen,
                UPLOAD_REPLY + 130));
    }

    private void upload(String fileName, byte[] fileSize, byte[] number, OptionalInt prescriptions, byte[] buffer,
            int[] length, int replyLength) throws NhiException {
        String name = cString(fileName);
        if (name.isBlank()) {
            throw new NhiException(ResultCode.FILE_ACCESS_DENIED, "no pUploadFileName");
        }
        long size = decimal(cString(fileSize), "pFileSize");
        long records = decimal(cString(number), "pNumber");
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

    @Override
    public int csDownloadData(String pSAMID, String pHospID, String pNumber, String pSendDate, String pRecvDate,
            String pServerRandom, byte[] pDownloadFileName) {
        return call("csDownloadData", () -> {
            if (pDownloadFileName == null || pDownloadFileName.length < 2) {
                throw new NhiException(ResultCode.BAD_PARAMETER, "pDownloadFileName receives the report's path");
            }
            java.nio.file.Path saved = engine.downloadUploadReport(cString(pSAMID).trim(), cString(pHospID).trim(),
                    (int) decimal(cString(pNumber), "pNumber"), cString(pSendDate).trim(), cString(pRecvDate).trim(),
                    cString(pServerRandom).trim());
            byte[] path = saved.toString().getBytes(StandardCharsets.UTF_8);
            if (path.length + 1 > pDownloadFileName.length) {
                throw new NhiException(ResultCode.BAD_PARAMETER, "pDownloadFileName holds " + pDownloadFileName.length
                        + " bytes; the path needs " + (path.length + 1));
            }
            System.arraycopy(path, 0, pDownloadFileName, 0, path.length);
            pDownloadFileName[path.length] = 0;
        });
    }

    private static final int ALLERGY = 40;
    private static final int UPLOAD_REPLY = 50;

    /** pBufferDocID must hold the id and its NUL before the card is written (1.20, 1.46). */
    private static void docIdBuffer(byte[] pBufferDocID) throws NhiException {
        if (pBufferDocID == null || pBufferDocID.length < 11) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "pBufferDocID holds at least 11 bytes");
        }
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

    private static long decimal(String s, String name) throws NhiException {
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

    /** @return the C string in a byte buffer: up to its first NUL */
    static String cString(byte[] b) {
        if (b == null) {
            return "";
        }
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    // ---- parameters: the checks both facades share (api-common) ------------------------------------------

    static String cString(String s) {
        return HisParameters.cString(s);
    }

    private static String dateTime(String s) throws NhiException {
        return HisParameters.dateTime(s);
    }

    private static PatientCheck patient(String id, String birth) throws NhiException {
        return HisParameters.patient(id, birth);
    }

    /**
     * The diagnoses of 1.16/1.47, in either form: 補卡註記 then six 5-byte codes (packed when in the packing range),
     * or ICD-10 mode, 補卡註記 then six {@code [code   ]} of 9 characters each (positions 2–55), which are packed
     * here (5.1's packing) so the card holds the same 5-byte form either way. What follows (1.47's fees) is kept.
     */
    private static byte[] diagnosesWrite(String pDataWrite, int length) throws NhiException {
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
            String code = field.substring(1, ICD10_FIELD - 1).strip().toUpperCase(java.util.Locale.ROOT);
            String five = code.isEmpty() || !Icd10Codes.inPackingRange(code) ? code : Icd10Codes.pack(code);
            packed.append(String.format("%-5s", five));
        }
        return dataWrite(packed.append(v.substring(1 + ICD10_FIELDS * ICD10_FIELD)).toString(), length);
    }

    private static final int ICD10_FIELDS = 6;
    private static final int ICD10_FIELD = 9;

    private static byte[] dataWrite(String s, int length) throws NhiException {
        return HisParameters.dataWrite(s, length);
    }

    private static byte[] ascii(String s) {
        return Buffers.ascii(s);
    }

    private static byte[] big5(String s, int width) {
        return Buffers.big5(s, width);
    }

    private static byte[] concat(byte[]... parts) {
        return Buffers.concat(parts);
    }
}
