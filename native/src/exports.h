/* SPDX-License-Identifier: Apache-2.0 */
/*
 * exports.h, exports_*.c: the functions of cshis.dll 5.1.x (73: manual 5.1.3 plus 1.53-1.56) and, compiled with
 * -DNHI_SET_V3, of cshis30.dll 3.5.x (the 3.3 manual's set plus 1.53/1.54 and 2.3/2.4: the same functions but
 * 1.55, 1.56, 3.2 and 3.3), each forwarded to the running platform's POST /v5/<function> (or /v3/<function>,
 * docs/api-v3.md) through the core (nhi.h). The two sets share their names, parameters and sizes, hence one
 * source; /v3 serves every 3.5.x export.
 *
 * Every function only describes its call: its inputs under the facade's JSON names, read no further than the
 * manual's sizes; where each answer item goes in the caller's memory, capped at the facade's documented sizes.
 * The standard out buffer travels as "pBuffer" with the caller's length as "iBufferLen", whatever the C
 * parameter's name. The PIN functions (1.27, 1.28, 4.2-4.4) name the PINs they take (nhi_pin); any function
 * asks a PIN of the person only when the platform answers that the card needs it, as the official DLL pops its
 * dialog then (nhi.h).
 */
#ifndef NHI_EXPORTS_H
#define NHI_EXPORTS_H

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

/* A function whose only output is the standard buffer ("pBuffer", its length "iBufferLen"). */
static inline int read_buffer(const char *function, char *buffer, short *length, int documented) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, function);
    nhi_buffer(&c, "pBuffer", "iBufferLen", buffer, length, documented);
    return nhi_finish(&c);
}

/* A function without parameters. */
static inline int no_parameters(const char *function) {
    nhi_call c;
    nhi_begin(&c, NHI_SET, function);
    return nhi_finish(&c);
}

/* The prescriptions a 1.45/1.49 call writes: the caller's *iWriteCount (low 16 bits), 1 to 60. */
static inline int write_count(const short *iWriteCount) {
    int n = iWriteCount ? *iWriteCount : 1;
    return n < 1 ? 1 : n > MAX_WRITES ? MAX_WRITES : n;
}

/* The bytes an in/out C string owns: its characters (at most max) and the NUL after them. */
static inline int cstring_room(const char *s, int max) {
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
static inline void patient(nhi_call *c, const char *pPatientID, const char *pPatientBirthDate) {
    nhi_text(c, "pPatientID", pPatientID, PATIENT_ID, 1);
    nhi_text(c, "pPatientBirthDate", pPatientBirthDate, BIRTH_DATE, 1);
}

/* A visit's write: pDateTime, the patient and pDataWrite of up to max characters. */
static inline void visit_write(nhi_call *c, const char *pDateTime, const char *pPatientID, const char *pPatientBirthDate,
                        const char *pDataWrite, int max) {
    nhi_text(c, "pDateTime", pDateTime, DATE_TIME, 1);
    patient(c, pPatientID, pPatientBirthDate);
    nhi_text(c, "pDataWrite", pDataWrite, max, 1);
}

/* A 取號's inputs (1.9, 1.37, 1.53); cTreatAfterCheck NULL for 1.9. Both marks are optional (facade defaults). */
static inline void take_number(nhi_call *c, const char *cTreatItem, const char *cBabyTreat, const char *cTreatAfterCheck) {
    nhi_text(c, "cTreatItem", cTreatItem, 2, 1);
    nhi_text(c, "cBabyTreat", cBabyTreat, 1, 0);
    nhi_text(c, "cTreatAfterCheck", cTreatAfterCheck, 1, 0);
}

/* 1.41-1.44: the record range asked for and the count of records returned. */
static inline void record_range(nhi_call *c, int iStartPos, int iEndPos, short *iRecCount) {
    nhi_int(c, "iStartPos", iStartPos);
    nhi_int(c, "iEndPos", iEndPos);
    nhi_out_short(c, "iRecCount", iRecCount);
}

#endif
