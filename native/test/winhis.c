/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A 64-bit Windows test HIS for the drop-in DLLs (itests NativeWindowsIT, run under wine64): loads the DLLs at
 * run time as most HIS programs do (LoadLibraryA, GetProcAddress, __stdcall typedefs with short * lengths as in
 * the official header), runs a visit through cshis.dll and a 3.5.x session through cshis30.dll, and prints
 * what each call returned and wrote, so the test can compare it with POST /v5/<function> and /v3/<function>.
 *
 *   winhis.exe <cshis.dll> <cshis30.dll> <pDataWrite of hisWriteTreatmentCode>
 *   winhis.exe pin <cshis.dll>     (hpcVerifyHPCPIN alone, for a person at the DLL's PIN window)
 *
 * Output, one line per call: "<set> <function> rc=N" and, where the call has them, "len=N" (the length cell
 * afterwards), "hex=..." (the bytes the cell says were written, or a C string up to its NUL), "spill=N" (guard
 * bytes changed past the length handed in, or past a length cell's 16 bits: must be 0), "status=N".
 * Exit code 0 when everything could be loaded and called; 2 when a DLL or an export is missing.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

typedef int(__stdcall *fn_void)(void);
typedef int(__stdcall *fn_int)(int);
typedef int(__stdcall *fn_buffer)(char *pBuffer, short *iBufferLen);
typedef int(__stdcall *fn_seq256)(char *cTreatItem, char *cBabyTreat, char *cTreatAfterCheck, char *pBuffer,
                                  short *iBufferLen);
typedef int(__stdcall *fn_write_code)(char *pDateTime, char *pPatientID, char *pPatientBirthDate, char *pDataWrite,
                                      char *pBufferDocID);
typedef int(__stdcall *fn_path)(char *pPath);
typedef int(__stdcall *fn_status)(int Req, short *Status);

#define GUARD 16
#define FILL 0xEE

/* A caller's buffer with guard bytes after it, and a length cell with two guard bytes after its 16 bits. */
typedef struct {
    char mem[1024 + GUARD];
    int given;
    union {
        short len;
        unsigned char bytes[4];
    } cell;
} buffer;

static void prepare(buffer *b, int given) {
    memset(b->mem, FILL, sizeof b->mem);
    b->given = given;
    memset(b->cell.bytes, FILL, sizeof b->cell.bytes);
    b->cell.len = (short)given;
}

static void hex(const char *p, int n) {
    for (int i = 0; i < n; i++) {
        printf("%02x", (unsigned char)p[i]);
    }
}

static int spill(const buffer *b) {
    int changed = 0;
    for (int i = b->given; i < b->given + GUARD; i++) {
        changed += (unsigned char)b->mem[i] != FILL;
    }
    return changed + (b->cell.bytes[2] != FILL) + (b->cell.bytes[3] != FILL);
}

static void print_buffer(const char *set, const char *function, int rc, const buffer *b) {
    int n = b->cell.len < 0 ? 0 : b->cell.len > b->given ? b->given : b->cell.len;
    printf("%s %s rc=%d len=%d hex=", set, function, rc, b->cell.len);
    hex(b->mem, n);
    printf(" spill=%d\n", spill(b));
}

/* A C string the DLL wrote into an array of size bytes: its bytes up to the NUL; spill counts a missing NUL. */
static void print_cstring(const char *set, const char *function, int rc, const char *mem, int size) {
    const char *nul = memchr(mem, '\0', (size_t)size);
    int changed = nul == NULL;
    for (int i = size; i < size + GUARD; i++) {
        changed += (unsigned char)mem[i] != FILL;
    }
    printf("%s %s rc=%d hex=", set, function, rc);
    hex(mem, nul == NULL ? size : (int)(nul - mem));
    printf(" spill=%d\n", changed);
}

static int missing;

static void (*find(HMODULE dll, const char *name))(void) {
    FARPROC f = GetProcAddress(dll, name);
    if (f == NULL) {
        printf("missing %s (error %lu)\n", name, GetLastError());
        missing = 1;
    }
    return (void (*)(void))f;
}

#define FIND(type, name) ((type)find(dll, name))

/* The 5.1.x visit: open, SAM, basic data, a visit number, HPC PIN, diagnoses, read them back, version, close. */
static int visit_v5(const char *path, const char *diagnoses) {
    HMODULE dll = LoadLibraryA(path);
    if (dll == NULL) {
        printf("v5 LoadLibraryA failed (error %lu)\n", GetLastError());
        return 2;
    }
    fn_int csOpenCom = FIND(fn_int, "csOpenCom");
    fn_void csVerifySAMDC = FIND(fn_void, "csVerifySAMDC");
    fn_buffer hisGetBasicData = FIND(fn_buffer, "hisGetBasicData");
    fn_seq256 hisGetSeqNumber256 = FIND(fn_seq256, "hisGetSeqNumber256");
    fn_void hpcVerifyHPCPIN = FIND(fn_void, "hpcVerifyHPCPIN");
    fn_write_code hisWriteTreatmentCode = FIND(fn_write_code, "hisWriteTreatmentCode");
    fn_buffer hisGetTreatmentNeedHPC = FIND(fn_buffer, "hisGetTreatmentNeedHPC");
    fn_path csGetVersionEx = FIND(fn_path, "csGetVersionEx");
    fn_void csCloseCom = FIND(fn_void, "csCloseCom");
    if (missing) {
        return 2;
    }
    static buffer b;
    printf("v5 csOpenCom rc=%d\n", csOpenCom(0));
    printf("v5 csVerifySAMDC rc=%d\n", csVerifySAMDC());

    prepare(&b, 72);
    int rc = hisGetBasicData(b.mem, &b.cell.len);
    print_buffer("v5", "hisGetBasicData", rc, &b);
    char id[11] = {0};
    char birth[8] = {0};
    if (rc == 0 && b.cell.len == 72) {
        memcpy(id, b.mem + 32, 10);    /* 身分證號 bytes 33-42 */
        memcpy(birth, b.mem + 42, 7);  /* 出生日期 bytes 43-49 */
    }

    prepare(&b, 296);
    rc = hisGetSeqNumber256("01", " ", "1", b.mem, &b.cell.len);
    print_buffer("v5", "hisGetSeqNumber256", rc, &b);
    char date_time[14] = {0};
    if (rc == 0 && b.cell.len >= 13) {
        memcpy(date_time, b.mem, 13);  /* 就診日期時間 bytes 1-13 */
    }

    printf("v5 hpcVerifyHPCPIN rc=%d\n", hpcVerifyHPCPIN());

    char data[64];
    snprintf(data, sizeof data, "%s", diagnoses);
    char doc_id[11 + GUARD];
    memset(doc_id, FILL, sizeof doc_id);
    rc = hisWriteTreatmentCode(date_time, id, birth, data, doc_id);
    print_cstring("v5", "hisWriteTreatmentCode", rc, doc_id, 11);

    prepare(&b, 372);
    rc = hisGetTreatmentNeedHPC(b.mem, &b.cell.len);
    print_buffer("v5", "hisGetTreatmentNeedHPC", rc, &b);

    char where[260 + GUARD];
    memset(where, FILL, sizeof where);
    rc = csGetVersionEx(where);
    print_cstring("v5", "csGetVersionEx", rc, where, 260);

    printf("v5 csCloseCom rc=%d\n", csCloseCom());
    printf("v5 FreeLibrary rc=%d\n", FreeLibrary(dll) ? 1 : 0);
    return 0;
}

/*
 * The 3.5.x session on a platform whose readers are chip readers: csOpenCom(0) finds no dedicated reader (-1),
 * so every function that talks to the reader answers 4000; the version needs no reader.
 */
static int session_v3(const char *path) {
    HMODULE dll = LoadLibraryA(path);
    if (dll == NULL) {
        printf("v3 LoadLibraryA failed (error %lu)\n", GetLastError());
        return 2;
    }
    fn_path csGetVersionEx = FIND(fn_path, "csGetVersionEx");
    fn_int csOpenCom = FIND(fn_int, "csOpenCom");
    fn_buffer csGetHospID = FIND(fn_buffer, "csGetHospID");
    fn_buffer hisGetBasicData = FIND(fn_buffer, "hisGetBasicData");
    fn_int hisGetCardStatus = FIND(fn_int, "hisGetCardStatus");
    fn_status hpcGetHPCStatus = FIND(fn_status, "hpcGetHPCStatus");
    fn_void csCloseCom = FIND(fn_void, "csCloseCom");
    if (missing) {
        return 2;
    }
    static buffer b;
    char where[260 + GUARD];
    memset(where, FILL, sizeof where);
    int rc = csGetVersionEx(where);
    print_cstring("v3", "csGetVersionEx", rc, where, 260);
    printf("v3 csOpenCom rc=%d\n", csOpenCom(0));
    prepare(&b, 10);
    rc = csGetHospID(b.mem, &b.cell.len);
    print_buffer("v3", "csGetHospID", rc, &b);
    prepare(&b, 72);
    rc = hisGetBasicData(b.mem, &b.cell.len);
    print_buffer("v3", "hisGetBasicData", rc, &b);
    printf("v3 hisGetCardStatus rc=%d\n", hisGetCardStatus(2));
    short status[2] = {77, 77}; /* status[1] guards the cell's neighbour */
    rc = hpcGetHPCStatus(1, status);
    printf("v3 hpcGetHPCStatus rc=%d status=%d spill=%d\n", rc, status[0], status[1] != 77);
    printf("v3 csCloseCom rc=%d\n", csCloseCom());
    printf("v3 FreeLibrary rc=%d\n", FreeLibrary(dll) ? 1 : 0);
    return 0;
}

/* One hpcVerifyHPCPIN: without NHI_PINENTRY the DLL asks the PIN in its own window, answered by the test. */
static int verify_hpc_pin(const char *path) {
    HMODULE dll = LoadLibraryA(path);
    if (dll == NULL) {
        printf("v5 LoadLibraryA failed (error %lu)\n", GetLastError());
        return 2;
    }
    fn_void hpcVerifyHPCPIN = FIND(fn_void, "hpcVerifyHPCPIN");
    if (missing) {
        return 2;
    }
    printf("v5 hpcVerifyHPCPIN rc=%d\n", hpcVerifyHPCPIN());
    printf("v5 FreeLibrary rc=%d\n", FreeLibrary(dll) ? 1 : 0);
    return 0;
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc == 3 && strcmp(argv[1], "pin") == 0) {
        int rc = verify_hpc_pin(argv[2]);
        printf("done rc=%d\n", rc);
        return rc;
    }
    if (argc != 4) {
        fprintf(stderr, "usage: winhis.exe <cshis.dll> <cshis30.dll> <pDataWrite> | pin <cshis.dll>\n");
        return 2;
    }
    int rc = visit_v5(argv[1], argv[3]);
    if (rc == 0) {
        rc = session_v3(argv[2]);
    }
    printf("done rc=%d\n", rc);
    return rc;
}
