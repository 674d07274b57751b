// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

/**
 * A plain call of each exported function as a HIS writes it from the manual: buffers of the documented sizes,
 * inputs of the documented widths. The patient is the inserted card's holder; visit writes name {@code visit}.
 */
final class NativeCalls {
    /** One 門診處方箋 (61): the visit's date-time, 醫令類別 1, item, site, usage, days, quantity, 交付註記. */
    static String prescription(String visit) {
        return visit + "1" + pad("A046000100", 12) + pad("AB", 6) + pad("TID", 18) + "07" + "00021.0" + "01";
    }

    /** 補卡註記 and six 5-character diagnoses (31). */
    static final String DIAGNOSES = "0" + pad("J0110", 30);
    /** 門診醫療費用, 部分負擔, 住院費用, two 住院部分負擔 (38). */
    static final String FEES = "00000100" + "00000050" + "00000000" + "0000000" + "0000000";
    static final String ALLERGY = pad("Penicillin", 40);

    private NativeCalls() {
    }

    static String pad(String s, int width) {
        return String.format("%-" + width + "s", s);
    }

    static NativeCall read(String function, int size) {
        return NativeCall.of(function).buffer(size);
    }

    static NativeCall range(String function, int size, int from, int to) {
        return NativeCall.of(function).buffer(size).integer("iStartPos", from).integer("iEndPos", to)
                .outShort("iRecCount");
    }

    static NativeCall takeNumber(String function, int size) {
        NativeCall c = NativeCall.of(function).text("cTreatItem", "01").text("cBabyTreat", " ");
        return (function.equals("hisGetSeqNumber") ? c : c.text("cTreatAfterCheck", "1")).buffer(size);
    }

    /** A write of the visit of date-time {@code visit}: pDateTime and the patient first. */
    static NativeCall visitWrite(String function, String visit, String id, String birth) {
        return NativeCall.of(function).text("pDateTime", visit).text("pPatientID", id).text("pPatientBirthDate", birth);
    }

    static NativeCall patientWrite(String function, String id, String birth) {
        return NativeCall.of(function).text("pPatientID", id).text("pPatientBirthDate", birth);
    }

