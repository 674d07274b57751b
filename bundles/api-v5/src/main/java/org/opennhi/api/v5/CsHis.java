// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5;

import org.opennhi.api.common.CardApi;
import org.opennhi.engine.PinSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The 5.1.x API (讀卡機控制軟體 5.1.x, {@code cshis.dll}) with the manual's names and parameters, numbered as
 * in the manual. C parameters map to Java as follows: an output buffer {@code char *pBuffer} is a
 * {@code byte[]} the caller allocates; {@code int *iBufferLen} is a one-element {@code int[]} holding the
 * buffer's capacity on the way in (only its low 16 bits count, as the official header declares it
 * {@code short *}) and the number of bytes written on the way out; no trailing NUL is written. Input strings
 * ({@code char *}) are {@code String}s of the manual's widths. Every function returns a code of the NHI
 * catalogue ({@link org.opennhi.contracts.result.ResultCode}); a buffer too small for the answer is 6018 and
 * leaves the buffer and its length untouched.
 *
 * <p>The functions the 3.5.x API shares are declared in {@link CardApi}; here are those 5.1.x has alone, and
 * csOpenCom/csCloseCom as 5.1.x means them.
 *
 * <p>Functions that open a PIN dialog in the official DLL take a {@link PinSource}; the no-argument forms ask
 * the platform's PIN entry (keypad or dialog) when one is installed, else answer 5109.
 */
@ProviderType
public interface CsHis extends CardApi {

    // ---- what 5.1.x adds to the functions both generations share (CardApi) ----------------------

    /** 1.31 開啟讀卡機連結埠: 0 = {@code SAM/COMX1}, 1 = {@code COMX2} … */
    int csOpenCom(int comport);

    /** 1.32 關閉讀卡機連結埠. */
    int csCloseCom();

    /** 1.56 以就診日期時間取得就醫識別碼: 20 bytes. */
    int hisGetTreatNumICCard(String pDateTime, byte[] pBuffer, int[] iBufferLen);

    /**
     * 1.55 即時查保 before taking a number: 0 when the inserted HC's holder is insured, else the IDC's code (5012,
     * 9083–9092; 4061 offline). The export's name is known (with its spelling) but no declaration is public: this
     * form, with no parameters and no buffer, is the platform's (docs/card-engine.md).
     */
    int hisQuickInsurence();

    // ---- health-record reads (1.3–1.8, 1.10–1.12, 1.33, 1.41–1.44, 1.50) and ICD-10 packing (5.1, 5.2) ----
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

    // ---- health data writes (1.19–1.26, 1.46) and uploads (3.1–3.3) ------------------------------------

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

    /** 3.2 資料上傳 with 處方筆數: 180 bytes, 3.1's 50 then the server random (51–180) that 3.3 needs. */
    int csUploadDataPrec(String pUploadFileName, byte[] pFileSize, byte[] pNumber, String pPrecNumber,
            byte[] pBuffer, int[] iBufferLen);

    /**
     * 3.3 檢核錯誤報表資料自動下載: saves the IDC's check report of an upload; pDownloadFileName receives the
     * saved file's full path and a NUL.
     */
    int csDownloadData(String pSAMID, String pHospID, String pNumber, String pSendDate, String pRecvDate,
            String pServerRandom, byte[] pDownloadFileName);
}
