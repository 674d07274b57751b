/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cshis30.h - the 3.5.x card reader control software API (cshis30.dll, the dedicated NHI reader with its SAM
 * card), as NHI's "API reference manual 3.3" numbers it, plus 1.53/1.54 (3.5.3.0) and 2.3/2.4.
 *
 * Signatures as NHI's official C header: __stdcall on Windows, undecorated names, int return. Length, count
 * and status cells are short * (the official VB declarations are 16-bit too); callers that pass int * still
 * work, since only the low 16 bits are read and written. CardType, iStartPos, iEndPos and iNum are int here
 * (short in the official header: the same 4-byte argument slot, so either declaration calls correctly). Output buffers get no trailing NUL; the cell tells
 * how many bytes were written. Input strings are NUL-terminated (sizes below exclude the NUL).
 * Call csOpenCom first and check that it answers 0.
 */
#ifndef OPENNHI_CSHIS30_H
#define OPENNHI_CSHIS30_H

#ifdef _WIN32
#define CSHIS30_API __stdcall
#else
#define CSHIS30_API
#endif

/* The library itself defines CSHIS30_EXPORT as its export attribute; callers leave it empty. */
#ifndef CSHIS30_EXPORT
#define CSHIS30_EXPORT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- 1. health card (HC) ------------------------------------------------------------------------------ */

/* 1.1 Basic data without the holder's PIN (72 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisGetBasicData(char *pBuffer, short *iBufferLen);
/* 1.2 Registration data for the consulting room (78 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisGetRegisterBasic(char *pBuffer, short *iBufferLen);
/* 1.3 Preventive care records for registration (126 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisGetRegisterPrevent(char *pBuffer, short *iBufferLen);
/* 1.4 Prenatal check records for registration (209 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisGetRegisterPregnant(char *pBuffer, short *iBufferLen);
/* 1.5 Visit data that needs no HPC (498 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisGetTreatmentNoNeedHPC(char *pBuffer, short *iBufferLen);
/* 1.6 Cumulative visit data (134 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisGetCumulativeData(char *pBuffer, short *iBufferLen);
/* 1.7 Cumulative medical fees (20 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisGetCumulativeFee(char *pBuffer, short *iBufferLen);
/* 1.8 Visit data that needs the HPC (372 bytes; 540 when pBuffer starts with "[XXXXXXX]", ICD-10-CM). */
CSHIS30_EXPORT int CSHIS30_API hisGetTreatmentNeedHPC(char *pBuffer, short *iBufferLen);
/* 1.9 Take a visit sequence number (167 bytes, 128 raw signature bytes). */
CSHIS30_EXPORT int CSHIS30_API hisGetSeqNumber(char *cTreatItem, char *cBabyTreat, char *pBuffer, short *iBufferLen);
/* 1.10 Read the prescriptions (3660, 1320, 360 and 120 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisReadPrescription(char *pOutpatientPrescription, short *iBufferLenOutpatient,
                                    char *pLongTermPrescription, short *iBufferLenLongTerm,
                                    char *pImportantTreatmentCode, short *iBufferLenImportant,
                                    char *pIrritationDrug, short *iBufferLenIrritation);
/* 1.11 Inoculation records (1400 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisGetInoculateData(char *pBuffer, short *iBufferLen);
/* 1.12 Organ donation / hospice care note (1 byte). */
CSHIS30_EXPORT int CSHIS30_API hisGetOrganDonate(char *pBuffer, short *iBufferLen);
/* 1.13 Emergency contact phone (14 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisGetEmergentTel(char *pBuffer, short *iBufferLen);
/* 1.14 Last visit sequence number (7 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisGetLastSeqNum(char *pBuffer, short *iBufferLen);
/* 1.15 Card status (CardType 1 SAM, 2 HC, 3 HPC): returns the status 0-9, or an error code. */
CSHIS30_EXPORT int CSHIS30_API hisGetCardStatus(int CardType);
/* 1.16 Write a visit's diagnoses (pDataWrite 31, or 55 in ICD-10-CM form); pBufferDocID: HPC id, 11 bytes. */
CSHIS30_EXPORT int CSHIS30_API hisWriteTreatmentCode(char *pDateTime, char *pPatientID, char *pPatientBirthDate, char *pDataWrite,
                                      char *pBufferDocID);
