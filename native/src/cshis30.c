/*
 * cshis30.c - the 3.5.x library (cshis30.dll, the dedicated NHI reader): every function of NHI's API manual 3.3
 * plus 1.53/1.54 (3.5.3.0) and 2.3/2.4, each forwarded to the platform's POST /v3/<function> (docs/api-v3.md).
 * Parameter names are the JSON names the /v3 endpoints read; for functions /v3 does not offer yet, the names
 * of the same 5.1.x endpoints (the facades share them). Nothing here interprets a card's data.
 */
#include "cshis30.h"
#include "nhi.h"

/* Text sizes of the manual, without the NUL. */
#define DATE_TIME_LEN 13   /* visit date-time, ROC YYYMMDDHHMMSS */
#define PATIENT_ID_LEN 10  /* the patient's id number */
#define BIRTH_LEN 7        /* birth date, ROC YYYMMDD */
#define PRESCRIPTION_LEN 61
#define MAX_WRITE_COUNT 60
#define PATH_LEN 259       /* MAX_PATH without the NUL */
#define DIGITS_LEN 20      /* csUploadData's pFileSize / pNumber */

/* A read with only the standard out buffer: item "pBuffer", its length "iBufferLen". */
static int read_buffer(const char *function, char *pBuffer, short *iBufferLen, int size) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, function);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, size);
    return nhi_finish(&c);
}

/* 1.41-1.44: a record range of one area into the standard buffer, iRecCount back. */
static int read_range(const char *function, char *buffer, short *length, short iStartPos, short iEndPos,
                      short *iRecCount, int size) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, function);
    nhi_int(&c, "iStartPos", iStartPos);
    nhi_int(&c, "iEndPos", iEndPos);
    nhi_buffer(&c, "pBuffer", "iBufferLen", buffer, length, size);
    nhi_out_short(&c, "iRecCount", iRecCount);
    return nhi_finish(&c);
}

/* A function without parameters. */
static int no_parameters(const char *function) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, function);
    return nhi_finish(&c);
}

/* The identity a write is checked against. */
static void patient(nhi_call *c, const char *pPatientID, const char *pPatientBirthDate) {
    nhi_text(c, "pPatientID", pPatientID, PATIENT_ID_LEN, 1);
    nhi_text(c, "pPatientBirthDate", pPatientBirthDate, BIRTH_LEN, 1);
}

/* A visit's date-time and identity (1.16-1.18, 1.45, 1.47-1.49). */
static void visit(nhi_call *c, const char *pDateTime, const char *pPatientID, const char *pPatientBirthDate) {
    nhi_text(c, "pDateTime", pDateTime, DATE_TIME_LEN, 1);
    patient(c, pPatientID, pPatientBirthDate);
}

/* The caller's *iWriteCount (low 16 bits), 0 to 60: how many prescriptions pDataWrite holds. */
static int write_count(const short *iWriteCount) {
    int n = iWriteCount != NULL ? *iWriteCount : 0;
    return n < 0 ? 0 : n > MAX_WRITE_COUNT ? MAX_WRITE_COUNT : n;
}

/* The bytes an in/out C string holds, its NUL included: what may be written back into it. */
static int held(const char *s, int max) {
    int n = 0;
    while (s != NULL && n < max && s[n] != '\0') {
        n++;
    }
    return n + 1;
}

/* ---- 1. health card ------------------------------------------------------------------------------------- */

/* 1.1 */
NHI_EXPORT int NHI_API hisGetBasicData(char *pBuffer, short *iBufferLen) {
    return read_buffer("hisGetBasicData", pBuffer, iBufferLen, 72);
}

/* 1.2 */
NHI_EXPORT int NHI_API hisGetRegisterBasic(char *pBuffer, short *iBufferLen) {
    return read_buffer("hisGetRegisterBasic", pBuffer, iBufferLen, 78);
}

/* 1.3 */
NHI_EXPORT int NHI_API hisGetRegisterPrevent(char *pBuffer, short *iBufferLen) {
    return read_buffer("hisGetRegisterPrevent", pBuffer, iBufferLen, 126);
}

/* 1.4 */
NHI_EXPORT int NHI_API hisGetRegisterPregnant(char *pBuffer, short *iBufferLen) {
    return read_buffer("hisGetRegisterPregnant", pBuffer, iBufferLen, 209);
}

