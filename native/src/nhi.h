/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The core every exported function of the native libraries goes through (docs/native.md).
 *
 * An exported function describes its call (the facade's parameter names, as POST /v5/<function> takes them,
 * and where each answer item goes in the caller's memory) and nhi_finish() sends it to the running platform's
 * local API in the binary call format, waits (bounded), and copies the answer back. The platform holds all the
 * logic; this side only marshals, never interprets a card's data.
 *
 *     int NHI_API hisGetBasicData(char *pBuffer, short *iBufferLen) {
 *         nhi_call c;
 *         nhi_begin(&c, NHI_V5, "hisGetBasicData");
 *         nhi_buffer(&c, "pBuffer", "iBufferLen", pBuffer, iBufferLen, 72);
 *         return nhi_finish(&c);
 *     }
 */
#ifndef NHI_CORE_H
#define NHI_CORE_H

#include <stddef.h>

#ifdef _WIN32
#define NHI_API __stdcall
#define NHI_EXPORT __declspec(dllexport)
#else
#define NHI_API
#define NHI_EXPORT __attribute__((visibility("default")))
#endif

/** Which API set a library serves: the path segment of the platform's endpoints. */
typedef enum { NHI_V5 = 5, NHI_V3 = 3 } nhi_set;

/** What a PIN asked by the library is for (the prompt the person sees). */
typedef enum {
    NHI_PIN_HC,      /* the health card holder's PIN (1.27) */
    NHI_PIN_HC_NEW,  /* a new HC PIN (1.28), asked twice */
    NHI_PIN_HPC,     /* the health professional's PIN (4.2) */
    NHI_PIN_HPC_NEW, /* a new HPC PIN (4.3, 4.4), asked twice */
    NHI_PIN_HPC_PUK  /* the HPC's unblocking code (4.4) */
} nhi_pin_purpose;

#define NHI_MAX_PARAMS 16
#define NHI_MAX_BINDINGS 12
#define NHI_REQUEST_MAX 8192

/** One place in the caller's memory an answer item is copied to. */
typedef struct {
    const char *item;       /* the answer item's name, e.g. "pBuffer", "iWriteCount", "pBufferDocID" */
    int kind;               /* NHI_BIND_* */
    char *target;           /* the caller's memory */
    void *length;           /* BUFFER: the caller's length cell (low 16 bits count) */
    const char *length_item;/* BUFFER: the answer item holding the new length */
    int capacity;           /* BUFFER: bytes that may be written (caller's length, capped at the documented size);
                               CSTRING: the array's size including the NUL */
} nhi_binding;

enum { NHI_BIND_BUFFER = 1, NHI_BIND_SHORT, NHI_BIND_CSTRING, NHI_BIND_LIBRARY_PATH };

/** One call being built on the caller's stack. */
typedef struct {
    nhi_set set;
    const char *function;
    unsigned char request[NHI_REQUEST_MAX];
    size_t used;
    int overflow;           /* a parameter did not fit: the call answers 6018 without being sent */
    int bad_parameter;      /* a NULL pointer where the manual requires one: 6018 without being sent */
    struct {
        const char *name;   /* "pin", "newPin", "puk" */
        nhi_pin_purpose purpose;
    } pins[3];              /* the PINs this function may ask (nhi_pin) */
    int pin_count;
    nhi_binding bindings[NHI_MAX_BINDINGS];
    int binding_count;
} nhi_call;

void nhi_begin(nhi_call *c, nhi_set set, const char *function);

/** An integer parameter. */
void nhi_int(nhi_call *c, const char *name, int value);

/**
 * A C-string parameter: the bytes up to the first NUL, reading at most max bytes (callers pass arrays of the
 * documented size, not always NUL-terminated). NULL → 6018 when required, omitted otherwise.
 */
void nhi_text(nhi_call *c, const char *name, const char *value, int max, int required);

/** A fixed-size byte parameter (no NUL search): exactly len bytes. */
void nhi_bytes(nhi_call *c, const char *name, const char *value, int len);

/**
 * An output buffer with its length cell (short * in the official header: only the low 16 bits are read and
 * written, so int * callers work too). Sends length_name = the caller's length; on answer copies the item
 * buffer_item into buffer (at most min(caller's length, documented) bytes) and the new length into the cell.
 * NULL buffer or length → 6018. documented <= 0: no cap besides the caller's length.
 */
void nhi_buffer(nhi_call *c, const char *buffer_item, const char *length_name, char *buffer, void *length,
                int documented);

/** Like nhi_buffer, and sends icd10=Y when the caller pre-filled the buffer with the marker "[XXXXXXX]". */
void nhi_icd10_buffer(nhi_call *c, const char *buffer_item, const char *length_name, char *buffer, void *length,
                      int documented);

/** An in/out count (iWriteCount): sends its value (low 16 bits) as name, copies item name back. */
void nhi_inout_short(nhi_call *c, const char *name, void *cell);

/** An output count or status (iRecCount, Status): low 16 bits written from the answer item. */
void nhi_out_short(nhi_call *c, const char *name, void *cell);

/** An output C string (pBufferDocID, pPath, OUT): the answer item's bytes and a NUL, cut to size - 1. */
void nhi_out_cstring(nhi_call *c, const char *name, char *target, int size);

/** csGetVersionEx's pPath: this library's own full path (the manual: the path of the loaded DLL), cut to size. */
void nhi_out_library_path(nhi_call *c, char *target, int size);

/**
 * Names a PIN this function may need, as the facade's body takes it ("pin", "newPin", "puk"), and what it is
 * for. No PIN is asked up front: the call goes out without one, and when the platform answers 5109 naming the
 * PIN it wanted (answer item "pinWanted": the card really needs it, after every other check passed), the PIN
 * is asked of the person at the PC (docs/native.md: NHI_PINENTRY, or the PIN window on Windows) and the call is
 * sent again with it; 5109 means nothing was done. A PIN wanted but not named here (1.2 on a PIN card, the
 * current PIN of 1.28) is asked as the health card's PIN ("pin") or by its field's meaning. Cancelled, or no
 * PIN entry at all: the call answers 5109.
 */
void nhi_pin(nhi_call *c, const char *name, nhi_pin_purpose purpose);

/**
 * Sends the call and copies the answer. Returns the function's return value as the official DLL returns it,
 * or, when the platform cannot be reached in time: 9240 (5.1.x; the console is not running), 4000 (3.5.x;
 * reader timeout), -1 for 3.5.x csOpenCom.
 */
int nhi_finish(nhi_call *c);

/* ---- shared by the core's files ---------------------------------------------------------------------- */

/** The platform's answer: its return value and its items (pointers into body). */
typedef struct {
    int rc;
    const unsigned char *body;
    size_t length;
} nhi_answer;

/** Finds an answer item: type 'i' sets *value; type 'b' sets *bytes and *len. Returns the type or 0. */
int nhi_answer_item(const nhi_answer *a, const char *name, int *value, const unsigned char **bytes, size_t *len);

#endif