/* 1.17 Write a visit's fees (pDataWrite 38). */
CSHIS30_EXPORT int CSHIS30_API hisWriteTreatmentFee(char *pDateTime, char *pPatientID, char *pPatientBirthDate, char *pDataWrite);
/* 1.18 Write one prescription (pDataWrite 61). */
CSHIS30_EXPORT int CSHIS30_API hisWritePrescription(char *pDateTime, char *pPatientID, char *pPatientBirthDate, char *pDataWrite);
/* 1.19 Write the newborn note (pNewBornDate 7, pNoOfDelivered 1). */
CSHIS30_EXPORT int CSHIS30_API hisWriteNewBorn(char *pPatientID, char *pPatientBirthDate, char *pNewBornDate,
                                char *pNoOfDelivered);
/* 1.20 Write the allergic medicines (pDataWrite 3 x 40); needs the HPC; pBufferDocID: HPC id, 11 bytes. */
CSHIS30_EXPORT int CSHIS30_API hisWriteAllergicMedicines(char *pPatientID, char *pPatientBirthDate, char *pDataWrite,
                                          char *pBufferDocID);
/* 1.21 Write the organ donation / hospice care note (pOrganDonate 1). */
CSHIS30_EXPORT int CSHIS30_API hisWriteOrganDonate(char *pPatientID, char *pPatientBirthDate, char *pOrganDonate);
/* 1.22 Write a preventive care record (pServiceItem 2, pServiceItemCode 2). */
CSHIS30_EXPORT int CSHIS30_API hisWriteHealthInsurance(char *pPatientID, char *pPatientBirthDate, char *pServiceItem,
                                        char *pServiceItemCode);
/* 1.23 Write the emergency contact phone (pEmergentTel 14). */
CSHIS30_EXPORT int CSHIS30_API hisWriteEmergentTel(char *pPatientID, char *pPatientBirthDate, char *pEmergentTel);
/* 1.24 Write a prenatal check record (pCheckupCode 2; women only). */
CSHIS30_EXPORT int CSHIS30_API hisWritePredeliveryCheckup(char *pPatientID, char *pPatientBirthDate, char *pCheckupCode);
/* 1.25 Clear all 11 prenatal check records (women only). */
CSHIS30_EXPORT int CSHIS30_API hisDeletePredeliveryData(char *pPatientID, char *pPatientBirthDate);
/* 1.26 Write an inoculation record (pItem 6, pPackageNumber 12). */
CSHIS30_EXPORT int CSHIS30_API hisWriteInoculateData(char *pPatientID, char *pPatientBirthDate, char *pItem, char *pPackageNumber);
/* 1.27 Verify the HC holder's PIN (asked by the library). */
CSHIS30_EXPORT int CSHIS30_API csVerifyHCPIN(void);
/* 1.28 Set a new HC PIN, asked twice (to change it, 1.27 first). */
CSHIS30_EXPORT int CSHIS30_API csInputHCPIN(void);
/* 1.29 Disable the HC PIN (after 1.27). */
CSHIS30_EXPORT int CSHIS30_API csDisableHCPIN(void);
/* 1.30 Update the HC's contents from the IDC, then reset the card. */
CSHIS30_EXPORT int CSHIS30_API csUpdateHCContents(void);
/* 1.31 Open the reader's port: 0 = COM1, 1 = COM2 ...; answers 0, or -1 when it cannot. */
CSHIS30_EXPORT int CSHIS30_API csOpenCom(int Comport);
/* 1.32 Close the reader's port. */
CSHIS30_EXPORT int CSHIS30_API csCloseCom(void);
/* 1.33 Critical illness records (114 bytes; 138 when pBuffer starts with "[XXXXXXX]", ICD-10-CM). */
CSHIS30_EXPORT int CSHIS30_API hisGetCriticalIllness(char *pBuffer, short *iBufferLen);
/* 1.34 The reader's date and time, ROC YYYMMDDHHMMSS (13 bytes). */
CSHIS30_EXPORT int CSHIS30_API csGetDateTime(char *pBuffer, short *iBufferLen);
/* 1.35 A card's number (CardType 1 SAM, 2 HC, 3 HPC; 12 bytes). */
CSHIS30_EXPORT int CSHIS30_API csGetCardNo(int CardType, char *pBuffer, short *iBufferLen);
/* 1.36 Whether the HC has a PIN: returns 1 set, 0 not set, or an error code. */
CSHIS30_EXPORT int CSHIS30_API csISSetPIN(void);
/* 1.37 Take a visit sequence number, signature as 256 characters (296 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisGetSeqNumber256(char *cTreatItem, char *cBabyTreat, char *cTreatAfterCheck, char *pBuffer,
                                   short *iBufferLen);
/* 1.38 Card validity and visits left, never asks the PIN (9 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisGetRegisterBasic2(char *pBuffer, short *iBufferLen);
/* 1.39 Undo a visit (pUnTreatDate: its date and time, 13). */
CSHIS30_EXPORT int CSHIS30_API csUnGetSeqNumber(char *pUnTreatDate);
/* 1.40 Update the HC's contents from the IDC without a reset (the card must be re-inserted). */
CSHIS30_EXPORT int CSHIS30_API csUpdateHCNoReset(void);
/* 1.41 Outpatient prescriptions iStartPos..iEndPos of 1-60 (61 bytes each). */
CSHIS30_EXPORT int CSHIS30_API hisReadPrescriptMain(char *pOutpatientPrescription, short *iBufferLenOutpatient, int iStartPos,
                                     int iEndPos, short *iRecCount);
