package org.opennhi.api.v3.internal;

import static org.opennhi.api.common.Buffers.ascii;
import static org.opennhi.api.common.Buffers.big5;
import static org.opennhi.api.common.Buffers.checkCapacity;
import static org.opennhi.api.common.Buffers.concat;
import static org.opennhi.api.common.Buffers.fill;
import static org.opennhi.api.common.HisParameters.cString;
import static org.opennhi.api.common.HisParameters.dataWrite;
import static org.opennhi.api.common.HisParameters.dateTime;
import static org.opennhi.api.common.HisParameters.docId;
import static org.opennhi.api.common.HisParameters.patient;
import static org.opennhi.api.common.HisParameters.prescriptions;
import static org.opennhi.api.common.HisParameters.visit;
import static org.opennhi.api.common.HisParameters.writeCount;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.opennhi.api.common.Buffers;
import org.opennhi.api.common.Notices;
import org.opennhi.api.common.CallAudit;
import org.opennhi.api.common.Outcome;
import org.opennhi.api.v3.CsHis30;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.CardEngine;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.TreatmentWrite;
import org.opennhi.engine.VisitRequest.SignatureForm;

/**
 * The 3.5.x functions over the card engine: the port rule first (4000 until {@code csOpenCom} succeeded), then
 * the HIS's parameters checked, the engine's answers laid out in the 3.3 manual's buffers and failures turned
 * into catalogue codes. Plain Java, so tests drive it directly.
 */
public class V3Facade implements CsHis30 {
    private final CardEngine engine;
    private final Supplier<Optional<PinSource>> platformPin;
    private final String location;
    private final PortGate port;
    private final CallAudit audit;

    /**
     * @param engine the card engine (the same one the 5.1.x facade uses)
     * @param platformPin the platform's PIN entry (the reader's keypad, a dialog), when one is installed
     * @param location what {@code csGetVersionEx} writes into pPath
     * @param port the platform's csOpenCom state
     */
    public V3Facade(CardEngine engine, Supplier<Optional<PinSource>> platformPin, String location, PortGate port) {
        this(engine, platformPin, location, port, CallAudit.NONE);
    }

    /** @param audit where each call's audit record goes */
    public V3Facade(CardEngine engine, Supplier<Optional<PinSource>> platformPin, String location, PortGate port,
            CallAudit audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.platformPin = Objects.requireNonNull(platformPin, "platformPin");
        this.location = Objects.requireNonNull(location, "location");
        this.port = Objects.requireNonNull(port, "port");
    }

    /** A function that talks to the reader: 4000 until csOpenCom succeeded, as the 3.x DLL answers. */
    private int call(String function, Outcome.Body body) {
        return audit.run(function, () -> { // a call refused by the port rule is audited too: one record per call
            if (!port.isOpen()) {
                throw new NhiException(ResultCode.READER_TIMEOUT, "csOpenCom first");
            }
            body.run();
        });
    }

