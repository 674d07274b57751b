/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cshis.h: the functions of NHI's 讀卡機控制軟體 5.1.x (cshis.dll) as the Open NHI drop-in library exports them,
 * for HIS authors. Signatures follow NHI's official cshis.h and the API manual 5.1.3 (numbers as in the manual;
 * 1.53-1.56 from the later 5.1.5.x additions).
 *
 * Conventions (as the official DLL):
 *  - Every function returns an int: 0 or a catalogue code (ERRORCODE); hisGetCardStatus and csISSetPIN return a
 *    status value, csGetVersionEx the version code.
 *  - Output buffers are the caller's: pass their size in *iBufferLen; on success it holds the bytes written.
 *    Buffers get no trailing NUL. Lengths are short (16 bit); an int * works too, only the low 16 bits count.
 *  - Input strings are NUL-terminated C strings of the manual's sizes (e.g. pDateTime 14, pPatientID 11,
 *    pPatientBirthDate 8 bytes including the NUL).
 *  - Windows: __stdcall, undecorated names.
 */
#ifndef CSHIS_H
#define CSHIS_H

#ifdef _WIN32
#define CSHIS_API __stdcall
#else
#define CSHIS_API
#endif

/* The library itself defines CSHIS_EXPORT as its export attribute; callers leave it empty. */
#ifndef CSHIS_EXPORT
#define CSHIS_EXPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- 1. 健保 IC 卡 (health card) --------------------------------------------------------------------------- */

/* 1.1 讀取不需個人 PIN 碼資料: basic data, 72 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetBasicData(char *pBuffer, short *iBufferLen);
/* 1.2 掛號或報到時讀取基本資料: registration data, 78 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetRegisterBasic(char *pBuffer, short *iBufferLen);
/* 1.3 預防保健掛號作業: preventive care records, 126 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetRegisterPrevent(char *pBuffer, short *iBufferLen);
/* 1.4 孕婦產前檢查掛號作業: prenatal check records, 209 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetRegisterPregnant(char *pBuffer, short *iBufferLen);
/* 1.5 讀取就醫資料不需 HPC 卡的部分: critical illness dates and visits, 498 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetTreatmentNoNeedHPC(char *pBuffer, short *iBufferLen);
/* 1.6 讀取就醫累計資料: cumulative data, 134 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetCumulativeData(char *pBuffer, short *iBufferLen);
/* 1.7 讀取醫療費用總累計: fee totals, 20 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetCumulativeFee(char *pBuffer, short *iBufferLen);
/* 1.8 讀取就醫資料需要 HPC 卡的部份: 372 bytes; 540 when pBuffer starts with [XXXXXXX] (ICD-10 format). */
CSHIS_EXPORT int CSHIS_API hisGetTreatmentNeedHPC(char *pBuffer, short *iBufferLen);
/* 1.9 取得就醫序號: takes a visit number, 167 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetSeqNumber(char *cTreatItem, char *cBabyTreat, char *pBuffer, short *iBufferLen);
/* 1.10 讀取處方箋作業: outpatient 3660, long-term 1320, important orders 360, allergic drugs 120 bytes. */
CSHIS_EXPORT int CSHIS_API hisReadPrescription(char *pOutpatientPrescription, short *iBufferLenOutpatient,
        char *pLongTermPrescription, short *iBufferLenLongTerm, char *pImportantTreatmentCode,
        short *iBufferLenImportant, char *pIrritationDrug, short *iBufferLenIrritation);
/* 1.11 讀取預防接種資料: inoculation records, 1400 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetInoculateData(char *pBuffer, short *iBufferLen);
/* 1.12 讀取同意器官捐贈及安寧緩和醫療註記: 1 byte. */
CSHIS_EXPORT int CSHIS_API hisGetOrganDonate(char *pBuffer, short *iBufferLen);
/* 1.13 讀取緊急聯絡電話資料: 14 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetEmergentTel(char *pBuffer, short *iBufferLen);
/* 1.14 讀取最近一次就醫序號: 7 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetLastSeqNum(char *pBuffer, short *iBufferLen);
/* 1.15 讀取卡片狀態: CardType 1 SAM, 2 HC, 3 HPC; returns the status value 0-9 (or an error code). */
CSHIS_EXPORT int CSHIS_API hisGetCardStatus(int CardType);
/* 1.16 就醫診療資料寫入作業: diagnoses of a visit; pBufferDocID (11 bytes) receives the HPC's ID. */
CSHIS_EXPORT int CSHIS_API hisWriteTreatmentCode(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite, char *pBufferDocID);
/* 1.17 就醫費用資料寫入作業: fees of a visit (38 characters). */
CSHIS_EXPORT int CSHIS_API hisWriteTreatmentFee(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite);
/* 1.18 處方箋寫入作業: one prescription (61 characters). */
CSHIS_EXPORT int CSHIS_API hisWritePrescription(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite);
/* 1.19 新生兒註記寫入作業: newborn's birth date and 胞胎註記. */
CSHIS_EXPORT int CSHIS_API hisWriteNewBorn(char *pPatientID, char *pPatientBirthDate, char *pNewBornDate,
        char *pNoOfDelivered);
