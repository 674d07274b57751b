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
}
