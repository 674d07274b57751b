/*
 * exports.c: the functions of cshis.dll 5.1.x (73: manual 5.1.3 plus 1.53-1.56) and, compiled with
 * -DNHI_SET_V3, of cshis30.dll 3.5.x (the 3.3 manual's set plus 1.53/1.54 and 2.3/2.4: the same functions but
 * 1.55, 1.56, 3.2 and 3.3), each forwarded to the running platform's POST /v5/<function> (or /v3/<function>,
 * docs/api-v3.md) through the core (nhi.h). The two sets share their names, parameters and sizes, hence one
 * source; functions /v3 does not offer yet are forwarded all the same (9005 today, served once the facade has
 * them, with no new library).
 *
 * Every function only describes its call: its inputs under the facade's JSON names, read no further than the
 * manual's sizes; where each answer item goes in the caller's memory, capped at the facade's documented sizes.
 * The standard out buffer travels as "pBuffer" with the caller's length as "iBufferLen", whatever the C
 * parameter's name. The PIN functions (1.27, 1.28, 4.2-4.4) name the PINs they take (nhi_pin); any function
 * asks a PIN of the person only when the platform answers that the card needs it, as the official DLL pops its
 * dialog then (nhi.h).
 */
#include "nhi.h"

#ifdef NHI_SET_V3
#define NHI_SET NHI_V3
#define CSHIS30_EXPORT NHI_EXPORT
#include "cshis30.h"
#else
#define NHI_SET NHI_V5
#define CSHIS_EXPORT NHI_EXPORT
#include "cshis.h"
#endif

/* Input sizes (characters, without the NUL). */
enum {
    DATE_TIME = 13,     /* 就診日期時間 ROC YYYMMDDHHMMSS */
    PATIENT_ID = 10,    /* 身分證號 */
    BIRTH_DATE = 7,     /* 出生日期 ROC YYYMMDD */
    HOSP_ID = 10,       /* 醫事機構代碼 */
    PRESCRIPTION = 61,  /* one 門診處方箋 */
    MAX_WRITES = 60,    /* prescriptions per 1.45/1.49 call */
    SIGNATURE = 40,     /* one 1.48/1.49 signature */
    COUNT_TEXT = 20,    /* pFileSize, pNumber, pPrecNumber: decimal digits */
    PATH = 260          /* a Windows path (MAX_PATH) */
};

/* The prescriptions a 1.45/1.49 call writes: the caller's *iWriteCount (low 16 bits), 1 to 60. */
static int write_count(const short *iWriteCount) {
    int n = iWriteCount ? *iWriteCount : 1;
    return n < 1 ? 1 : n > MAX_WRITES ? MAX_WRITES : n;
}

/* The bytes an in/out C string owns: its characters (at most max) and the NUL after them. */
static int cstring_room(const char *s, int max) {
    int n = 0;
    if (!s) {
        return 0;
    }
    while (n < max && s[n]) {
        n++;
    }
    return n < max ? n + 1 : max;
}

/* The patient whose card is written: pPatientID and pPatientBirthDate. */
static void patient(nhi_call *c, const char *pPatientID, const char *pPatientBirthDate) {
    nhi_text(c, "pPatientID", pPatientID, PATIENT_ID, 1);
    nhi_text(c, "pPatientBirthDate", pPatientBirthDate, BIRTH_DATE, 1);
}

/* A visit's write: pDateTime, the patient and pDataWrite of up to max characters. */
static void visit_write(nhi_call *c, const char *pDateTime, const char *pPatientID, const char *pPatientBirthDate,
                        const char *pDataWrite, int max) {
    nhi_text(c, "pDateTime", pDateTime, DATE_TIME, 1);
    patient(c, pPatientID, pPatientBirthDate);
    nhi_text(c, "pDataWrite", pDataWrite, max, 1);
}

/* A 取號's inputs (1.9, 1.37, 1.53); cTreatAfterCheck NULL for 1.9. Both marks are optional (facade defaults). */
static void take_number(nhi_call *c, const char *cTreatItem, const char *cBabyTreat, const char *cTreatAfterCheck) {
    nhi_text(c, "cTreatItem", cTreatItem, 2, 1);
    nhi_text(c, "cBabyTreat", cBabyTreat, 1, 0);
    nhi_text(c, "cTreatAfterCheck", cTreatAfterCheck, 1, 0);
}

