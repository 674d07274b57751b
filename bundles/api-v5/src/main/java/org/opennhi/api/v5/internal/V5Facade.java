package org.opennhi.api.v5.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.opennhi.api.common.Buffers;
import org.opennhi.api.common.HisParameters;
import org.opennhi.api.common.Outcome;
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

    /**
     * @param engine the card engine
     * @param platformPin the platform's PIN entry (keypad, dialog), when one is installed
     * @param location what {@code csGetVersionEx} writes into pPath
     */
    public V5Facade(CardEngine engine, Supplier<Optional<PinSource>> platformPin, String location) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.platformPin = Objects.requireNonNull(platformPin, "platformPin");
        this.location = Objects.requireNonNull(location, "location");
    }

    @FunctionalInterface
    private interface Call {
        void run() throws NhiException;
    }

    /** Runs a function body: a catalogue code for every outcome, never an exception to the HIS. */
    private static int call(String function, Call body) {
        return Outcome.of(function, body::run);
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
        return call("hisGetBasicData", () -> {
            BasicProfile basic = engine.basicProfile();
            CardStatus status = engine.cardStatus();
            fill(pBuffer, iBufferLen, concat(basic.bytes(), new byte[] {status.cancellationMark()},
                    engine.emergencyPhone()));
        });
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
            Visit v = engine.takeVisit(request(cTreatItem, cBabyTreat, "1", VisitRequest.SignatureForm.RAW_128,
                    false), platformPin());
            fill(pBuffer, iBufferLen, concat(ascii(v.visitDateTime()), ascii(v.sequenceNumber()),
                    ascii(v.hospitalId()), v.signature(), ascii(v.samId())));
        });
    }

    @Override
    public int hisGetSeqNumber256(String cTreatItem, String cBabyTreat, String cTreatAfterCheck, byte[] pBuffer,
            int[] iBufferLen) {
        return call("hisGetSeqNumber256", () -> {
            Visit v = engine.takeVisit(request(cTreatItem, cBabyTreat, cTreatAfterCheck,
                    VisitRequest.SignatureForm.PRINTABLE_256, false), platformPin());
            fill(pBuffer, iBufferLen, seq256(v));
        });
    }

    @Override
    public int hisGetSeqNumber256N1(String cTreatItem, String cBabyTreat, String cTreatAfterCheck, byte[] pBuffer,
            int[] iBufferLen) {
        return call("hisGetSeqNumber256N1", () -> {
            Visit v = engine.takeVisit(request(cTreatItem, cBabyTreat, cTreatAfterCheck,
                    VisitRequest.SignatureForm.PRINTABLE_256, true), platformPin());
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
            byte[] data = dataWrite(pDataWrite, TreatmentWrite.DIAGNOSES_LENGTH);
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
            byte[] data = dataWrite(pDataWrite, TreatmentWrite.DIAGNOSES_LENGTH + TreatmentWrite.FEES_LENGTH);
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