    /**
     * @return the plain call of {@code function}; PIN functions as when the person cancels (no PIN file, no
     *         JSON PIN)
     */
    static NativeCall standard(String function, String id, String birth, String visit) {
        String rx = prescription(visit);
        return switch (function) {
            case "hisGetBasicData" -> read(function, 72);
            case "hisGetRegisterBasic" -> read(function, 78);
            case "hisGetRegisterPrevent" -> read(function, 126);
            case "hisGetRegisterPregnant" -> read(function, 209);
            case "hisGetTreatmentNoNeedHPC" -> read(function, 498);
            case "hisGetCumulativeData" -> read(function, 134);
            case "hisGetCumulativeFee" -> read(function, 20);
            case "hisGetTreatmentNeedHPC" -> read(function, 372);
            case "hisGetInoculateData" -> read(function, 1400);
            case "hisGetOrganDonate" -> read(function, 1);
            case "hisGetEmergentTel" -> read(function, 14);
            case "hisGetLastSeqNum" -> read(function, 7);
            case "hisGetCriticalIllness" -> read(function, 114);
            case "csGetDateTime" -> read(function, 13);
            case "hisGetRegisterBasic2" -> read(function, 9);
            case "csGetHospID" -> read(function, 10);
            case "csGetHospName" -> read(function, 24);
            case "csGetHospAbbName" -> read(function, 128);
            case "hpcGetHPCSN" -> read(function, 12);
            case "hpcGetHPCSSN" -> read(function, 10);
            case "hpcGetHPCCNAME", "hpcGetHPCENAME" -> read(function, 20);
            case "hisGetSeqNumber" -> takeNumber(function, 167);
            case "hisGetSeqNumber256" -> takeNumber(function, 296);
            case "hisGetSeqNumber256N1" -> takeNumber(function, 316);
            case "hisReadPrescription" -> NativeCall.of(function)
                    .area("pOutpatientPrescription", "iBufferLenOutpatient", 3660)
                    .area("pLongTermPrescription", "iBufferLenLongTerm", 1320)
                    .area("pImportantTreatmentCode", "iBufferLenImportant", 360)
                    .area("pIrritationDrug", "iBufferLenIrritation", 120);
            case "hisReadPrescriptMain" -> range(function, 3660, 1, 60);
            case "hisReadPrescriptLongTerm" -> range(function, 1320, 1, 30);
            case "hisReadPrescriptHVE" -> range(function, 360, 1, 10);
            case "hisReadPrescriptAllergic" -> range(function, 120, 1, 3);
            case "hisGetCardStatus" -> NativeCall.of(function).integer("CardType", 2);
            case "csGetCardNo" -> NativeCall.of(function).integer("CardType", 2).buffer(12);
            case "csOpenCom" -> NativeCall.of(function).integer("Comport", 0);
            case "csSoftwareReset" -> NativeCall.of(function).integer("Type", 3);
            case "hpcGetHPCStatus" -> NativeCall.of(function).integer("Req", 1).outShort("Status");
            case "csGetVersionEx" -> NativeCall.of(function).libraryPath(260);
            case "csUnGetSeqNumber" -> NativeCall.of(function).text("pUnTreatDate", visit);
            case "hisWriteTreatmentCode" -> visitWrite(function, visit, id, birth).text("pDataWrite", DIAGNOSES)
                    .outString("pBufferDocID", 11);
            case "hisWriteTreatmentFee" -> visitWrite(function, visit, id, birth).text("pDataWrite", FEES);
            case "hisWritePrescription" -> visitWrite(function, visit, id, birth).text("pDataWrite", rx);
            case "hisWriteMultiPrescript" -> visitWrite(function, visit, id, birth).text("pDataWrite", rx + rx)
                    .inoutShort("iWriteCount", 2);
            case "hisWriteTreatmentData" -> visitWrite(function, visit, id, birth).text("pDataWrite", DIAGNOSES + FEES)
                    .outString("pBufferDocID", 11);
            case "hisWritePrescriptionSign" -> visitWrite(function, visit, id, birth).text("pDataWrite", rx)
                    .buffer(40).ignore(1, 40, "the SAM's signature: a new one each write");
            case "hisWriteMultiPrescriptSign" -> visitWrite(function, visit, id, birth).text("pDataWrite", rx + rx)
                    .inoutShort("iWriteCount", 2).buffer(80).ignore(1, 80, "the SAM's signatures: new each write");
            case "hisGetTreatNumICCard" -> NativeCall.of(function).text("pDateTime", visit).buffer(20)
                    .ignore(18, 20, "the IDC's counter: every request issues a new id");
            case "hisGetTreatNumNoICCard" -> NativeCall.of(function).text("pPatientID", id)
                    .text("pHospID", "7777777777").buffer(43).ignore(1, 13, "the date-time of the call")
                    .ignore(14 + 10 + 10, 43, "the id's time part and the IDC's counter");
            case "hisWriteNewBorn" -> patientWrite(function, id, birth).text("pNewBornDate", "1141201")
                    .text("pNoOfDelivered", "1");
            case "hisWriteAllergicMedicines" -> patientWrite(function, id, birth)
                    .text("pDataWrite", ALLERGY + pad("Aspirin", 40) + pad("", 40)).outString("pBufferDocID", 11);
            case "hisWriteOrganDonate" -> patientWrite(function, id, birth).text("pOrganDonate", "1");
            case "hisWriteHealthInsurance" -> patientWrite(function, id, birth).text("pServiceItem", "03")
                    .text("pServiceItemCode", "11");
            case "hisWriteEmergentTel" -> patientWrite(function, id, birth).text("pEmergentTel", "0912345678");
            case "hisWritePredeliveryCheckup" -> patientWrite(function, id, birth).text("pCheckupCode", "41");
            case "hisDeletePredeliveryData" -> patientWrite(function, id, birth);
            case "hisWriteInoculateData" -> patientWrite(function, id, birth).text("pItem", "FLU")
                    .text("pPackageNumber", "LOT2025A0001");
            case "hisWriteAllergicNum" -> patientWrite(function, id, birth).text("pDataWrite", ALLERGY)
                    .outString("pBufferDocID", 11).integer("iNum", 2);
            case "hisGetCriticalIllnessID" -> patientWrite(function, id, birth).buffer(114);
            case "hisGetICD10EnC" -> NativeCall.of(function).text("IN", "G44201").outString("OUT", 6);
            case "hisGetICD10DeC" -> NativeCall.of(function).text("IN", "J0110").outString("OUT", 8);
            case "csUploadData" -> NativeCall.of(function).text("pUploadFileName", "/nonexistent/upload.xml")
                    .inoutString("pFileSize", "100", 21).inoutString("pNumber", "1", 21).buffer(50);
            case "csUploadDataPrec" -> NativeCall.of(function).text("pUploadFileName", "/nonexistent/upload.xml")
                    .inoutString("pFileSize", "100", 21).inoutString("pNumber", "1", 21).text("pPrecNumber", "1")
                    .buffer(180);
            case "csDownloadData" -> NativeCall.of(function).text("pSAMID", "900077777777")
                    .text("pHospID", "7777777777").text("pNumber", "1").text("pSendDate", "20251208120000")
                    .text("pRecvDate", "20251208120001").text("pServerRandom", "A".repeat(130))
                    .outString("pDownloadFileName", 260);
            case "csVerifyHCPIN", "csInputHCPIN", "csDisableHCPIN", "csUpdateHCContents", "csCloseCom", "csISSetPIN",
                "csUpdateHCNoReset", "hisQuickInsurence", "csVerifySAMDC", "hpcVerifyHPCPIN", "hpcInputHPCPIN",
                "hpcUnlockHPC" -> NativeCall.of(function);
            default -> throw new AssertionError("no plain call of " + function + " in NativeCalls: a new export?");
        };
    }
}