    private PinSource platformPin() {
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

    // ---- the port --------------------------------------------------------------------------------------

    @Override
    public int csOpenCom(int comport) {
        return port.open(comport);
    }

    @Override
    public int csCloseCom() {
        return port.close();
    }

    @Override
    public int csGetVersionEx(byte[] pPath) {
        Buffers.cStringInto(pPath, location);
        return VERSION_CODE;
    }

    // ---- reads ----------------------------------------------------------------------------------------

    @Override
    public int hisGetBasicData(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetBasicData", () -> fill(pBuffer, iBufferLen, engine.basicData()));
    }

    @Override
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
            notCancelled();
            fill(pBuffer, iBufferLen, engine.emergencyPhone());
        });
    }

    @Override
    public int hisGetLastSeqNum(byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetLastSeqNum", () -> {
            notCancelled();
            fill(pBuffer, iBufferLen, engine.lastSequenceNumber(platformPin()));
        });
    }

    @Override
    public int hisGetCardStatus(int cardType) {
        if (!port.isOpen()) {
            return ResultCode.READER_TIMEOUT.code();
        }
        try {
            return engine.slotStatus(slot(cardType));
        } catch (NhiException e) {
            return e.result().code();
        }
    }

    @Override
    public int csGetDateTime(byte[] pBuffer, int[] iBufferLen) {
        return call("csGetDateTime", () -> fill(pBuffer, iBufferLen, ascii(Buffers.rocDateTime(engine.now()))));
    }

    @Override
    public int csGetCardNo(int cardType, byte[] pBuffer, int[] iBufferLen) {
        return call("csGetCardNo", () -> fill(pBuffer, iBufferLen, ascii(engine.cardNumber(slot(cardType)))));
    }

    @Override
    public int csISSetPIN() {
        if (!port.isOpen()) {
            return ResultCode.READER_TIMEOUT.code();
        }
        try {
            return engine.hcPinEnabled() ? 1 : 0;
        } catch (NhiException e) {
            return e.result().code();
        }
    }

    // ---- visits: the buffer is checked before the visit is taken, so a too-small one never costs a visit ----

    @Override
    public int hisGetSeqNumber(String cTreatItem, String cBabyTreat, byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetSeqNumber", () -> {
            checkCapacity(pBuffer, iBufferLen, 167);
            fill(pBuffer, iBufferLen, Buffers.sequence167(Notices.of(engine.takeVisit(visit(cTreatItem,
                    cBabyTreat, "1", SignatureForm.RAW_128, false), platformPin()))));
        });
    }

    @Override
    public int hisGetSeqNumber256(String cTreatItem, String cBabyTreat, String cTreatAfterCheck, byte[] pBuffer,
            int[] iBufferLen) {
        return call("hisGetSeqNumber256", () -> {
            checkCapacity(pBuffer, iBufferLen, 296);
            fill(pBuffer, iBufferLen, Buffers.sequence296(Notices.of(engine.takeVisit(visit(cTreatItem, cBabyTreat,
                    cTreatAfterCheck, SignatureForm.PRINTABLE_256, false), platformPin()))));
        });
    }

    @Override
    public int hisGetSeqNumber256N1(String cTreatItem, String cBabyTreat, String cTreatAfterCheck, byte[] pBuffer,
            int[] iBufferLen) {
        return call("hisGetSeqNumber256N1", () -> {
            checkCapacity(pBuffer, iBufferLen, 316);
            var v = Notices.of(engine.takeVisit(visit(cTreatItem, cBabyTreat, cTreatAfterCheck,
                    SignatureForm.PRINTABLE_256, true), platformPin()));
            fill(pBuffer, iBufferLen, concat(Buffers.sequence296(v), ascii(v.treatmentId().orElseThrow())));
        });
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

    // ---- writes ---------------------------------------------------------------------------------------

    @Override
    public int hisWriteTreatmentCode(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, byte[] pBufferDocID) {
        return call("hisWriteTreatmentCode", () -> docId(pBufferDocID, engine.writeTreatment(new TreatmentWrite(
                patient(pPatientID, pPatientBirthDate), dateTime(pDateTime),
                Optional.of(dataWrite(pDataWrite, TreatmentWrite.DIAGNOSES_LENGTH)), Optional.empty()),
                platformPin())));
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
            int diagnoses = TreatmentWrite.DIAGNOSES_LENGTH;
            byte[] data = dataWrite(pDataWrite, diagnoses + TreatmentWrite.FEES_LENGTH);
            docId(pBufferDocID, engine.writeTreatment(new TreatmentWrite(patient(pPatientID, pPatientBirthDate),
                    dateTime(pDateTime), Optional.of(Arrays.copyOf(data, diagnoses)),
                    Optional.of(Arrays.copyOfRange(data, diagnoses, data.length))), platformPin()));
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
            int count = writeCount(iWriteCount);
            engine.writePrescriptions(patient(pPatientID, pPatientBirthDate), dateTime(pDateTime),
                    prescriptions(pDataWrite, count), false, platformPin());
            iWriteCount[0] = count;
        });
    }

    @Override
    public int hisWritePrescriptionSign(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, byte[] pBuffer, int[] iBufferLen) {
        return hisWriteMultiPrescriptSign(pDateTime, pPatientID, pPatientBirthDate, pDataWrite, new int[] {1},
                pBuffer, iBufferLen);
    }

    @Override
    public int hisWriteMultiPrescriptSign(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, int[] iWriteCount, byte[] pBuffer, int[] iBufferLen) {
        return call("hisWriteMultiPrescriptSign", () -> {
            int count = writeCount(iWriteCount);
            checkCapacity(pBuffer, iBufferLen, 40 * count);
            List<byte[]> sigs = engine.writePrescriptions(patient(pPatientID, pPatientBirthDate), dateTime(pDateTime),
                    prescriptions(pDataWrite, count), true, platformPin());
            fill(pBuffer, iBufferLen, concat(sigs.toArray(byte[][]::new)));
            iWriteCount[0] = count;
        });
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
        return call("hpcGetHPCStatus", () -> {
            if (req != 1 || status == null || status.length < 1) {
                throw new NhiException(ResultCode.BAD_PARAMETER, "Req is 1, Status one cell");
            }
            status[0] = engine.hpcPresent() ? 1 : 0;
        });
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
        return call("hpcGetHPCENAME", () -> fill(ename, lenEname, engine.professional().englishNameBytes()));
    }

    @Override
    public int csVerifySAMDC() {
        return call("csVerifySAMDC", engine::verifySam);
    }

    @Override
    public int csGetHospID(byte[] pBuffer, int[] iBufferLen) {
        return call("csGetHospID", () -> fill(pBuffer, iBufferLen, ascii(engine.sam().hospitalId())));
    }

    @Override
    public int csGetHospName(byte[] pBuffer, int[] iBufferLen) {
        return call("csGetHospName", () -> fill(pBuffer, iBufferLen, big5(engine.sam().hospitalName(), 40)));
    }

    @Override
    public int csGetHospAbbName(byte[] pBuffer, int[] iBufferLen) {
        return call("csGetHospAbbName", () -> fill(pBuffer, iBufferLen, big5(engine.sam().hospitalShortName(), 20)));
    }

    @Override
    public int csSoftwareReset(int type) {
        return call("csSoftwareReset", () -> engine.reset(type));
    }
}
