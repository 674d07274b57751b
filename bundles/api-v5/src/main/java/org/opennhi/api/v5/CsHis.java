package org.opennhi.api.v5;

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
 * <p>Functions that open a PIN dialog in the official DLL take a {@link PinSource}; the no-argument forms ask
 * the platform's PIN entry (keypad or dialog) when one is installed, else answer 5109.
 */
@ProviderType
public interface CsHis {

    /** 1.1 讀取不需個人 PIN 碼資料: 72 bytes. */
    int hisGetBasicData(byte[] pBuffer, int[] iBufferLen);

    /** 1.2 掛號或報到時讀取基本資料: 78 bytes; the holder's PIN when enabled. */
    int hisGetRegisterBasic(byte[] pBuffer, int[] iBufferLen, PinSource pin);

    /** 1.2 with the platform's PIN entry. */
    int hisGetRegisterBasic(byte[] pBuffer, int[] iBufferLen);

    /** 1.9 取得就醫序號: 167 bytes. */
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

    /** 1.31 開啟讀卡機連結埠: 0 = {@code SAM/COMX1}, 1 = {@code COMX2} … */
    int csOpenCom(int comport);

    /** 1.32 關閉讀卡機連結埠. */
    int csCloseCom();

    /** 1.34 讀取讀卡機日期時間: 13 bytes ROC. */
    int csGetDateTime(byte[] pBuffer, int[] iBufferLen);

    /** 1.35 讀取卡片號碼: 12 bytes; cardType 1 SAM, 2 HC, 3 HPC. */
    int csGetCardNo(int cardType, byte[] pBuffer, int[] iBufferLen);

    /** 1.36 檢查健保 IC 卡是否設定密碼: 1 set, 0 not set, else a result code. */
    int csISSetPIN();

    /** 1.37 取得就醫序號新版: 296 bytes. */
    int hisGetSeqNumber256(String cTreatItem, String cBabyTreat, String cTreatAfterCheck, byte[] pBuffer,
            int[] iBufferLen);

    /** 1.38 掛號或報到時讀取基本資料 (never asks for the PIN): 9 bytes. */
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

    /** 1.56 以就診日期時間取得就醫識別碼: 20 bytes. */
    int hisGetTreatNumICCard(String pDateTime, byte[] pBuffer, int[] iBufferLen);

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
}
