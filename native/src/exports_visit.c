/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The functions 1.31-1.56: port, status, taking a visit and undoing it, record ranges, signed writes, treatment
 * ids (exports.h says how the exports are made).
 */
#include "exports.h"

/* 1.31 */
NHI_EXPORT int NHI_API csOpenCom(int Comport) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csOpenCom");
    nhi_int(&c, "Comport", Comport);
    return nhi_finish(&c);
}

/* 1.32 */
NHI_EXPORT int NHI_API csCloseCom(void) {
    return no_parameters("csCloseCom");
}

/* 1.33: 114 bytes, 138 in ICD-10 mode. */
NHI_EXPORT int NHI_API hisGetCriticalIllness(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetCriticalIllness");
    nhi_icd10_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 138);
    return nhi_finish(&c);
}

/* 1.34 */
NHI_EXPORT int NHI_API csGetDateTime(char *pBuffer, short *iBufferLen) {
    return read_buffer("csGetDateTime", pBuffer, iBufferLen, 13);
}

/* 1.35 */
NHI_EXPORT int NHI_API csGetCardNo(int CardType, char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csGetCardNo");
    nhi_int(&c, "CardType", CardType);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 12);
    return nhi_finish(&c);
}

/* 1.36: the value (1 set, 0 not) comes back as the return value. */
NHI_EXPORT int NHI_API csISSetPIN(void) {
    return no_parameters("csISSetPIN");
}

/* 1.37 */
NHI_EXPORT int NHI_API hisGetSeqNumber256(char *cTreatItem, char *cBabyTreat, char *cTreatAfterCheck,
        char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetSeqNumber256");
    take_number(&c, cTreatItem, cBabyTreat, cTreatAfterCheck);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 296);
    return nhi_finish(&c);
}

/* 1.38 */
NHI_EXPORT int NHI_API hisGetRegisterBasic2(char *pBuffer, short *iBufferLen) {
    return read_buffer("hisGetRegisterBasic2", pBuffer, iBufferLen, 9);
}

/* 1.39 */
NHI_EXPORT int NHI_API csUnGetSeqNumber(char *pUnTreatDate) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csUnGetSeqNumber");
    nhi_text(&c, "pUnTreatDate", pUnTreatDate, DATE_TIME, 1);
    return nhi_finish(&c);
}

/* 1.40 */
NHI_EXPORT int NHI_API csUpdateHCNoReset(void) {
    return no_parameters("csUpdateHCNoReset");
}

/* 1.41 */
NHI_EXPORT int NHI_API hisReadPrescriptMain(char *pOutpatientPrescription, short *iBufferLenOutpatient,
        int iStartPos, int iEndPos, short *iRecCount) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisReadPrescriptMain");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pOutpatientPrescription, iBufferLenOutpatient, 3660);
    record_range(&c, iStartPos, iEndPos, iRecCount);
    return nhi_finish(&c);
}

/* 1.42 */
NHI_EXPORT int NHI_API hisReadPrescriptLongTerm(char *pLongTermPrescription, short *iBufferLenLongTerm,
        int iStartPos, int iEndPos, short *iRecCount) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisReadPrescriptLongTerm");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pLongTermPrescription, iBufferLenLongTerm, 1320);
    record_range(&c, iStartPos, iEndPos, iRecCount);
    return nhi_finish(&c);
}

/* 1.43 */
NHI_EXPORT int NHI_API hisReadPrescriptHVE(char *pImportantTreatmentCode, short *iBufferLenImportant,
        int iStartPos, int iEndPos, short *iRecCount) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisReadPrescriptHVE");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pImportantTreatmentCode, iBufferLenImportant, 360);
    record_range(&c, iStartPos, iEndPos, iRecCount);
    return nhi_finish(&c);
}

/* 1.44 */
NHI_EXPORT int NHI_API hisReadPrescriptAllergic(char *pIrritationDrug, short *iBufferLenIrritation,
        int iStartPos, int iEndPos, short *iRecCount) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisReadPrescriptAllergic");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pIrritationDrug, iBufferLenIrritation, 120);
    record_range(&c, iStartPos, iEndPos, iRecCount);
    return nhi_finish(&c);
}