/* 1.41-1.44: the record range asked for and the count of records returned. */
static void record_range(nhi_call *c, int iStartPos, int iEndPos, short *iRecCount) {
    nhi_int(c, "iStartPos", iStartPos);
    nhi_int(c, "iEndPos", iEndPos);
    nhi_out_short(c, "iRecCount", iRecCount);
}

/* ---- 1. 健保 IC 卡 --------------------------------------------------------------------------------------- */

/* 1.1 */
NHI_EXPORT int NHI_API hisGetBasicData(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetBasicData");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 72);
    return nhi_finish(&c);
}

/* 1.2 */
NHI_EXPORT int NHI_API hisGetRegisterBasic(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetRegisterBasic");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 78);
    return nhi_finish(&c);
}

/* 1.3 */
NHI_EXPORT int NHI_API hisGetRegisterPrevent(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetRegisterPrevent");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 126);
    return nhi_finish(&c);
}

/* 1.4 */
NHI_EXPORT int NHI_API hisGetRegisterPregnant(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetRegisterPregnant");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 209);
    return nhi_finish(&c);
}

/* 1.5 */
NHI_EXPORT int NHI_API hisGetTreatmentNoNeedHPC(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetTreatmentNoNeedHPC");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 498);
    return nhi_finish(&c);
}

/* 1.6 */
NHI_EXPORT int NHI_API hisGetCumulativeData(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetCumulativeData");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 134);
    return nhi_finish(&c);
}

/* 1.7 */
NHI_EXPORT int NHI_API hisGetCumulativeFee(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetCumulativeFee");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 20);
    return nhi_finish(&c);
}

/* 1.8: 372 bytes, 540 in ICD-10 mode. */
NHI_EXPORT int NHI_API hisGetTreatmentNeedHPC(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetTreatmentNeedHPC");
    nhi_icd10_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 540);
    return nhi_finish(&c);
}

/* 1.9 */
NHI_EXPORT int NHI_API hisGetSeqNumber(char *cTreatItem, char *cBabyTreat, char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetSeqNumber");
    take_number(&c, cTreatItem, cBabyTreat, NULL);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 167);
    return nhi_finish(&c);
}

/* 1.10: four buffers, each with its own length. */
NHI_EXPORT int NHI_API hisReadPrescription(char *pOutpatientPrescription, short *iBufferLenOutpatient,
        char *pLongTermPrescription, short *iBufferLenLongTerm, char *pImportantTreatmentCode,
        short *iBufferLenImportant, char *pIrritationDrug, short *iBufferLenIrritation) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisReadPrescription");
    nhi_buffer(&c, "pOutpatientPrescription", "iBufferLenOutpatient", pOutpatientPrescription,
               iBufferLenOutpatient, 3660);
    nhi_buffer(&c, "pLongTermPrescription", "iBufferLenLongTerm", pLongTermPrescription, iBufferLenLongTerm,
               1320);
    nhi_buffer(&c, "pImportantTreatmentCode", "iBufferLenImportant", pImportantTreatmentCode, iBufferLenImportant,
               360);
    nhi_buffer(&c, "pIrritationDrug", "iBufferLenIrritation", pIrritationDrug, iBufferLenIrritation, 120);
    return nhi_finish(&c);
}

/* 1.11 */
NHI_EXPORT int NHI_API hisGetInoculateData(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetInoculateData");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 1400);
    return nhi_finish(&c);
}

/* 1.12 */
NHI_EXPORT int NHI_API hisGetOrganDonate(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetOrganDonate");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 1);
    return nhi_finish(&c);
}

/* 1.13 */
NHI_EXPORT int NHI_API hisGetEmergentTel(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetEmergentTel");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 14);
    return nhi_finish(&c);
}

/* 1.14 */
NHI_EXPORT int NHI_API hisGetLastSeqNum(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetLastSeqNum");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 7);
    return nhi_finish(&c);
}

