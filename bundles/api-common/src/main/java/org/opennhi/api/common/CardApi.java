// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import org.opennhi.engine.PinSource;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The functions the 5.1.x API ({@code CsHis}, 5.1.3 manual) and the 3.5.x API ({@code CsHis30}, 3.3 manual) both
 * define, with the same names, parameters, buffers and sizes; each API adds what its generation has alone, and
 * says where its manual gives them another meaning (3.5.x: nothing answers but 4000 before csOpenCom). Parameters
 * map to Java as the APIs describe: a {@code char *pBuffer} is a caller-allocated {@code byte[]},
 * {@code int *iBufferLen} a one-element {@code int[]} of which only the low 16 bits count (capacity in, bytes
 * written out), no trailing NUL; every function returns a code of the NHI catalogue.
 */
@ProviderType
public interface CardApi {

    /** 1.1 讀取不需個人 PIN 碼資料 (3.3: 掛號或報到時不需讀取個人 PIN 碼資料): 72 bytes. */
    int hisGetBasicData(byte[] pBuffer, int[] iBufferLen);

    /** 1.2 掛號或報到時讀取基本資料 (3.3: 診間服務時讀取基本資料): 78 bytes; the holder's PIN when enabled. */
    int hisGetRegisterBasic(byte[] pBuffer, int[] iBufferLen, PinSource pin);

    /** 1.2 with the platform's PIN entry. */
    int hisGetRegisterBasic(byte[] pBuffer, int[] iBufferLen);

    /** 1.9 取得就醫序號: 167 bytes, the SAM's 128 raw signature bytes at 28–155. */
    int hisGetSeqNumber(String cTreatItem, String cBabyTreat, byte[] pBuffer, int[] iBufferLen);

    /** 1.13 讀取緊急聯絡電話資料: 14 bytes. */
    int hisGetEmergentTel(byte[] pBuffer, int[] iBufferLen);

    /** 1.14 讀取最近一次就醫序號: 7 bytes. */
    int hisGetLastSeqNum(byte[] pBuffer, int[] iBufferLen);

    /** 1.15 讀取卡片狀態: a status value (0–9), not a result code; 4000 on a reader timeout. */
    int hisGetCardStatus(int cardType);

    /** 1.16 就醫診療資料寫入作業; pBufferDocID receives the HPC holder's id number and a NUL (11 bytes). */
    int hisWriteTreatmentCode(String pDateTime, String pPatientID, String pPatientBirthDate, String pDataWrite,
            byte[] pBufferDocID);

    /** 1.17 就醫費用資料寫入作業. */
    int hisWriteTreatmentFee(String pDateTime, String pPatientID, String pPatientBirthDate, String pDataWrite);

    /** 1.18 處方箋寫入作業 (one 61-byte prescription). */
    int hisWritePrescription(String pDateTime, String pPatientID, String pPatientBirthDate, String pDataWrite);

    /** 1.27 驗證健保 IC 卡之 PIN 值. */
    int csVerifyHCPIN(PinSource pin);

    /** 1.27 with the platform's PIN entry. */
    int csVerifyHCPIN();

    /** 1.28 輸入新的健保 IC 卡 PIN 值. */
    int csInputHCPIN(PinSource pin);

    /** 1.28 with the platform's PIN entry. */
    int csInputHCPIN();

    /** 1.29 停用健保 IC 卡之 PIN 碼輸入功能. */
    int csDisableHCPIN();

    /** 1.34 讀取讀卡機日期時間: 13 bytes ROC. */
    int csGetDateTime(byte[] pBuffer, int[] iBufferLen);

    /** 1.35 讀取卡片號碼: 12 bytes; cardType 1 SAM, 2 HC, 3 HPC. */
    int csGetCardNo(int cardType, byte[] pBuffer, int[] iBufferLen);

    /** 1.36 檢查健保 IC 卡是否設定密碼: 1 set, 0 not set, else a result code. */
    int csISSetPIN();

    /** 1.37 取得就醫序號新版: 296 bytes. */
    int hisGetSeqNumber256(String cTreatItem, String cBabyTreat, String cTreatAfterCheck, byte[] pBuffer,
            int[] iBufferLen);