/* 1.42 Long-term prescriptions iStartPos..iEndPos of 1-30 (44 bytes each). */
CSHIS30_EXPORT int CSHIS30_API hisReadPrescriptLongTerm(char *pLongTermPrescription, short *iBufferLenLongTerm, int iStartPos,
                                         int iEndPos, short *iRecCount);
/* 1.43 Important orders iStartPos..iEndPos of 1-10 (36 bytes each). */
CSHIS30_EXPORT int CSHIS30_API hisReadPrescriptHVE(char *pImportantTreatmentCode, short *iBufferLenImportant, int iStartPos,
                                    int iEndPos, short *iRecCount);
/* 1.44 Allergic medicines iStartPos..iEndPos of 1-3 (40 bytes each). */
CSHIS30_EXPORT int CSHIS30_API hisReadPrescriptAllergic(char *pIrritationDrug, short *iBufferLenIrritation, int iStartPos,
                                         int iEndPos, short *iRecCount);
/* 1.45 Write *iWriteCount prescriptions (1-60, pDataWrite 61 each). */
CSHIS30_EXPORT int CSHIS30_API hisWriteMultiPrescript(char *pDateTime, char *pPatientID, char *pPatientBirthDate, char *pDataWrite,
                                       short *iWriteCount);
/* 1.46 Write one allergic medicine (pDataWrite 40) into slot iNum 1-3; needs the HPC; pBufferDocID 11 bytes. */
CSHIS30_EXPORT int CSHIS30_API hisWriteAllergicNum(char *pPatientID, char *pPatientBirthDate, char *pDataWrite, char *pBufferDocID,
                                    int iNum);
/* 1.47 Write a visit's diagnoses and fees (pDataWrite 69, or 93 in ICD-10-CM form); pBufferDocID 11 bytes. */
CSHIS30_EXPORT int CSHIS30_API hisWriteTreatmentData(char *pDateTime, char *pPatientID, char *pPatientBirthDate, char *pDataWrite,
                                      char *pBufferDocID);
/* 1.48 Write one prescription (pDataWrite 61), returns its signature (40 bytes). */
CSHIS30_EXPORT int CSHIS30_API hisWritePrescriptionSign(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
                                         char *pDataWrite, char *pBuffer, short *iBufferLen);
/* 1.49 Write *iWriteCount prescriptions (1-60, 61 each), returns their signatures (40 x *iWriteCount bytes). */
CSHIS30_EXPORT int CSHIS30_API hisWriteMultiPrescriptSign(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
                                           char *pDataWrite, short *iWriteCount, char *pBuffer, short *iBufferLen);
/* 1.50 Critical illness records after an identity check (114 bytes; 138 in ICD-10-CM form, as 1.33). */
CSHIS30_EXPORT int CSHIS30_API hisGetCriticalIllnessID(char *pPatientID, char *pPatientBirthDate, char *pBuffer,
                                        short *iBufferLen);