/* 1.15: the status value comes back as the return value. */
NHI_EXPORT int NHI_API hisGetCardStatus(int CardType) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetCardStatus");
    nhi_int(&c, "CardType", CardType);
    return nhi_finish(&c);
}

/* 1.16: pDataWrite 31 characters, 55 in ICD-10 format. */
NHI_EXPORT int NHI_API hisWriteTreatmentCode(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite, char *pBufferDocID) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWriteTreatmentCode");
    visit_write(&c, pDateTime, pPatientID, pPatientBirthDate, pDataWrite, 55);
    nhi_out_cstring(&c, "pBufferDocID", pBufferDocID, 11);
    return nhi_finish(&c);
}

/* 1.17 */
NHI_EXPORT int NHI_API hisWriteTreatmentFee(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWriteTreatmentFee");
    visit_write(&c, pDateTime, pPatientID, pPatientBirthDate, pDataWrite, 38);
    return nhi_finish(&c);
}

/* 1.18 */
NHI_EXPORT int NHI_API hisWritePrescription(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
        char *pDataWrite) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWritePrescription");
    visit_write(&c, pDateTime, pPatientID, pPatientBirthDate, pDataWrite, PRESCRIPTION);
    return nhi_finish(&c);
}

/* 1.19 */
NHI_EXPORT int NHI_API hisWriteNewBorn(char *pPatientID, char *pPatientBirthDate, char *pNewBornDate,
        char *pNoOfDelivered) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWriteNewBorn");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pNewBornDate", pNewBornDate, BIRTH_DATE, 1);
    nhi_text(&c, "pNoOfDelivered", pNoOfDelivered, 1, 1);
    return nhi_finish(&c);
}

/* 1.20 */
NHI_EXPORT int NHI_API hisWriteAllergicMedicines(char *pPatientID, char *pPatientBirthDate, char *pDataWrite,
        char *pBufferDocID) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWriteAllergicMedicines");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pDataWrite", pDataWrite, 120, 1);
    nhi_out_cstring(&c, "pBufferDocID", pBufferDocID, 11);
    return nhi_finish(&c);
}

/* 1.21 */
NHI_EXPORT int NHI_API hisWriteOrganDonate(char *pPatientID, char *pPatientBirthDate, char *pOrganDonate) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWriteOrganDonate");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pOrganDonate", pOrganDonate, 1, 1);
    return nhi_finish(&c);
}

/* 1.22 */
NHI_EXPORT int NHI_API hisWriteHealthInsurance(char *pPatientID, char *pPatientBirthDate, char *pServiceItem,
        char *pServiceItemCode) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWriteHealthInsurance");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pServiceItem", pServiceItem, 2, 1);
    nhi_text(&c, "pServiceItemCode", pServiceItemCode, 2, 1);
    return nhi_finish(&c);
}

/* 1.23 */
NHI_EXPORT int NHI_API hisWriteEmergentTel(char *pPatientID, char *pPatientBirthDate, char *pEmergentTel) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWriteEmergentTel");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pEmergentTel", pEmergentTel, 14, 1);
    return nhi_finish(&c);
}

/* 1.24 */
NHI_EXPORT int NHI_API hisWritePredeliveryCheckup(char *pPatientID, char *pPatientBirthDate,
        char *pCheckupCode) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWritePredeliveryCheckup");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pCheckupCode", pCheckupCode, 2, 1);
    return nhi_finish(&c);
}

/* 1.25 */
NHI_EXPORT int NHI_API hisDeletePredeliveryData(char *pPatientID, char *pPatientBirthDate) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisDeletePredeliveryData");
    patient(&c, pPatientID, pPatientBirthDate);
    return nhi_finish(&c);
}

/* 1.26 */
NHI_EXPORT int NHI_API hisWriteInoculateData(char *pPatientID, char *pPatientBirthDate, char *pItem,
        char *pPackageNumber) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisWriteInoculateData");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pItem", pItem, 6, 1);
    nhi_text(&c, "pPackageNumber", pPackageNumber, 12, 1);
    return nhi_finish(&c);
}

/* 1.27 */
NHI_EXPORT int NHI_API csVerifyHCPIN(void) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csVerifyHCPIN");
    nhi_pin(&c, "pin", NHI_PIN_HC);
    return nhi_finish(&c);
}