    /** 1.38 掛號或報到時讀取有效卡期限及就醫次數資料 (never asks for the PIN): 9 bytes. */
    int hisGetRegisterBasic2(byte[] pBuffer, int[] iBufferLen);

    /** 1.39 回復就醫資料累計值 (退掛). */
    int csUnGetSeqNumber(String pUnTreatDate);

    /** 1.45 多筆處方箋寫入作業; iWriteCount in: records sent, out: records written. */
    int hisWriteMultiPrescript(String pDateTime, String pPatientID, String pPatientBirthDate, String pDataWrite,
            int[] iWriteCount);

    /** 1.47 就醫診療資料及費用寫入作業. */
    int hisWriteTreatmentData(String pDateTime, String pPatientID, String pPatientBirthDate, String pDataWrite,
            byte[] pBufferDocID);

    /** 1.48 處方箋寫入作業-回傳簽章: 40 bytes. */
    int hisWritePrescriptionSign(String pDateTime, String pPatientID, String pPatientBirthDate, String pDataWrite,
            byte[] pBuffer, int[] iBufferLen);

    /** 1.49 多筆處方箋寫入作業-回傳簽章: 40 bytes per prescription. */
    int hisWriteMultiPrescriptSign(String pDateTime, String pPatientID, String pPatientBirthDate,
            String pDataWrite, int[] iWriteCount, byte[] pBuffer, int[] iBufferLen);

    /** 1.51 取得控制軟體版本: returns the version code; pPath receives where the facade lives. */
    int csGetVersionEx(byte[] pPath);

    /** 1.52 重置讀卡機或卡片: 0 reader, 1 SAM, 2 HPC, 3 HC. */
    int csSoftwareReset(int type);

    /** 1.53 取得就醫序號及就醫識別碼: 316 bytes. */
    int hisGetSeqNumber256N1(String cTreatItem, String cBabyTreat, String cTreatAfterCheck, byte[] pBuffer,
            int[] iBufferLen);

    /** 1.54 無卡取得就醫識別碼: 43 bytes (date-time 13, hospital id 10, treatment id 20). */
    int hisGetTreatNumNoICCard(String pPatientID, String pHospID, byte[] pBuffer, int[] iBufferLen);

    /** 2.1 SAM 與 DC 認證. */
    int csVerifySAMDC();

    /** 2.2 讀取 SAM 院所代碼: 10 bytes. */
    int csGetHospID(byte[] pBuffer, int[] iBufferLen);

    /** 2.3 讀取 SAM 院所名稱 (Big5). */
    int csGetHospName(byte[] pBuffer, int[] iBufferLen);

    /** 2.4 讀取 SAM 院所簡稱 (Big5). */
    int csGetHospAbbName(byte[] pBuffer, int[] iBufferLen);

    /** 4.1 取得醫事人員卡狀態: req 1 → status[0] 0 absent, 1 present. */
    int hpcGetHPCStatus(int req, int[] status);

    /** 4.2 檢查醫事人員卡之 PIN 值. */
    int hpcVerifyHPCPIN(PinSource pin);

    /** 4.2 with the platform's PIN entry. */
    int hpcVerifyHPCPIN();

    /** 4.3 輸入新的醫事人員卡之 PIN 值 (old PIN, then the new one). */
    int hpcInputHPCPIN(PinSource pin);

    /** 4.4 解開鎖住的醫事人員卡 (PUK, then the new PIN). */
    int hpcUnlockHPC(PinSource pin);

    /** 4.5 取得醫事人員卡序號: 12 bytes. */
    int hpcGetHPCSN(byte[] sn, int[] lenSn);

    /** 4.6 取得醫事人員卡身分證字號: 10 bytes. */
    int hpcGetHPCSSN(byte[] ssn, int[] lenSsn);

    /** 4.7 取得醫事人員卡中文姓名: 20 bytes Big5. */
    int hpcGetHPCCNAME(byte[] cname, int[] lenCname);

    /** 4.8 取得醫事人員卡英文姓名: 20 bytes. */
    int hpcGetHPCENAME(byte[] ename, int[] lenEname);

