/* SPDX-License-Identifier: Apache-2.0 */
/* The SAM (2.x), upload (3.x), HPC (4.x) and ICD-10 (5.x) functions (exports.h says how the exports are made). */
#include "exports.h"

/* ---- 2. 安全模組 ----------------------------------------------------------------------------------------- */

/* 2.1 */
NHI_EXPORT int NHI_API csVerifySAMDC(void) {
    return no_parameters("csVerifySAMDC");
}

/* 2.2 */
NHI_EXPORT int NHI_API csGetHospID(char *pBuffer, short *iBufferLen) {
    return read_buffer("csGetHospID", pBuffer, iBufferLen, 10);
}

/* 2.3: 40 bytes as the facade documents it (the manual prints 24). */
NHI_EXPORT int NHI_API csGetHospName(char *pBuffer, short *iBufferLen) {
    return read_buffer("csGetHospName", pBuffer, iBufferLen, 24);
}

/* 2.4: 20 bytes as the facade documents it (the manual prints 128). */
NHI_EXPORT int NHI_API csGetHospAbbName(char *pBuffer, short *iBufferLen) {
    return read_buffer("csGetHospAbbName", pBuffer, iBufferLen, 128);
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

/* 4.8 */
NHI_EXPORT int NHI_API hpcGetHPCENAME(char *ENAME, short *Len_ENAME) {
    return read_buffer("hpcGetHPCENAME", ENAME, Len_ENAME, 20);
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