/* 1.28: the new PIN, asked twice; a card that has a PIN also wants the current one (asked when it does). */
NHI_EXPORT int NHI_API csInputHCPIN(void) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csInputHCPIN");
    nhi_pin(&c, "newPin", NHI_PIN_HC_NEW);
    return nhi_finish(&c);
}

/* 1.29: no PIN of its own; the card's PIN was verified by 1.27. */
NHI_EXPORT int NHI_API csDisableHCPIN(void) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csDisableHCPIN");
    return nhi_finish(&c);
}

/* 1.30 */
NHI_EXPORT int NHI_API csUpdateHCContents(void) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csUpdateHCContents");
    return nhi_finish(&c);
}

/* 1.31 */
NHI_EXPORT int NHI_API csOpenCom(int Comport) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csOpenCom");
    nhi_int(&c, "Comport", Comport);
    return nhi_finish(&c);
}

/* 1.32 */
NHI_EXPORT int NHI_API csCloseCom(void) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csCloseCom");
    return nhi_finish(&c);
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
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csGetDateTime");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 13);
    return nhi_finish(&c);
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
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csISSetPIN");
    return nhi_finish(&c);
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
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetRegisterBasic2");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 9);
    return nhi_finish(&c);
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
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csUpdateHCNoReset");
    return nhi_finish(&c);
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
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisQuickInsurence");
    return nhi_finish(&c);
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

/* ---- 2. 安全模組 ----------------------------------------------------------------------------------------- */

/* 2.1 */
NHI_EXPORT int NHI_API csVerifySAMDC(void) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csVerifySAMDC");
    return nhi_finish(&c);
}

/* 2.2 */
NHI_EXPORT int NHI_API csGetHospID(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csGetHospID");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 10);
    return nhi_finish(&c);
}

/* 2.3: 40 bytes as the facade documents it (the manual prints 24). */
NHI_EXPORT int NHI_API csGetHospName(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csGetHospName");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 40);
    return nhi_finish(&c);
}

/* 2.4: 20 bytes as the facade documents it (the manual prints 128). */
NHI_EXPORT int NHI_API csGetHospAbbName(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csGetHospAbbName");
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 20);
    return nhi_finish(&c);
}

/* ---- 3. 資料上傳 ----------------------------------------------------------------------------------------- */

/* 3.1: pFileSize and pNumber come back as the IDC received them, never longer than the caller's strings. */
NHI_EXPORT int NHI_API csUploadData(char *pUploadFileName, char *pFileSize, char *pNumber, char *pBuffer,
        short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csUploadData");
    nhi_text(&c, "pUploadFileName", pUploadFileName, PATH, 1);
    nhi_text(&c, "pFileSize", pFileSize, COUNT_TEXT, 1);
    nhi_text(&c, "pNumber", pNumber, COUNT_TEXT, 1);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 50);
    nhi_out_cstring(&c, "pFileSize", pFileSize, cstring_room(pFileSize, COUNT_TEXT));
    nhi_out_cstring(&c, "pNumber", pNumber, cstring_room(pNumber, COUNT_TEXT));
    return nhi_finish(&c);
}

#ifndef NHI_SET_V3 /* 3.2 and 3.3 came with 5.1.2 */
/* 3.2: as 3.1, with the prescription count. */
NHI_EXPORT int NHI_API csUploadDataPrec(char *pUploadFileName, char *pFileSize, char *pNumber,
        char *pPrecNumber, char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csUploadDataPrec");
    nhi_text(&c, "pUploadFileName", pUploadFileName, PATH, 1);
    nhi_text(&c, "pFileSize", pFileSize, COUNT_TEXT, 1);
    nhi_text(&c, "pNumber", pNumber, COUNT_TEXT, 1);
    nhi_text(&c, "pPrecNumber", pPrecNumber, COUNT_TEXT, 1);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 180);
    nhi_out_cstring(&c, "pFileSize", pFileSize, cstring_room(pFileSize, COUNT_TEXT));
    nhi_out_cstring(&c, "pNumber", pNumber, cstring_room(pNumber, COUNT_TEXT));
    return nhi_finish(&c);
}