/* 1.20 過敏藥物寫入作業: three allergic drugs (120 bytes); pBufferDocID (11 bytes) receives the HPC's ID. */
CSHIS_EXPORT int CSHIS_API hisWriteAllergicMedicines(char *pPatientID, char *pPatientBirthDate, char *pDataWrite,
        char *pBufferDocID);
/* 1.21 同意器官捐贈及安寧緩和醫療註記寫入作業. */
CSHIS_EXPORT int CSHIS_API hisWriteOrganDonate(char *pPatientID, char *pPatientBirthDate, char *pOrganDonate);
/* 1.22 預防保健資料寫入作業: service item and check item code. */
CSHIS_EXPORT int CSHIS_API hisWriteHealthInsurance(char *pPatientID, char *pPatientBirthDate, char *pServiceItem,
        char *pServiceItemCode);
/* 1.23 緊急聯絡電話資料寫入作業. */
CSHIS_EXPORT int CSHIS_API hisWriteEmergentTel(char *pPatientID, char *pPatientBirthDate, char *pEmergentTel);
/* 1.24 寫入產前檢查資料 (women only). */
CSHIS_EXPORT int CSHIS_API hisWritePredeliveryCheckup(char *pPatientID, char *pPatientBirthDate,
        char *pCheckupCode);
/* 1.25 清除產前檢查資料: clears all 11 prenatal check records. */
CSHIS_EXPORT int CSHIS_API hisDeletePredeliveryData(char *pPatientID, char *pPatientBirthDate);
/* 1.26 預防接種資料寫入作業: vaccine and lot number. */
CSHIS_EXPORT int CSHIS_API hisWriteInoculateData(char *pPatientID, char *pPatientBirthDate, char *pItem,
        char *pPackageNumber);
/* 1.27 驗證健保 IC 卡之 PIN 值: asks the card holder's PIN. */
CSHIS_EXPORT int CSHIS_API csVerifyHCPIN(void);
/* 1.28 輸入新的健保 IC 卡 PIN 值: asks the new PIN (to change one, call 1.27 first). */
CSHIS_EXPORT int CSHIS_API csInputHCPIN(void);
/* 1.29 停用健保 IC 卡之 PIN 碼輸入功能 (after 1.27). */
CSHIS_EXPORT int CSHIS_API csDisableHCPIN(void);
/* 1.30 健保 IC 卡卡片內容更新作業: updates the card from the IDC, then resets it. */
CSHIS_EXPORT int CSHIS_API csUpdateHCContents(void);
/* 1.31 開啟讀卡機連結埠: Comport 0 = COMX1, 1 = COMX2, ...; call it first and check for 0. */
CSHIS_EXPORT int CSHIS_API csOpenCom(int Comport);
/* 1.32 關閉讀卡機連結埠. */
CSHIS_EXPORT int CSHIS_API csCloseCom(void);
/* 1.33 讀取重大傷病註記資料: 114 bytes; 138 when pBuffer starts with [XXXXXXX] (ICD-10 format). */
CSHIS_EXPORT int CSHIS_API hisGetCriticalIllness(char *pBuffer, short *iBufferLen);
/* 1.34 讀取讀卡機日期時間: ROC YYYMMDDHHMMSS, 13 bytes. */
CSHIS_EXPORT int CSHIS_API csGetDateTime(char *pBuffer, short *iBufferLen);
/* 1.35 讀取卡片號碼: CardType 1 SAM, 2 HC, 3 HPC; 12 bytes. */
CSHIS_EXPORT int CSHIS_API csGetCardNo(int CardType, char *pBuffer, short *iBufferLen);
/* 1.36 檢查健保 IC 卡是否設定密碼: returns 1 when a PIN is set, 0 when not (or an error code). */
CSHIS_EXPORT int CSHIS_API csISSetPIN(void);
/* 1.37 取得就醫序號新版: takes a visit number, 296 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetSeqNumber256(char *cTreatItem, char *cBabyTreat, char *cTreatAfterCheck,
        char *pBuffer, short *iBufferLen);
/* 1.38 掛號或報到時讀取基本資料 (never asks a PIN): 9 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetRegisterBasic2(char *pBuffer, short *iBufferLen);
/* 1.39 回復就醫資料累計值 (退掛): undoes the visit of pUnTreatDate. */
CSHIS_EXPORT int CSHIS_API csUnGetSeqNumber(char *pUnTreatDate);
/* 1.40 健保 IC 卡卡片內容更新作業 without reset (re-insert the card). */
CSHIS_EXPORT int CSHIS_API csUpdateHCNoReset(void);
/* 1.41 讀取就醫資料-門診處方箋: records iStartPos..iEndPos (1-60), 61 bytes each; *iRecCount: how many. */
CSHIS_EXPORT int CSHIS_API hisReadPrescriptMain(char *pOutpatientPrescription, short *iBufferLenOutpatient,
        int iStartPos, int iEndPos, short *iRecCount);