/* 1.5 */
NHI_EXPORT int NHI_API hisGetTreatmentNoNeedHPC(char *pBuffer, short *iBufferLen) {
    return read_buffer("hisGetTreatmentNoNeedHPC", pBuffer, iBufferLen, 498);
}

/* 1.6 */
NHI_EXPORT int NHI_API hisGetCumulativeData(char *pBuffer, short *iBufferLen) {
    return read_buffer("hisGetCumulativeData", pBuffer, iBufferLen, 134);
}

/* 1.7 */
NHI_EXPORT int NHI_API hisGetCumulativeFee(char *pBuffer, short *iBufferLen) {
    return read_buffer("hisGetCumulativeFee", pBuffer, iBufferLen, 20);
}

/* 1.8: 372 bytes, 540 in ICD-10-CM form */
NHI_EXPORT int NHI_API hisGetTreatmentNeedHPC(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisGetTreatmentNeedHPC");
    nhi_icd10_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 540);
    return nhi_finish(&c);
}

/* 1.9 */
NHI_EXPORT int NHI_API hisGetSeqNumber(char *cTreatItem, char *cBabyTreat, char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisGetSeqNumber");
    nhi_text(&c, "cTreatItem", cTreatItem, 2, 1);
    nhi_text(&c, "cBabyTreat", cBabyTreat, 1, 0);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 167);
    return nhi_finish(&c);
}

/* 1.10: four buffers, each its own item and length */
NHI_EXPORT int NHI_API hisReadPrescription(char *pOutpatientPrescription, short *iBufferLenOutpatient,
                                           char *pLongTermPrescription, short *iBufferLenLongTerm,
                                           char *pImportantTreatmentCode, short *iBufferLenImportant,
                                           char *pIrritationDrug, short *iBufferLenIrritation) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisReadPrescription");
    nhi_buffer(&c, "pOutpatientPrescription", "iBufferLenOutpatient", pOutpatientPrescription,
               iBufferLenOutpatient, 3660);
    nhi_buffer(&c, "pLongTermPrescription", "iBufferLenLongTerm", pLongTermPrescription, iBufferLenLongTerm, 1320);
    nhi_buffer(&c, "pImportantTreatmentCode", "iBufferLenImportant", pImportantTreatmentCode, iBufferLenImportant,
               360);
    nhi_buffer(&c, "pIrritationDrug", "iBufferLenIrritation", pIrritationDrug, iBufferLenIrritation, 120);
    return nhi_finish(&c);
}

/* 1.11 */
NHI_EXPORT int NHI_API hisGetInoculateData(char *pBuffer, short *iBufferLen) {
    return read_buffer("hisGetInoculateData", pBuffer, iBufferLen, 1400);
}

/* 1.12 */
NHI_EXPORT int NHI_API hisGetOrganDonate(char *pBuffer, short *iBufferLen) {
    return read_buffer("hisGetOrganDonate", pBuffer, iBufferLen, 1);
}

/* 1.13 */
NHI_EXPORT int NHI_API hisGetEmergentTel(char *pBuffer, short *iBufferLen) {
    return read_buffer("hisGetEmergentTel", pBuffer, iBufferLen, 14);
}

/* 1.14 */
NHI_EXPORT int NHI_API hisGetLastSeqNum(char *pBuffer, short *iBufferLen) {
    return read_buffer("hisGetLastSeqNum", pBuffer, iBufferLen, 7);
}

/* 1.15 */
NHI_EXPORT int NHI_API hisGetCardStatus(short CardType) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisGetCardStatus");
    nhi_int(&c, "CardType", CardType);
    return nhi_finish(&c);
}

/* 1.16: pDataWrite 31, or 55 in ICD-10-CM form */
NHI_EXPORT int NHI_API hisWriteTreatmentCode(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
                                             char *pDataWrite, char *pBufferDocID) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWriteTreatmentCode");
    visit(&c, pDateTime, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pDataWrite", pDataWrite, 55, 1);
    nhi_out_cstring(&c, "pBufferDocID", pBufferDocID, 11);
    return nhi_finish(&c);
}

/* 1.17 */
NHI_EXPORT int NHI_API hisWriteTreatmentFee(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
                                            char *pDataWrite) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWriteTreatmentFee");
    visit(&c, pDateTime, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pDataWrite", pDataWrite, 38, 1);
    return nhi_finish(&c);
}