/* 3.3 */
NHI_EXPORT int NHI_API csDownloadData(char *pSAMID, char *pHospID, char *pNumber, char *pSendDate,
        char *pRecvDate, char *pServerRandom, char *pDownloadFileName) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "csDownloadData");
    nhi_text(&c, "pSAMID", pSAMID, 12, 1);
    nhi_text(&c, "pHospID", pHospID, HOSP_ID, 1);
    nhi_text(&c, "pNumber", pNumber, COUNT_TEXT, 1);
    nhi_text(&c, "pSendDate", pSendDate, 14, 1);
    nhi_text(&c, "pRecvDate", pRecvDate, 14, 1);
    nhi_text(&c, "pServerRandom", pServerRandom, 130, 1);
    nhi_out_cstring(&c, "pDownloadFileName", pDownloadFileName, PATH);
    return nhi_finish(&c);
}
#endif

/* ---- 4. 醫事人員卡 --------------------------------------------------------------------------------------- */

/* 4.1 */
NHI_EXPORT int NHI_API hpcGetHPCStatus(int Req, short *Status) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hpcGetHPCStatus");
    nhi_int(&c, "Req", Req);
    nhi_out_short(&c, "Status", Status);
    return nhi_finish(&c);
}

/* 4.2 */
NHI_EXPORT int NHI_API hpcVerifyHPCPIN(void) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hpcVerifyHPCPIN");
    nhi_pin(&c, "pin", NHI_PIN_HPC);
    return nhi_finish(&c);
}

/* 4.3 */
NHI_EXPORT int NHI_API hpcInputHPCPIN(void) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hpcInputHPCPIN");
    nhi_pin(&c, "pin", NHI_PIN_HPC);
    nhi_pin(&c, "newPin", NHI_PIN_HPC_NEW);
    return nhi_finish(&c);
}

/* 4.4 */
NHI_EXPORT int NHI_API hpcUnlockHPC(void) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hpcUnlockHPC");
    nhi_pin(&c, "puk", NHI_PIN_HPC_PUK);
    nhi_pin(&c, "newPin", NHI_PIN_HPC_NEW);
    return nhi_finish(&c);
}

/* 4.5 */
NHI_EXPORT int NHI_API hpcGetHPCSN(char *SN, short *Len_SN) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hpcGetHPCSN");
    nhi_buffer(&c, "pBuffer", "iBufferLen", SN, Len_SN, 12);
    return nhi_finish(&c);
}

/* 4.6 */
NHI_EXPORT int NHI_API hpcGetHPCSSN(char *SSN, short *Len_SSN) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hpcGetHPCSSN");
    nhi_buffer(&c, "pBuffer", "iBufferLen", SSN, Len_SSN, 10);
    return nhi_finish(&c);
}

/* 4.7 */
NHI_EXPORT int NHI_API hpcGetHPCCNAME(char *CNAME, short *Len_CNAME) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hpcGetHPCCNAME");
    nhi_buffer(&c, "pBuffer", "iBufferLen", CNAME, Len_CNAME, 20);
    return nhi_finish(&c);
}

/* 4.8 */
NHI_EXPORT int NHI_API hpcGetHPCENAME(char *ENAME, short *Len_ENAME) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hpcGetHPCENAME");
    nhi_buffer(&c, "pBuffer", "iBufferLen", ENAME, Len_ENAME, 20);
    return nhi_finish(&c);
}

/* ---- 5. 其他 ---------------------------------------------------------------------------------------------- */

/* 5.1: IN up to 8 characters (7 and a dot); OUT 5 characters and a NUL. */
NHI_EXPORT int NHI_API hisGetICD10EnC(char *IN, char *OUT) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetICD10EnC");
    nhi_text(&c, "IN", IN, 8, 1);
    nhi_out_cstring(&c, "OUT", OUT, 6);
    return nhi_finish(&c);
}

/* 5.2: IN the 5 packed characters; OUT up to 7 characters and a NUL. */
NHI_EXPORT int NHI_API hisGetICD10DeC(char *IN, char *OUT) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, "hisGetICD10DeC");
    nhi_text(&c, "IN", IN, 5, 1);
    nhi_out_cstring(&c, "OUT", OUT, 8);
    return nhi_finish(&c);
}