/* 1.42 讀取就醫資料-長期處方箋: records iStartPos..iEndPos (1-30) of 44 bytes. */
CSHIS_EXPORT int CSHIS_API hisReadPrescriptLongTerm(char *pLongTermPrescription, short *iBufferLenLongTerm,
        int iStartPos, int iEndPos, short *iRecCount);
/* 1.43 讀取就醫資料-重要醫令: records iStartPos..iEndPos (1-10) of 36 bytes. */
CSHIS_EXPORT int CSHIS_API hisReadPrescriptHVE(char *pImportantTreatmentCode, short *iBufferLenImportant,
        int iStartPos, int iEndPos, short *iRecCount);
/* 1.44 讀取就醫資料-過敏藥物: records iStartPos..iEndPos (1-3) of 40 bytes. */
CSHIS_EXPORT int CSHIS_API hisReadPrescriptAllergic(char *pIrritationDrug, short *iBufferLenIrritation,
        int iStartPos, int iEndPos, short *iRecCount);
/* 1.45 多筆處方箋寫入作業: *iWriteCount (1-60) prescriptions of 61 characters; it gets the number written. */
CSHIS_EXPORT int CSHIS_API hisWriteMultiPrescript(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite, short *iWriteCount);
/* 1.46 過敏藥物寫入指定欄位作業: one allergic drug (40 bytes) into slot iNum (1-3). */
CSHIS_EXPORT int CSHIS_API hisWriteAllergicNum(char *pPatientID, char *pPatientBirthDate, char *pDataWrite,
        char *pBufferDocID, int iNum);
/* 1.47 就醫診療資料及費用寫入作業: 1.16 and 1.17 in one write. */
CSHIS_EXPORT int CSHIS_API hisWriteTreatmentData(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite, char *pBufferDocID);
/* 1.48 處方箋寫入作業-回傳簽章: one prescription; pBuffer gets its 40-byte signature. */
CSHIS_EXPORT int CSHIS_API hisWritePrescriptionSign(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite, char *pBuffer, short *iBufferLen);
/* 1.49 多筆處方箋寫入作業-回傳簽章: like 1.45; pBuffer gets 40 bytes of signature per prescription. */
CSHIS_EXPORT int CSHIS_API hisWriteMultiPrescriptSign(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite, short *iWriteCount, char *pBuffer, short *iBufferLen);
/* 1.50 讀取重大傷病註記資料身分比對: 1.33 for the given person (ICD-10 marker as in 1.33). */
CSHIS_EXPORT int CSHIS_API hisGetCriticalIllnessID(char *pPatientID, char *pPatientBirthDate, char *pBuffer,
        short *iBufferLen);
/* 1.51 取得控制軟體版本: returns the version code (5.1.5.8 = 5158); pPath (260 bytes) gets the location. */
CSHIS_EXPORT int CSHIS_API csGetVersionEx(char *pPath);
/* 1.52 重置讀卡機或卡片: Type 0 reader, 1 SAM, 2 HPC, 3 HC. */
CSHIS_EXPORT int CSHIS_API csSoftwareReset(int Type);
/* 1.53 取得就醫序號及就醫識別碼: 1.37 plus the 20-byte treatment ID, 316 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetSeqNumber256N1(char *cTreatItem, char *cBabyTreat, char *cTreatAfterCheck,
        char *pBuffer, short *iBufferLen);
/* 1.54 無卡取得就醫識別碼: treatment ID without a card, 43 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetTreatNumNoICCard(char *pPatientID, char *pHospID, char *pBuffer,
        short *iBufferLen);
/* 1.55 即時查保: insurance check of the inserted card. */
CSHIS_EXPORT int CSHIS_API hisQuickInsurence(void);
/* 1.56 以就診日期時間取得就醫識別碼: the treatment ID of the visit of pDateTime, 20 bytes. */
CSHIS_EXPORT int CSHIS_API hisGetTreatNumICCard(char *pDateTime, char *pBuffer, short *iBufferLen);