/* 1.18 */
NHI_EXPORT int NHI_API hisWritePrescription(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
                                            char *pDataWrite) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWritePrescription");
    visit(&c, pDateTime, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pDataWrite", pDataWrite, PRESCRIPTION_LEN, 1);
    return nhi_finish(&c);
}

/* 1.19 */
NHI_EXPORT int NHI_API hisWriteNewBorn(char *pPatientID, char *pPatientBirthDate, char *pNewBornDate,
                                       char *pNoOfDelivered) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWriteNewBorn");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pNewBornDate", pNewBornDate, BIRTH_LEN, 1);
    nhi_text(&c, "pNoOfDelivered", pNoOfDelivered, 1, 1);
    return nhi_finish(&c);
}

/* 1.20: pDataWrite 3 x 40 */
NHI_EXPORT int NHI_API hisWriteAllergicMedicines(char *pPatientID, char *pPatientBirthDate, char *pDataWrite,
                                                 char *pBufferDocID) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWriteAllergicMedicines");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pDataWrite", pDataWrite, 120, 1);
    nhi_out_cstring(&c, "pBufferDocID", pBufferDocID, 11);
    return nhi_finish(&c);
}

/* 1.21 */
NHI_EXPORT int NHI_API hisWriteOrganDonate(char *pPatientID, char *pPatientBirthDate, char *pOrganDonate) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWriteOrganDonate");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pOrganDonate", pOrganDonate, 1, 1);
    return nhi_finish(&c);
}

/* 1.22 */
NHI_EXPORT int NHI_API hisWriteHealthInsurance(char *pPatientID, char *pPatientBirthDate, char *pServiceItem,
                                               char *pServiceItemCode) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWriteHealthInsurance");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pServiceItem", pServiceItem, 2, 1);
    nhi_text(&c, "pServiceItemCode", pServiceItemCode, 2, 1);
    return nhi_finish(&c);
}

/* 1.23 */
NHI_EXPORT int NHI_API hisWriteEmergentTel(char *pPatientID, char *pPatientBirthDate, char *pEmergentTel) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWriteEmergentTel");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pEmergentTel", pEmergentTel, 14, 1);
    return nhi_finish(&c);
}

/* 1.24 */
NHI_EXPORT int NHI_API hisWritePredeliveryCheckup(char *pPatientID, char *pPatientBirthDate, char *pCheckupCode) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWritePredeliveryCheckup");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pCheckupCode", pCheckupCode, 2, 1);
    return nhi_finish(&c);
}

/* 1.25 */
NHI_EXPORT int NHI_API hisDeletePredeliveryData(char *pPatientID, char *pPatientBirthDate) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisDeletePredeliveryData");
    patient(&c, pPatientID, pPatientBirthDate);
    return nhi_finish(&c);
}

/* 1.26 */
NHI_EXPORT int NHI_API hisWriteInoculateData(char *pPatientID, char *pPatientBirthDate, char *pItem,
                                             char *pPackageNumber) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWriteInoculateData");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pItem", pItem, 6, 1);
    nhi_text(&c, "pPackageNumber", pPackageNumber, 12, 1);
    return nhi_finish(&c);
}

/* 1.27 */
NHI_EXPORT int NHI_API csVerifyHCPIN(void) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "csVerifyHCPIN");
    nhi_pin(&c, "pin", NHI_PIN_HC);
    return nhi_finish(&c);
}

/* 1.28 */
NHI_EXPORT int NHI_API csInputHCPIN(void) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "csInputHCPIN");
    nhi_pin(&c, "newPin", NHI_PIN_HC_NEW);
    return nhi_finish(&c);
}

/* 1.29: no PIN of its own (5105 unless 1.27 verified it) */
NHI_EXPORT int NHI_API csDisableHCPIN(void) {
    return no_parameters("csDisableHCPIN");
}

/* 1.30 */
NHI_EXPORT int NHI_API csUpdateHCContents(void) {
    return no_parameters("csUpdateHCContents");
}

/* 1.31: 0 or -1 */
NHI_EXPORT int NHI_API csOpenCom(int Comport) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "csOpenCom");
    nhi_int(&c, "Comport", Comport);
    return nhi_finish(&c);
}

/* 1.32 */
NHI_EXPORT int NHI_API csCloseCom(void) {
    return no_parameters("csCloseCom");
}