/* 1.45: pDataWrite holds *iWriteCount prescriptions. */
NHI_EXPORT int NHI_API hisWriteMultiPrescript(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite, short *iWriteCount) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWriteMultiPrescript");
    visit_write(&c, pDateTime, pPatientID, pPatientBirthDate, pDataWrite, PRESCRIPTION * write_count(iWriteCount));
    nhi_inout_short(&c, "iWriteCount", iWriteCount);
    return nhi_finish(&c);
}

/* 1.46 */
NHI_EXPORT int NHI_API hisWriteAllergicNum(char *pPatientID, char *pPatientBirthDate, char *pDataWrite,
        char *pBufferDocID, int iNum) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWriteAllergicNum");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pDataWrite", pDataWrite, 40, 1);
    nhi_int(&c, "iNum", iNum);
    nhi_out_cstring(&c, "pBufferDocID", pBufferDocID, 11);
    return nhi_finish(&c);
}

/* 1.47: pDataWrite 69 characters, 93 in ICD-10 format. */
NHI_EXPORT int NHI_API hisWriteTreatmentData(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite, char *pBufferDocID) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWriteTreatmentData");
    visit_write(&c, pDateTime, pPatientID, pPatientBirthDate, pDataWrite, 93);
    nhi_out_cstring(&c, "pBufferDocID", pBufferDocID, 11);
    return nhi_finish(&c);
}

/* 1.48 */
NHI_EXPORT int NHI_API hisWritePrescriptionSign(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite, char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWritePrescriptionSign");
    visit_write(&c, pDateTime, pPatientID, pPatientBirthDate, pDataWrite, PRESCRIPTION);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, SIGNATURE);
    return nhi_finish(&c);
}

/* 1.49: pDataWrite holds *iWriteCount prescriptions; 40 bytes of signature each. */
NHI_EXPORT int NHI_API hisWriteMultiPrescriptSign(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite, short *iWriteCount, char *pBuffer, short *iBufferLen) {
    int n = write_count(iWriteCount);
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWriteMultiPrescriptSign");
    visit_write(&c, pDateTime, pPatientID, pPatientBirthDate, pDataWrite, PRESCRIPTION * n);
    nhi_inout_short(&c, "iWriteCount", iWriteCount);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, SIGNATURE * n);
    return nhi_finish(&c);
}

/* 1.50: 114 bytes, 138 in ICD-10 mode. */
NHI_EXPORT int NHI_API hisGetCriticalIllnessID(char *pPatientID, char *pPatientBirthDate, char *pBuffer,
        short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetCriticalIllnessID");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_icd10_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 138);
    return nhi_finish(&c);
}

/* 1.51: the version code comes back as the return value. */
NHI_EXPORT int NHI_API csGetVersionEx(char *pPath) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csGetVersionEx");
    nhi_out_library_path(&c, pPath, PATH);
    return nhi_finish(&c);
}

/* 1.52 */
NHI_EXPORT int NHI_API csSoftwareReset(int Type) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csSoftwareReset");
    nhi_int(&c, "Type", Type);
    return nhi_finish(&c);
}

/* 1.53 */
NHI_EXPORT int NHI_API hisGetSeqNumber256N1(char *cTreatItem, char *cBabyTreat, char *cTreatAfterCheck,
        char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetSeqNumber256N1");
    take_number(&c, cTreatItem, cBabyTreat, cTreatAfterCheck);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 316);
    return nhi_finish(&c);
}

/* 1.54 */
NHI_EXPORT int NHI_API hisGetTreatNumNoICCard(char *pPatientID, char *pHospID, char *pBuffer,
        short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetTreatNumNoICCard");
    nhi_text(&c, "pPatientID", pPatientID, PATIENT_ID, 1);
    nhi_text(&c, "pHospID", pHospID, HOSP_ID, 1);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 43);
    return nhi_finish(&c);
}

#ifndef NHI_SET_V3 /* 1.55 and 1.56 came with 5.1.5 */
/* 1.55 */
NHI_EXPORT int NHI_API hisQuickInsurence(void) {
    return no_parameters("hisQuickInsurence");
}

/* 1.56 */
NHI_EXPORT int NHI_API hisGetTreatNumICCard(char *pDateTime, char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetTreatNumICCard");
    nhi_text(&c, "pDateTime", pDateTime, DATE_TIME, 1);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 20);
    return nhi_finish(&c);
}
#endif