/* ---- 2. 安全模組 (SAM) ------------------------------------------------------------------------------------- */

/* 2.1 SAM 與 DC 認證: authenticates the SAM with the IDC. */
CSHIS_EXPORT int CSHIS_API csVerifySAMDC(void);
/* 2.2 讀取 SAM 院所代碼: 10 bytes. */
CSHIS_EXPORT int CSHIS_API csGetHospID(char *pBuffer, short *iBufferLen);
/* 2.3 讀取 SAM 院所名稱: up to 40 bytes (Big5). */
CSHIS_EXPORT int CSHIS_API csGetHospName(char *pBuffer, short *iBufferLen);
/* 2.4 讀取 SAM 院所簡稱: up to 20 bytes (Big5). */
CSHIS_EXPORT int CSHIS_API csGetHospAbbName(char *pBuffer, short *iBufferLen);

/* ---- 3. 資料上傳 (upload) ---------------------------------------------------------------------------------- */

/* 3.1 資料上傳: pFileSize and pNumber in/out (the IDC's counts); reply 50 bytes. */
CSHIS_EXPORT int CSHIS_API csUploadData(char *pUploadFileName, char *pFileSize, char *pNumber, char *pBuffer,
        short *iBufferLen);
/* 3.2 資料上傳 with 處方筆數: reply 180 bytes, 51-180 the server random for 3.3. */
CSHIS_EXPORT int CSHIS_API csUploadDataPrec(char *pUploadFileName, char *pFileSize, char *pNumber,
        char *pPrecNumber, char *pBuffer, short *iBufferLen);
/* 3.3 檢核錯誤報表資料自動下載: pDownloadFileName (260 bytes) gets the saved report's full path. */
CSHIS_EXPORT int CSHIS_API csDownloadData(char *pSAMID, char *pHospID, char *pNumber, char *pSendDate,
        char *pRecvDate, char *pServerRandom, char *pDownloadFileName);

/* ---- 4. 醫事人員卡 (HPC) ---------------------------------------------------------------------------------- */

/* 4.1 取得醫事人員卡狀態: Req 1; *Status gets 1 when an HPC is inserted, 0 when not. */
CSHIS_EXPORT int CSHIS_API hpcGetHPCStatus(int Req, short *Status);
/* 4.2 檢查醫事人員卡之 PIN 值: asks the HPC's PIN. */
CSHIS_EXPORT int CSHIS_API hpcVerifyHPCPIN(void);
/* 4.3 輸入新的醫事人員卡之 PIN 值: asks the current and the new PIN. */
CSHIS_EXPORT int CSHIS_API hpcInputHPCPIN(void);
/* 4.4 解開鎖住的醫事人員卡: asks the unblocking code and a new PIN. */
CSHIS_EXPORT int CSHIS_API hpcUnlockHPC(void);
/* 4.5 取得醫事人員卡序號: 12 bytes. */
CSHIS_EXPORT int CSHIS_API hpcGetHPCSN(char *SN, short *Len_SN);
/* 4.6 取得醫事人員卡身分證字號: 10 bytes. */
CSHIS_EXPORT int CSHIS_API hpcGetHPCSSN(char *SSN, short *Len_SSN);
/* 4.7 取得醫事人員卡中文姓名: up to 20 bytes (Big5). */
CSHIS_EXPORT int CSHIS_API hpcGetHPCCNAME(char *CNAME, short *Len_CNAME);
/* 4.8 取得醫事人員卡英文姓名: up to 20 bytes. */
CSHIS_EXPORT int CSHIS_API hpcGetHPCENAME(char *ENAME, short *Len_ENAME);

/* ---- 5. 其他 (ICD-10-CM packing) -------------------------------------------------------------------------- */

/* 5.1 進行疾病診斷碼押碼: an ICD-10-CM code of the packing range into OUT (5 characters and a NUL). */
CSHIS_EXPORT int CSHIS_API hisGetICD10EnC(char *IN, char *OUT);
/* 5.2 進行疾病診斷碼解押碼: a packed code into OUT (up to 7 characters and a NUL, 8 bytes). */
CSHIS_EXPORT int CSHIS_API hisGetICD10DeC(char *IN, char *OUT);

#ifdef __cplusplus
}
#endif

#endif
