/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A test HIS for the native libraries (itests NativeEqualityIT): calls the exported functions as a HIS written
 * from the manual does, through the public header, with buffers of the sizes it is told, and prints what each
 * call returned and wrote, so the test can compare it byte for byte with what POST /v5/<function> (or /v3)
 * answers.
 *
 * Built twice: against cshis.h / libcshis.so, and with -DCSHIS30 against cshis30.h / libcshis30.so (some
 * parameters are short there, and a few functions do not exist).
 *
 * Input, one call per line, tab-separated: the function's name, then one token per parameter (an output
 * buffer and its length cell are one token), in the C signature's order:
 *   i:N             an int (or short) value
 *   s:HEX           an input C string: these bytes and a NUL, in an array of exactly that size
 *   n:              a NULL string or buffer pointer (the test does not use it; probing the 6018 checks)
 *   b:CAP[:HEX]     an output buffer of CAP bytes, its short length cell = CAP, pre-filled with HEX (e.g. the
 *                   ICD-10 marker); the rest of it holds a pattern
 *   o:SIZE          an output C string: an array of SIZE bytes
 *   io:SIZE:HEX     an in/out C string: an array of SIZE bytes holding HEX and a NUL
 *   h:N             an in/out short (iWriteCount) holding N
 *   r:              an output short (iRecCount, Status)
 * Output, one line per call, tab-separated: "rc=N", then one field per token:
 *   i, s, n: "-"
 *   b: "LEN:HEX:FLAGS"  LEN the length cell afterwards, HEX the first LEN bytes (LEN clipped to CAP for the hex);
 *                       FLAGS "U" buffer and cell untouched, "C" changed; then "T" when bytes between LEN and CAP
 *                       were written, "X" when anything past CAP or past the cell's 16 bits was
 *   o, io: "HEX:FLAGS"  the bytes before the first NUL; FLAGS "U" the array untouched, "C" changed, then "N"
 *                       when it holds no NUL and "X" when anything past SIZE was written
 *   h, r: the short's value, and "X" when written past its 16 bits
 * Guard bytes follow every buffer, string and cell, so an overrun is seen, not just survived.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef CSHIS30
#include "cshis30.h"
#else
#include "cshis.h"
#endif

#define MAX_TOKENS 12
#define GUARD 32
#define FILL 0xA5
#define LINE_MAX_BYTES 65536

typedef struct {
    char kind[3];
    int value;
    int capacity;       /* b, o, io: the array's size */
    unsigned char *mem; /* the array and GUARD guard bytes after it */
    unsigned char *before; /* b, o, io: the array as it was handed in, to tell "untouched" */
    union {
        short s;
        unsigned char bytes[4];
    } cell;             /* b: the length; h, r: the short; bytes 2-3 are guards */
} token;