    // ---- health-record reads (1.3–1.8, 1.10–1.12, 1.33, 1.41–1.44, 1.50) and ICD-10 packing (5.1, 5.2) ----
    // The 3.3 manual lays them out as 5.1.3 does (same sections, same sizes, same ICD-10-CM marker).
    // Each asks the holder's PIN through the platform's PIN entry when the card needs it (5109 without one).

    /** 1.3 預防保健掛號作業: 126 bytes (6 × 21). */
    int hisGetRegisterPrevent(byte[] pBuffer, int[] iBufferLen);

    /** 1.4 孕婦產前檢查掛號作業: 209 bytes (11 × 19). */
    int hisGetRegisterPregnant(byte[] pBuffer, int[] iBufferLen);

    /** 1.5 讀取就醫資料不需 HPC 卡的部分: 498 bytes (critical illness dates 6 × 14, visits 6 × 69). */
    int hisGetTreatmentNoNeedHPC(byte[] pBuffer, int[] iBufferLen);

    /** 1.6 讀取就醫累計資料: 134 bytes (2 × 67). */
    int hisGetCumulativeData(byte[] pBuffer, int[] iBufferLen);

    /** 1.7 讀取醫療費用總累計: 20 bytes. */
    int hisGetCumulativeFee(byte[] pBuffer, int[] iBufferLen);

    /**
     * 1.8 讀取就醫資料需要 HPC 卡的部份: 372 bytes, or 540 in ICD-10 mode (pBuffer starts with the marker
     * {@code [XXXXXXX]}); a pharmacist's HPC gets the critical illnesses (1–114, 1–138) as spaces.
     */
    int hisGetTreatmentNeedHPC(byte[] pBuffer, int[] iBufferLen);

    /**
     * 1.10 讀取處方箋作業: outpatient 3660, long-term 1320, important orders 360, allergic medicines 120 bytes.
     * A pharmacist's HPC gets the important orders as spaces and of the outpatient prescriptions only the classes
     * 1, 2, A and B.
     */
    int hisReadPrescription(byte[] pOutpatientPrescription, int[] iBufferLenOutpatient,
            byte[] pLongTermPrescription, int[] iBufferLenLongTerm, byte[] pImportantTreatmentCode,
            int[] iBufferLenImportant, byte[] pIrritationDrug, int[] iBufferLenIrritation);

    /** 1.11 讀取預防接種資料: 1400 bytes (40 × 35). */
    int hisGetInoculateData(byte[] pBuffer, int[] iBufferLen);

    /** 1.12 讀取同意器官捐贈及安寧緩和醫療註記: 1 byte. */
    int hisGetOrganDonate(byte[] pBuffer, int[] iBufferLen);

    /**
     * 1.33 讀取重大傷病註記資料: 114 bytes (6 × 19), or 138 in ICD-10 mode (marker {@code [XXXXXXX]} at the start
     * of pBuffer). Without an HPC: 5141 with the validity dates only (codes as spaces).
     */
    int hisGetCriticalIllness(byte[] pBuffer, int[] iBufferLen);

    /**
     * 1.41 讀取就醫資料-門診處方箋: records iStartPos..iEndPos (1..60) of 61 bytes; iRecCount receives how many.
     */
    int hisReadPrescriptMain(byte[] pOutpatientPrescription, int[] iBufferLenOutpatient, int iStartPos,
            int iEndPos, int[] iRecCount);

    /** 1.42 讀取就醫資料-長期處方箋: records 1..30 of 44 bytes. */
    int hisReadPrescriptLongTerm(byte[] pLongTermPrescription, int[] iBufferLenLongTerm, int iStartPos,
            int iEndPos, int[] iRecCount);

    /** 1.43 讀取就醫資料-重要醫令: records 1..10 of 36 bytes; 9100 for a pharmacist's HPC. */
    int hisReadPrescriptHVE(byte[] pImportantTreatmentCode, int[] iBufferLenImportant, int iStartPos, int iEndPos,
            int[] iRecCount);