/* 1.33: 114 bytes, 138 in ICD-10-CM form */
NHI_EXPORT int NHI_API hisGetCriticalIllness(char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisGetCriticalIllness");
    nhi_icd10_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 138);
    return nhi_finish(&c);
}

/* 1.34 */
NHI_EXPORT int NHI_API csGetDateTime(char *pBuffer, short *iBufferLen) {
    return read_buffer("csGetDateTime", pBuffer, iBufferLen, 13);
}

/* 1.35 */
NHI_EXPORT int NHI_API csGetCardNo(short CardType, char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "csGetCardNo");
    nhi_int(&c, "CardType", CardType);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 12);
    return nhi_finish(&c);
}

/* 1.36 */
NHI_EXPORT int NHI_API csISSetPIN(void) {
    return no_parameters("csISSetPIN");
}

/* 1.37 */
NHI_EXPORT int NHI_API hisGetSeqNumber256(char *cTreatItem, char *cBabyTreat, char *cTreatAfterCheck, char *pBuffer,
                                          short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisGetSeqNumber256");
    nhi_text(&c, "cTreatItem", cTreatItem, 2, 1);
    nhi_text(&c, "cBabyTreat", cBabyTreat, 1, 0);
    nhi_text(&c, "cTreatAfterCheck", cTreatAfterCheck, 1, 0);
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
    nhi_begin(&c, NHI_V3, "csUnGetSeqNumber");
    nhi_text(&c, "pUnTreatDate", pUnTreatDate, DATE_TIME_LEN, 1);
    return nhi_finish(&c);
}

/* 1.40 */
NHI_EXPORT int NHI_API csUpdateHCNoReset(void) {
    return no_parameters("csUpdateHCNoReset");
}

/* 1.41: 60 x 61 */
NHI_EXPORT int NHI_API hisReadPrescriptMain(char *pOutpatientPrescription, short *iBufferLenOutpatient,
                                            short iStartPos, short iEndPos, short *iRecCount) {
    return read_range("hisReadPrescriptMain", pOutpatientPrescription, iBufferLenOutpatient, iStartPos, iEndPos,
                      iRecCount, 3660);
}

/* 1.42: 30 x 44 */
NHI_EXPORT int NHI_API hisReadPrescriptLongTerm(char *pLongTermPrescription, short *iBufferLenLongTerm,
                                                short iStartPos, short iEndPos, short *iRecCount) {
    return read_range("hisReadPrescriptLongTerm", pLongTermPrescription, iBufferLenLongTerm, iStartPos, iEndPos,
                      iRecCount, 1320);
}

/* 1.43: 10 x 36 */
NHI_EXPORT int NHI_API hisReadPrescriptHVE(char *pImportantTreatmentCode, short *iBufferLenImportant,
                                           short iStartPos, short iEndPos, short *iRecCount) {
    return read_range("hisReadPrescriptHVE", pImportantTreatmentCode, iBufferLenImportant, iStartPos, iEndPos,
                      iRecCount, 360);
}

/* 1.44: 3 x 40 */
NHI_EXPORT int NHI_API hisReadPrescriptAllergic(char *pIrritationDrug, short *iBufferLenIrritation,
                                                short iStartPos, short iEndPos, short *iRecCount) {
    return read_range("hisReadPrescriptAllergic", pIrritationDrug, iBufferLenIrritation, iStartPos, iEndPos,
                      iRecCount, 120);
}

/* 1.45: pDataWrite 61 x *iWriteCount */
NHI_EXPORT int NHI_API hisWriteMultiPrescript(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
                                              char *pDataWrite, short *iWriteCount) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWriteMultiPrescript");
    visit(&c, pDateTime, pPatientID, pPatientBirthDate);
    nhi_bytes(&c, "pDataWrite", pDataWrite, PRESCRIPTION_LEN * write_count(iWriteCount));
    nhi_inout_short(&c, "iWriteCount", iWriteCount);
    return nhi_finish(&c);
}

/* 1.46 */
NHI_EXPORT int NHI_API hisWriteAllergicNum(char *pPatientID, char *pPatientBirthDate, char *pDataWrite,
                                           char *pBufferDocID, short iNum) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWriteAllergicNum");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pDataWrite", pDataWrite, 40, 1);
    nhi_int(&c, "iNum", iNum);
    nhi_out_cstring(&c, "pBufferDocID", pBufferDocID, 11);
    return nhi_finish(&c);
}