/* 1.51 Returns the version code; pPath (260 bytes): the loaded library's path, NUL-terminated. */
CSHIS30_EXPORT int CSHIS30_API csGetVersionEx(char *pPath);
/* 1.52 Reset Type 0 reader, 1 SAM, 2 HPC, 3 HC. */
CSHIS30_EXPORT int CSHIS30_API csSoftwareReset(int Type);
/* 1.53 Take a visit sequence number with the treatment id (316 bytes: 1.37's 296 + id 20). 3.5.3.0 */
CSHIS30_EXPORT int CSHIS30_API hisGetSeqNumber256N1(char *cTreatItem, char *cBabyTreat, char *cTreatAfterCheck, char *pBuffer,
                                     short *iBufferLen);
/* 1.54 Treatment id without a card (pPatientID 10, pHospID 10; 43 bytes). 3.5.3.0 */
CSHIS30_EXPORT int CSHIS30_API hisGetTreatNumNoICCard(char *pPatientID, char *pHospID, char *pBuffer, short *iBufferLen);

/* ---- 2. security module (SAM) --------------------------------------------------------------------------- */

/* 2.1 Authenticate the SAM with the IDC. */
CSHIS30_EXPORT int CSHIS30_API csVerifySAMDC(void);
/* 2.2 The SAM's hospital id (10 bytes). */
CSHIS30_EXPORT int CSHIS30_API csGetHospID(char *pBuffer, short *iBufferLen);
/* 2.3 The SAM's hospital name, Big5 (40 bytes). Not in the 3.3 manual. */
CSHIS30_EXPORT int CSHIS30_API csGetHospName(char *pBuffer, short *iBufferLen);
/* 2.4 The SAM's hospital short name, Big5 (20 bytes). Not in the 3.3 manual. */
CSHIS30_EXPORT int CSHIS30_API csGetHospAbbName(char *pBuffer, short *iBufferLen);

/* ---- 3. upload ------------------------------------------------------------------------------------------ */

/* 3.1 Upload a file to the IDC; pFileSize and pNumber in/out; reply 50 bytes. */
CSHIS30_EXPORT int CSHIS30_API csUploadData(char *pUploadFileName, char *pFileSize, char *pNumber, char *pBuffer,
                             short *iBufferLen);

/* ---- 4. health professional card (HPC) ------------------------------------------------------------------ */

/* 4.1 Req 1: *Status 1 when an HPC is inserted, 0 when not. */
CSHIS30_EXPORT int CSHIS30_API hpcGetHPCStatus(int Req, short *Status);
/* 4.2 Verify the HPC's PIN (asked by the library). */
CSHIS30_EXPORT int CSHIS30_API hpcVerifyHPCPIN(void);
/* 4.3 Set a new HPC PIN, asked twice. */
CSHIS30_EXPORT int CSHIS30_API hpcInputHPCPIN(void);
/* 4.4 Unlock an HPC blocked after three wrong PINs. */
CSHIS30_EXPORT int CSHIS30_API hpcUnlockHPC(void);
/* 4.5 The HPC's serial number (12 bytes). */
CSHIS30_EXPORT int CSHIS30_API hpcGetHPCSN(char *SN, short *Len_SN);
/* 4.6 The HPC holder's id number (10 bytes). */
CSHIS30_EXPORT int CSHIS30_API hpcGetHPCSSN(char *SSN, short *Len_SSN);
/* 4.7 The HPC holder's Chinese name, Big5 (20 bytes). */
CSHIS30_EXPORT int CSHIS30_API hpcGetHPCCNAME(char *CNAME, short *Len_CNAME);
/* 4.8 The HPC holder's English name (20 bytes). */
CSHIS30_EXPORT int CSHIS30_API hpcGetHPCENAME(char *ENAME, short *Len_ENAME);

/* ---- 5. other ------------------------------------------------------------------------------------------- */

/* 5.1 Pack an ICD-10-CM code (IN up to 8 with padding) into its 5-byte card form; OUT 6 bytes with the NUL. */
CSHIS30_EXPORT int CSHIS30_API hisGetICD10EnC(char *IN, char *OUT);
/* 5.2 Unpack a 5-byte card form (IN) into its ICD-10-CM code; OUT 8 bytes with the NUL. */
CSHIS30_EXPORT int CSHIS30_API hisGetICD10DeC(char *IN, char *OUT);

#ifdef __cplusplus
}
#endif

#endif