    /** 1.44 讀取就醫資料-過敏藥物: records 1..3 of 40 bytes. */
    int hisReadPrescriptAllergic(byte[] pIrritationDrug, int[] iBufferLenIrritation, int iStartPos, int iEndPos,
            int[] iRecCount);

    /** 1.50 讀取重大傷病註記資料身分比對: as 1.33 after checking the holder (5020). */
    int hisGetCriticalIllnessID(String pPatientID, String pPatientBirthDate, byte[] pBuffer, int[] iBufferLen);

    /**
     * 5.1 進行疾病診斷碼押碼: OUT receives the 5 packed characters and a NUL (when it has room for it); 9127 for
     * a code outside the packing range (longer than 5 characters, or starting with E or V). The packing is the
     * platform's, not NHI's unpublished one (docs/card-engine.md).
     */
    int hisGetICD10EnC(String IN, byte[] OUT);

    /** 5.2 進行疾病診斷碼解押碼: OUT receives the code and a NUL (when it has room); 9127 for no packed code. */
    int hisGetICD10DeC(String IN, byte[] OUT);

    // ---- health data writes (1.19–1.26, 1.30, 1.40, 1.46) and upload (3.1) -------------------------------

    /** 1.19 新生兒註記寫入作業: pNewBornDate ROC (7), pNoOfDelivered 胞胎註記 (1). */
    int hisWriteNewBorn(String pPatientID, String pPatientBirthDate, String pNewBornDate, String pNoOfDelivered);

    /**
     * 1.20 過敏藥物寫入作業: pDataWrite holds slots 1–3, 40 bytes each (Big5, space padded); pBufferDocID (at least
     * 11 bytes) receives the HPC holder's id number and a NUL. Needs the HPC.
     */
    int hisWriteAllergicMedicines(String pPatientID, String pPatientBirthDate, String pDataWrite,
            byte[] pBufferDocID);

    /** 1.21 同意器官捐贈及安寧緩和醫療註記寫入作業: pOrganDonate one character. */
    int hisWriteOrganDonate(String pPatientID, String pPatientBirthDate, String pOrganDonate);

    /** 1.22 預防保健資料寫入作業: pServiceItem (2), pServiceItemCode (2); date and hospital from the platform. */
    int hisWriteHealthInsurance(String pPatientID, String pPatientBirthDate, String pServiceItem,
            String pServiceItemCode);

    /** 1.23 緊急聯絡電話資料寫入作業: up to 14 characters. */
    int hisWriteEmergentTel(String pPatientID, String pPatientBirthDate, String pEmergentTel);

    /** 1.24 寫入產前檢查資料: pCheckupCode (2); women only (5079). */
    int hisWritePredeliveryCheckup(String pPatientID, String pPatientBirthDate, String pCheckupCode);

    /** 1.25 清除產前檢查資料: all 11 records; women only (5079). */
    int hisDeletePredeliveryData(String pPatientID, String pPatientBirthDate);

    /** 1.26 預防接種資料寫入作業: pItem 疫苗種類 (6), pPackageNumber 疫苗批號 (12). */
    int hisWriteInoculateData(String pPatientID, String pPatientBirthDate, String pItem, String pPackageNumber);

    /** 1.30 健保 IC 卡卡片內容更新作業: from the IDC; the card is usable at once afterwards. */
    int csUpdateHCContents();

    /** 1.40 健保 IC 卡卡片內容更新作業 without the reset: the card must be taken out and inserted again. */
    int csUpdateHCNoReset();

    /** 1.46 過敏藥物寫入指定欄位作業: one 40-byte entry into slot iNum (1–3); pBufferDocID as 1.20. */
    int hisWriteAllergicNum(String pPatientID, String pPatientBirthDate, String pDataWrite, byte[] pBufferDocID,
            int iNum);

    /**
     * 3.1 資料上傳: 50 bytes (SAM id 12, hospital id 13–22, upload date-time 23–36, receive date-time 37–50,
     * Gregorian). pFileSize and pNumber are in/out C strings (decimal, NUL-terminated): the HIS's values in, the
     * IDC's received size and record count out.
     */
    int csUploadData(String pUploadFileName, byte[] pFileSize, byte[] pNumber, byte[] pBuffer, int[] iBufferLen);
}