/* 1.47: pDataWrite 69, or 93 in ICD-10-CM form */
NHI_EXPORT int NHI_API hisWriteTreatmentData(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
                                             char *pDataWrite, char *pBufferDocID) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWriteTreatmentData");
    visit(&c, pDateTime, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pDataWrite", pDataWrite, 93, 1);
    nhi_out_cstring(&c, "pBufferDocID", pBufferDocID, 11);
    return nhi_finish(&c);
}

/* 1.48 */
NHI_EXPORT int NHI_API hisWritePrescriptionSign(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
                                                char *pDataWrite, char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWritePrescriptionSign");
    visit(&c, pDateTime, pPatientID, pPatientBirthDate);
    nhi_text(&c, "pDataWrite", pDataWrite, PRESCRIPTION_LEN, 1);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 40);
    return nhi_finish(&c);
}

/* 1.49: pDataWrite 61 x *iWriteCount, signatures 40 x *iWriteCount */
NHI_EXPORT int NHI_API hisWriteMultiPrescriptSign(char *pDateTime, char *pPatientID, char *pPatientBirthDate,
                                                  char *pDataWrite, short *iWriteCount, char *pBuffer,
                                                  short *iBufferLen) {
    int n = write_count(iWriteCount);
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisWriteMultiPrescriptSign");
    visit(&c, pDateTime, pPatientID, pPatientBirthDate);
    nhi_bytes(&c, "pDataWrite", pDataWrite, PRESCRIPTION_LEN * n);
    nhi_inout_short(&c, "iWriteCount", iWriteCount);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 40 * n);
    return nhi_finish(&c);
}

/* 1.50: 114 bytes, 138 in ICD-10-CM form */
NHI_EXPORT int NHI_API hisGetCriticalIllnessID(char *pPatientID, char *pPatientBirthDate, char *pBuffer,
                                               short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisGetCriticalIllnessID");
    patient(&c, pPatientID, pPatientBirthDate);
    nhi_icd10_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 138);
    return nhi_finish(&c);
}

/* 1.51: returns the version code */
NHI_EXPORT int NHI_API csGetVersionEx(char *pPath) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "csGetVersionEx");
    nhi_out_library_path(&c, pPath, PATH_LEN + 1);
    return nhi_finish(&c);
}

/* 1.52 */
NHI_EXPORT int NHI_API csSoftwareReset(int Type) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "csSoftwareReset");
    nhi_int(&c, "Type", Type);
    return nhi_finish(&c);
}

/* 1.53 (3.5.3.0) */
NHI_EXPORT int NHI_API hisGetSeqNumber256N1(char *cTreatItem, char *cBabyTreat, char *cTreatAfterCheck,
                                            char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisGetSeqNumber256N1");
    nhi_text(&c, "cTreatItem", cTreatItem, 2, 1);
    nhi_text(&c, "cBabyTreat", cBabyTreat, 1, 0);
    nhi_text(&c, "cTreatAfterCheck", cTreatAfterCheck, 1, 0);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 316);
    return nhi_finish(&c);
}

/* 1.54 (3.5.3.0) */
NHI_EXPORT int NHI_API hisGetTreatNumNoICCard(char *pPatientID, char *pHospID, char *pBuffer, short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisGetTreatNumNoICCard");
    nhi_text(&c, "pPatientID", pPatientID, PATIENT_ID_LEN, 1);
    nhi_text(&c, "pHospID", pHospID, 10, 1);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 43);
    return nhi_finish(&c);
}

/* ---- 2. security module --------------------------------------------------------------------------------- */

/* 2.1 */
NHI_EXPORT int NHI_API csVerifySAMDC(void) {
    return no_parameters("csVerifySAMDC");
}

/* 2.2 */
NHI_EXPORT int NHI_API csGetHospID(char *pBuffer, short *iBufferLen) {
    return read_buffer("csGetHospID", pBuffer, iBufferLen, 10);
}

/* 2.3 (not in the 3.3 manual; the 5.1.x size) */
NHI_EXPORT int NHI_API csGetHospName(char *pBuffer, short *iBufferLen) {
    return read_buffer("csGetHospName", pBuffer, iBufferLen, 40);
}