static int hexval(int c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decodes hex into out (at most max bytes); returns the byte count or -1. */
static int unhex(const char *hex, unsigned char *out, int max) {
    int n = 0;
    while (hex[0] != '\0' && hex[0] != ':') {
        int a = hexval(hex[0]);
        int b = hex[1] != '\0' ? hexval(hex[1]) : -1;
        if (a < 0 || b < 0 || n >= max) {
            return -1;
        }
        out[n++] = (unsigned char)(a * 16 + b);
        hex += 2;
    }
    return n;
}

static void puthex(const unsigned char *p, int n) {
    for (int i = 0; i < n; i++) {
        printf("%02x", p[i]);
    }
}

static unsigned char *guarded(int size) {
    unsigned char *m = malloc((size_t)size + GUARD);
    if (m == NULL) {
        exit(3);
    }
    memset(m, FILL, (size_t)size + GUARD);
    return m;
}

static int guards_intact(const unsigned char *p, int n) {
    for (int i = 0; i < n; i++) {
        if (p[i] != FILL) {
            return 0;
        }
    }
    return 1;
}

/* Parses one token; returns 0 when it is malformed. */
static int parse(char *text, token *t) {
    memset(t, 0, sizeof *t);
    memset(t->cell.bytes, FILL, sizeof t->cell.bytes);
    char *colon = strchr(text, ':');
    if (colon == NULL || colon - text > 2) {
        return 0;
    }
    memcpy(t->kind, text, (size_t)(colon - text));
    char *rest = colon + 1;
    if (strcmp(t->kind, "i") == 0) {
        t->value = atoi(rest);
    } else if (strcmp(t->kind, "s") == 0) {
        int n = (int)strlen(rest) / 2;
        t->capacity = n + 1;
        t->mem = guarded(t->capacity);
        if (unhex(rest, t->mem, n) != n) {
            return 0;
        }
        t->mem[n] = '\0';
    } else if (strcmp(t->kind, "b") == 0) {
        t->capacity = atoi(rest);
        t->mem = guarded(t->capacity);
        char *prefill = strchr(rest, ':');
        if (prefill != NULL && unhex(prefill + 1, t->mem, t->capacity) < 0) {
            return 0;
        }
        t->cell.s = (short)t->capacity;
    } else if (strcmp(t->kind, "o") == 0) {
        t->capacity = atoi(rest);
        t->mem = guarded(t->capacity);
    } else if (strcmp(t->kind, "io") == 0) {
        t->capacity = atoi(rest);
        char *value = strchr(rest, ':');
        t->mem = guarded(t->capacity);
        int n = value == NULL ? -1 : unhex(value + 1, t->mem, t->capacity - 1);
        if (n < 0) {
            return 0;
        }
        t->mem[n] = '\0';
    } else if (strcmp(t->kind, "h") == 0) {
        t->cell.s = (short)atoi(rest);
    } else if (strcmp(t->kind, "r") == 0) {
        t->cell.s = (short)0x5A5A;
    } else if (strcmp(t->kind, "n") != 0) {
        return 0;
    }
    if (t->mem != NULL) {
        t->before = malloc((size_t)t->capacity + 1);
        if (t->before == NULL) {
            exit(3);
        }
        memcpy(t->before, t->mem, (size_t)t->capacity);
    }
    return 1;
}

static void report(const token *t) {
    putchar('\t');
    if (strcmp(t->kind, "b") == 0) {
        int len = (unsigned short)t->cell.s;
        int shown = len < t->capacity ? len : t->capacity;
        int untouched = t->cell.s == (short)t->capacity && memcmp(t->mem, t->before, (size_t)t->capacity) == 0;
        printf("%d:", len);
        puthex(t->mem, shown);
        printf(":%s%s%s", untouched ? "U" : "C",
               memcmp(t->mem + shown, t->before + shown, (size_t)(t->capacity - shown)) == 0 ? "" : "T",
               guards_intact(t->mem + t->capacity, GUARD) && guards_intact(t->cell.bytes + 2, 2) ? "" : "X");
    } else if (strcmp(t->kind, "o") == 0 || strcmp(t->kind, "io") == 0) {
        int n = 0;
        while (n < t->capacity && t->mem[n] != '\0') {
            n++;
        }
        puthex(t->mem, n);
        printf(":%s%s%s", memcmp(t->mem, t->before, (size_t)t->capacity) == 0 ? "U" : "C", n < t->capacity ? "" : "N",
               guards_intact(t->mem + t->capacity, GUARD) ? "" : "X");
    } else if (strcmp(t->kind, "h") == 0 || strcmp(t->kind, "r") == 0) {
        printf("%d%s", t->cell.s, guards_intact(t->cell.bytes + 2, 2) ? "" : "X");
    } else {
        putchar('-');
    }
}

/* What a token hands the function: the string or buffer, the length cell or short, the int. */
#define P(k) ((char *)v[k].mem)
#define L(k) (&v[k].cell.s)
#define I(k) (v[k].value)

typedef struct {
    const char *name;
    int tokens;
    int (*call)(token *v);
} entry;

#define CALL0(f) static int call_##f(token *v) { (void)v; return f(); }
#define CALL(f, ...) static int call_##f(token *v) { return f(__VA_ARGS__); }

/* ---- the functions both libraries export ----------------------------------------------------------------- */
CALL(hisGetBasicData, P(0), L(0))
CALL(hisGetRegisterBasic, P(0), L(0))
CALL(hisGetRegisterPrevent, P(0), L(0))
CALL(hisGetRegisterPregnant, P(0), L(0))
CALL(hisGetTreatmentNoNeedHPC, P(0), L(0))
CALL(hisGetCumulativeData, P(0), L(0))
CALL(hisGetCumulativeFee, P(0), L(0))
CALL(hisGetTreatmentNeedHPC, P(0), L(0))
CALL(hisGetSeqNumber, P(0), P(1), P(2), L(2))
CALL(hisReadPrescription, P(0), L(0), P(1), L(1), P(2), L(2), P(3), L(3))
CALL(hisGetInoculateData, P(0), L(0))
CALL(hisGetOrganDonate, P(0), L(0))
CALL(hisGetEmergentTel, P(0), L(0))
CALL(hisGetLastSeqNum, P(0), L(0))
CALL(hisGetCardStatus, I(0))
CALL(hisWriteTreatmentCode, P(0), P(1), P(2), P(3), P(4))
CALL(hisWriteTreatmentFee, P(0), P(1), P(2), P(3))
CALL(hisWritePrescription, P(0), P(1), P(2), P(3))
CALL(hisWriteNewBorn, P(0), P(1), P(2), P(3))
CALL(hisWriteAllergicMedicines, P(0), P(1), P(2), P(3))
CALL(hisWriteOrganDonate, P(0), P(1), P(2))
CALL(hisWriteHealthInsurance, P(0), P(1), P(2), P(3))
CALL(hisWriteEmergentTel, P(0), P(1), P(2))
CALL(hisWritePredeliveryCheckup, P(0), P(1), P(2))
CALL(hisDeletePredeliveryData, P(0), P(1))
CALL(hisWriteInoculateData, P(0), P(1), P(2), P(3))
CALL0(csVerifyHCPIN)
CALL0(csInputHCPIN)
CALL0(csDisableHCPIN)
CALL0(csUpdateHCContents)
CALL(csOpenCom, I(0))
CALL0(csCloseCom)
CALL(hisGetCriticalIllness, P(0), L(0))
CALL(csGetDateTime, P(0), L(0))
CALL(csGetCardNo, I(0), P(1), L(1))
CALL0(csISSetPIN)
CALL(hisGetSeqNumber256, P(0), P(1), P(2), P(3), L(3))
CALL(hisGetRegisterBasic2, P(0), L(0))
CALL(csUnGetSeqNumber, P(0))
CALL0(csUpdateHCNoReset)
CALL(hisReadPrescriptMain, P(0), L(0), I(1), I(2), L(3))
CALL(hisReadPrescriptLongTerm, P(0), L(0), I(1), I(2), L(3))
CALL(hisReadPrescriptHVE, P(0), L(0), I(1), I(2), L(3))
CALL(hisReadPrescriptAllergic, P(0), L(0), I(1), I(2), L(3))
CALL(hisWriteMultiPrescript, P(0), P(1), P(2), P(3), L(4))
CALL(hisWriteAllergicNum, P(0), P(1), P(2), P(3), I(4))
CALL(hisWriteTreatmentData, P(0), P(1), P(2), P(3), P(4))
CALL(hisWritePrescriptionSign, P(0), P(1), P(2), P(3), P(4), L(4))
CALL(hisWriteMultiPrescriptSign, P(0), P(1), P(2), P(3), L(4), P(5), L(5))
CALL(hisGetCriticalIllnessID, P(0), P(1), P(2), L(2))
CALL(csGetVersionEx, P(0))
CALL(csSoftwareReset, I(0))
CALL(hisGetSeqNumber256N1, P(0), P(1), P(2), P(3), L(3))
CALL(hisGetTreatNumNoICCard, P(0), P(1), P(2), L(2))
CALL0(csVerifySAMDC)
CALL(csGetHospID, P(0), L(0))
CALL(csGetHospName, P(0), L(0))
CALL(csGetHospAbbName, P(0), L(0))
CALL(csUploadData, P(0), P(1), P(2), P(3), L(3))
CALL(hpcGetHPCStatus, I(0), L(1))
CALL0(hpcVerifyHPCPIN)
CALL0(hpcInputHPCPIN)
CALL0(hpcUnlockHPC)
CALL(hpcGetHPCSN, P(0), L(0))
CALL(hpcGetHPCSSN, P(0), L(0))
CALL(hpcGetHPCCNAME, P(0), L(0))
CALL(hpcGetHPCENAME, P(0), L(0))
CALL(hisGetICD10EnC, P(0), P(1))
CALL(hisGetICD10DeC, P(0), P(1))
#ifndef CSHIS30
/* ---- 5.1.x only ------------------------------------------------------------------------------------------- */
CALL0(hisQuickInsurence)
CALL(hisGetTreatNumICCard, P(0), P(1), L(1))
CALL(csUploadDataPrec, P(0), P(1), P(2), P(3), P(4), L(4))
CALL(csDownloadData, P(0), P(1), P(2), P(3), P(4), P(5), P(6))
#endif

#define E(f, n) {#f, n, call_##f}
static const entry FUNCTIONS[] = {
    E(hisGetBasicData, 1), E(hisGetRegisterBasic, 1), E(hisGetRegisterPrevent, 1), E(hisGetRegisterPregnant, 1),
    E(hisGetTreatmentNoNeedHPC, 1), E(hisGetCumulativeData, 1), E(hisGetCumulativeFee, 1),
    E(hisGetTreatmentNeedHPC, 1), E(hisGetSeqNumber, 3), E(hisReadPrescription, 4), E(hisGetInoculateData, 1),
    E(hisGetOrganDonate, 1), E(hisGetEmergentTel, 1), E(hisGetLastSeqNum, 1), E(hisGetCardStatus, 1),
    E(hisWriteTreatmentCode, 5), E(hisWriteTreatmentFee, 4), E(hisWritePrescription, 4), E(hisWriteNewBorn, 4),
    E(hisWriteAllergicMedicines, 4), E(hisWriteOrganDonate, 3), E(hisWriteHealthInsurance, 4),
    E(hisWriteEmergentTel, 3), E(hisWritePredeliveryCheckup, 3), E(hisDeletePredeliveryData, 2),
    E(hisWriteInoculateData, 4), E(csVerifyHCPIN, 0), E(csInputHCPIN, 0), E(csDisableHCPIN, 0),
    E(csUpdateHCContents, 0), E(csOpenCom, 1), E(csCloseCom, 0), E(hisGetCriticalIllness, 1), E(csGetDateTime, 1),
    E(csGetCardNo, 2), E(csISSetPIN, 0), E(hisGetSeqNumber256, 4), E(hisGetRegisterBasic2, 1),
    E(csUnGetSeqNumber, 1), E(csUpdateHCNoReset, 0), E(hisReadPrescriptMain, 4), E(hisReadPrescriptLongTerm, 4),
    E(hisReadPrescriptHVE, 4), E(hisReadPrescriptAllergic, 4), E(hisWriteMultiPrescript, 5),
    E(hisWriteAllergicNum, 5), E(hisWriteTreatmentData, 5), E(hisWritePrescriptionSign, 5),
    E(hisWriteMultiPrescriptSign, 6), E(hisGetCriticalIllnessID, 3), E(csGetVersionEx, 1), E(csSoftwareReset, 1),
    E(hisGetSeqNumber256N1, 4), E(hisGetTreatNumNoICCard, 3), E(csVerifySAMDC, 0), E(csGetHospID, 1),
    E(csGetHospName, 1), E(csGetHospAbbName, 1), E(csUploadData, 4), E(hpcGetHPCStatus, 2), E(hpcVerifyHPCPIN, 0),
    E(hpcInputHPCPIN, 0), E(hpcUnlockHPC, 0), E(hpcGetHPCSN, 1), E(hpcGetHPCSSN, 1), E(hpcGetHPCCNAME, 1),
    E(hpcGetHPCENAME, 1), E(hisGetICD10EnC, 2), E(hisGetICD10DeC, 2),
#ifndef CSHIS30
    E(hisQuickInsurence, 0), E(hisGetTreatNumICCard, 2), E(csUploadDataPrec, 5), E(csDownloadData, 7),
#endif
};

int main(void) {
    static char line[LINE_MAX_BYTES];
    while (fgets(line, sizeof line, stdin) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        token v[MAX_TOKENS];
        int count = 0;
        char *name = strtok(line, "\t");
        const entry *e = NULL;
        for (size_t i = 0; name != NULL && i < sizeof FUNCTIONS / sizeof FUNCTIONS[0]; i++) {
            if (strcmp(FUNCTIONS[i].name, name) == 0) {
                e = &FUNCTIONS[i];
            }
        }
        int ok = e != NULL;
        for (char *t = strtok(NULL, "\t"); ok && t != NULL; t = strtok(NULL, "\t")) {
            ok = count < MAX_TOKENS && parse(t, &v[count]);
            count++;
        }
        if (!ok || count != e->tokens) {
            printf("error: bad call %s (%d tokens)\n", name == NULL ? "" : name, count);
        } else {
            printf("rc=%d", e->call(v));
            for (int i = 0; i < count; i++) {
                report(&v[i]);
            }
            putchar('\n');
        }
        for (int i = 0; i < count && i < MAX_TOKENS; i++) {
            free(v[i].mem);
            free(v[i].before);
        }
        fflush(stdout);
    }
    return 0;
}
