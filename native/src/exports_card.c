/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The health card functions 1.1-1.30: reads, visit writes, health writes, the HC PIN, card update
 * (exports.h says how the exports are made).
 */
#include "exports.h"

/* ---- 1. 健保 IC 卡 --------------------------------------------------------------------------------------- */

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
    return no_parameters("csDisableHCPIN");
}

/* 1.30 */
NHI_EXPORT int NHI_API csUpdateHCContents(void) {
    return no_parameters("csUpdateHCContents");
}