/* 2.4 (not in the 3.3 manual; the 5.1.x size) */
NHI_EXPORT int NHI_API csGetHospAbbName(char *pBuffer, short *iBufferLen) {
    return read_buffer("csGetHospAbbName", pBuffer, iBufferLen, 20);
}

/* ---- 3. upload ------------------------------------------------------------------------------------------ */

/* 3.1: pFileSize and pNumber come back as the IDC received them, written within the bytes they held */
NHI_EXPORT int NHI_API csUploadData(char *pUploadFileName, char *pFileSize, char *pNumber, char *pBuffer,
                                    short *iBufferLen) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "csUploadData");
    nhi_text(&c, "pUploadFileName", pUploadFileName, PATH_LEN, 1);
    nhi_text(&c, "pFileSize", pFileSize, DIGITS_LEN, 1);
    nhi_text(&c, "pNumber", pNumber, DIGITS_LEN, 1);
    nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 50);
    nhi_out_cstring(&c, "pFileSize", pFileSize, held(pFileSize, DIGITS_LEN));
    nhi_out_cstring(&c, "pNumber", pNumber, held(pNumber, DIGITS_LEN));
    return nhi_finish(&c);
}

/* ---- 4. health professional card ------------------------------------------------------------------------ */

/* 4.1 */
NHI_EXPORT int NHI_API hpcGetHPCStatus(int Req, short *Status) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hpcGetHPCStatus");
    nhi_int(&c, "Req", Req);
    nhi_out_short(&c, "Status", Status);
    return nhi_finish(&c);
}

/* 4.2 */
NHI_EXPORT int NHI_API hpcVerifyHPCPIN(void) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hpcVerifyHPCPIN");
    nhi_pin(&c, "pin", NHI_PIN_HPC);
    return nhi_finish(&c);
}

/* 4.3: the current PIN, then the new one */
NHI_EXPORT int NHI_API hpcInputHPCPIN(void) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hpcInputHPCPIN");
    nhi_pin(&c, "pin", NHI_PIN_HPC);
    nhi_pin(&c, "newPin", NHI_PIN_HPC_NEW);
    return nhi_finish(&c);
}

/* 4.4: the unblocking code, then the new PIN */
NHI_EXPORT int NHI_API hpcUnlockHPC(void) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hpcUnlockHPC");
    nhi_pin(&c, "puk", NHI_PIN_HPC_PUK);
    nhi_pin(&c, "newPin", NHI_PIN_HPC_NEW);
    return nhi_finish(&c);
}

/* 4.5 */
NHI_EXPORT int NHI_API hpcGetHPCSN(char *SN, short *Len_SN) {
    return read_buffer("hpcGetHPCSN", SN, Len_SN, 12);
}

/* 4.6 */
NHI_EXPORT int NHI_API hpcGetHPCSSN(char *SSN, short *Len_SSN) {
    return read_buffer("hpcGetHPCSSN", SSN, Len_SSN, 10);
}

/* 4.7 */
NHI_EXPORT int NHI_API hpcGetHPCCNAME(char *CNAME, short *Len_CNAME) {
    return read_buffer("hpcGetHPCCNAME", CNAME, Len_CNAME, 20);
}

/* 4.8 (the manual's syntax line says hisGetHPCENAME; the export is hpcGetHPCENAME) */
NHI_EXPORT int NHI_API hpcGetHPCENAME(char *ENAME, short *Len_ENAME) {
    return read_buffer("hpcGetHPCENAME", ENAME, Len_ENAME, 20);
}

/* ---- 5. other ------------------------------------------------------------------------------------------- */

/* 5.1: IN up to 8 (NHI's sample passes a space-padded String * 8); OUT the 5-byte form and a NUL */
NHI_EXPORT int NHI_API hisGetICD10EnC(char *IN, char *OUT) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisGetICD10EnC");
    nhi_text(&c, "IN", IN, 8, 1);
    nhi_out_cstring(&c, "OUT", OUT, 6);
    return nhi_finish(&c);
}

/* 5.2: OUT the code (up to 7) and a NUL */
NHI_EXPORT int NHI_API hisGetICD10DeC(char *IN, char *OUT) {
    nhi_call c;
    nhi_begin(&c, NHI_V3, "hisGetICD10DeC");
    nhi_text(&c, "IN", IN, 8, 1);
    nhi_out_cstring(&c, "OUT", OUT, 8);
    return nhi_finish(&c);
}
