/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Building a call and copying its answer back (nhi.h). Nothing here blocks or touches the network:
 * nhi_finish hands the encoded request to the transport (transport.c).
 */
#include "nhi.h"
#include "link.h"

#include <stdio.h>
#include <string.h>

static int low16(const void *cell) {
    unsigned short v;
    memcpy(&v, cell, sizeof v); /* the official header's short *: the low 16 bits (little-endian) */
    return v;
}

static void set_low16(void *cell, int value) {
    unsigned short v = (unsigned short)value;
    memcpy(cell, &v, sizeof v);
}

static void put_name(nhi_call *c, const char *name, int type, size_t value_size) {
    size_t n = strlen(name);
    if (n == 0 || n > 255 || c->used + 2 + n + value_size > NHI_REQUEST_MAX) {
        c->overflow = 1;
        return;
    }
    c->request[c->used++] = (unsigned char)n;
    memcpy(c->request + c->used, name, n);
    c->used += n;
    c->request[c->used++] = (unsigned char)type;
}

void nhi_begin(nhi_call *c, nhi_set set, const char *function) {
    /* the scalars only: the request and binding arrays are filled as they are used (no 9 KB memset a call) */
    c->set = set;
    c->function = function;
    c->used = 0;
    c->overflow = 0;
    c->bad_parameter = 0;
    c->binding_count = 0;
    c->pin_count = 0;
}

void nhi_int(nhi_call *c, const char *name, int value) {
    put_name(c, name, 'i', 4);
    if (c->overflow) {
        return;
    }
    unsigned int v = (unsigned int)value;
    for (int i = 0; i < 4; i++) {
        c->request[c->used++] = (unsigned char)(v >> (8 * i));
    }
}

void nhi_bytes(nhi_call *c, const char *name, const char *value, int len) {
    if (value == NULL || len < 0 || len > 0xFFFF) {
        c->bad_parameter = 1;
        return;
    }
    put_name(c, name, 'b', 2 + (size_t)len);
    if (c->overflow) {
        return;
    }
    c->request[c->used++] = (unsigned char)(len & 0xFF);
    c->request[c->used++] = (unsigned char)(len >> 8);
    memcpy(c->request + c->used, value, (size_t)len);
    c->used += (size_t)len;
}

void nhi_text(nhi_call *c, const char *name, const char *value, int max, int required) {
    if (value == NULL) {
        if (required) {
            c->bad_parameter = 1;
        }
        return;
    }
    int n = 0;
    while (n < max && value[n] != '\0') {
        n++;
    }
    nhi_bytes(c, name, value, n);
}

static nhi_binding *bind(nhi_call *c, const char *item, int kind) {
    if (c->binding_count >= NHI_MAX_BINDINGS) {
        c->overflow = 1;
        return NULL;
    }
    nhi_binding *b = &c->bindings[c->binding_count++];
    memset(b, 0, sizeof *b);
    b->item = item;
    b->kind = kind;
    return b;
}

void nhi_buffer(nhi_call *c, const char *buffer_item, const char *length_name, char *buffer, void *length,
                int documented) {
    if (buffer == NULL || length == NULL) {
        c->bad_parameter = 1;
        return;
    }
    int capacity = low16(length);
    nhi_int(c, length_name, capacity);
    nhi_binding *b = bind(c, buffer_item, NHI_BIND_BUFFER);
    if (b != NULL) {
        b->target = buffer;
        b->length = length;
        /* the standard buffer's new length comes back as iBufferLen; the others under their own names */
        b->length_item = strcmp(buffer_item, "pBuffer") == 0 ? "iBufferLen" : length_name;
        b->capacity = documented > 0 && documented < capacity ? documented : capacity;
    }
}

void nhi_icd10_buffer(nhi_call *c, const char *buffer_item, const char *length_name, char *buffer, void *length,
                      int documented) {
    static const char marker[] = "[XXXXXXX]";
    if (buffer != NULL && length != NULL && low16(length) >= 9 && memcmp(buffer, marker, 9) == 0) {
        nhi_bytes(c, "icd10", "Y", 1);
    }
    nhi_buffer(c, buffer_item, length_name, buffer, length, documented);
}

void nhi_inout_short(nhi_call *c, const char *name, void *cell) {
    if (cell == NULL) {
        c->bad_parameter = 1;
        return;
    }
    nhi_int(c, name, (short)low16(cell));
    nhi_out_short(c, name, cell);
}

void nhi_out_short(nhi_call *c, const char *name, void *cell) {
    if (cell == NULL) {
        c->bad_parameter = 1;
        return;
    }
    nhi_binding *b = bind(c, name, NHI_BIND_SHORT);
    if (b != NULL) {
        b->target = cell;
    }
}

void nhi_out_cstring(nhi_call *c, const char *name, char *target, int size) {
    if (target == NULL || size <= 0) {
        c->bad_parameter = 1;
        return;
    }
    nhi_binding *b = bind(c, name, NHI_BIND_CSTRING);
    if (b != NULL) {
        b->target = target;
        b->capacity = size;
    }
}

void nhi_out_library_path(nhi_call *c, char *target, int size) {
    if (target == NULL || size <= 0) {
        c->bad_parameter = 1;
        return;
    }
    nhi_binding *b = bind(c, "", NHI_BIND_LIBRARY_PATH);
    if (b != NULL) {
        b->target = target;
        b->capacity = size;
    }
}

void nhi_pin(nhi_call *c, const char *name, nhi_pin_purpose purpose) {
    if (c->pin_count < (int)(sizeof c->pins / sizeof c->pins[0])) {
        c->pins[c->pin_count].name = name;
        c->pins[c->pin_count].purpose = purpose;
        c->pin_count++;
    }
}

/** What a PIN field the platform asked for is, for this function. */
static nhi_pin_purpose purpose_of(const nhi_call *c, const char *field) {
    for (int i = 0; i < c->pin_count; i++) {
        if (strcmp(c->pins[i].name, field) == 0) {
            return c->pins[i].purpose;
        }
    }
    int hpc = strncmp(c->function, "hpc", 3) == 0;
    if (strcmp(field, "newPin") == 0) {
        return hpc ? NHI_PIN_HPC_NEW : NHI_PIN_HC_NEW;
    }
    if (strcmp(field, "puk") == 0) {
        return NHI_PIN_HPC_PUK;
    }
    return hpc ? NHI_PIN_HPC : NHI_PIN_HC;
}

int nhi_answer_item(const nhi_answer *a, const char *name, int *value, const unsigned char **bytes, size_t *len) {
    size_t want = strlen(name);
    size_t p = 4;
    while (p < a->length) {
        size_t n = a->body[p++];
        if (p + n + 1 > a->length) {
            return 0;
        }
        const unsigned char *item = a->body + p;
        p += n;
        int type = a->body[p++];
        if (type == 'i') {
            if (p + 4 > a->length) {
                return 0;
            }
            if (n == want && memcmp(item, name, n) == 0) {
                *value = (int)((unsigned int)a->body[p] | (unsigned int)a->body[p + 1] << 8
                               | (unsigned int)a->body[p + 2] << 16 | (unsigned int)a->body[p + 3] << 24);
                return 'i';
            }
            p += 4;
        } else if (type == 'b') {
            if (p + 2 > a->length) {
                return 0;
            }
            size_t m = (size_t)a->body[p] | (size_t)a->body[p + 1] << 8;
            p += 2;
            if (p + m > a->length) {
                return 0;
            }
            if (n == want && memcmp(item, name, n) == 0) {
                *bytes = a->body + p;
                *len = m;
                return 'b';
            }
            p += m;
        } else {
            return 0;
        }
    }
    return 0;
}

/** Copies what the platform answered into the caller's memory; never more than each binding allows. */
static void copy_back(const nhi_call *c, const nhi_answer *a) {
    for (int i = 0; i < c->binding_count; i++) {
        const nhi_binding *b = &c->bindings[i];
        int value = 0;
        const unsigned char *bytes = NULL;
        size_t len = 0;
        int type = nhi_answer_item(a, b->item, &value, &bytes, &len);
        if (b->kind == NHI_BIND_BUFFER && type == 'b') {
            int new_length = (int)len;
            int said = 0;
            const unsigned char *unused = NULL;
            size_t unused_len = 0;
            if (nhi_answer_item(a, b->length_item, &said, &unused, &unused_len) == 'i' && said >= 0
                && said < new_length) {
                new_length = said;
            }
            if (new_length > b->capacity) {
                new_length = b->capacity; /* the platform never sends more; this side never writes more */
            }
            memcpy(b->target, bytes, (size_t)new_length);
            set_low16(b->length, new_length);
        } else if (b->kind == NHI_BIND_SHORT && type == 'i') {
            set_low16(b->target, value);
        } else if (b->kind == NHI_BIND_LIBRARY_PATH) {
            char path[NHI_PATH_MAX];
            nhi_library_path(path, sizeof path);
            snprintf(b->target, (size_t)b->capacity, "%s", path);
        } else if (b->kind == NHI_BIND_CSTRING && type == 'b') {
            size_t n = len < (size_t)b->capacity - 1 ? len : (size_t)b->capacity - 1;
            memcpy(b->target, bytes, n);
            b->target[n] = '\0';
        }
    }
}

/** The answer's "pinWanted" as a field name we know, or NULL. */
static const char *pin_wanted(const nhi_answer *a) {
    static const char *const fields[] = {"pin", "newPin", "puk"};
    int value;
    const unsigned char *bytes = NULL;
    size_t len = 0;
    if (a->rc != 5109 || nhi_answer_item(a, "pinWanted", &value, &bytes, &len) != 'b') {
        return NULL;
    }
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (len == strlen(fields[i]) && memcmp(bytes, fields[i], len) == 0) {
            return fields[i];
        }
    }
    return NULL;
}

int nhi_finish(nhi_call *c) {
    if (c->bad_parameter || c->overflow) {
        return 6018;
    }
    nhi_answer a;
    unsigned char body[NHI_ANSWER_MAX];
    int rc = 0;
    int asked = 0; /* bit per field already asked: never the same PIN twice in one call */
    for (;;) {
        rc = nhi_link_call(c->set, c->function, c->request, c->used, body, sizeof body, &a);
        if (rc != 0) {
            break; /* the platform could not be reached in time: nothing was copied */
        }
        const char *field = pin_wanted(&a);
        int bit = field == NULL ? 0 : field[0] == 'p' && field[1] == 'i' ? 1 : field[0] == 'n' ? 2 : 4;
        if (field == NULL || (asked & bit)) {
            copy_back(c, &a);
            rc = a.rc;
            break;
        }
        asked |= bit;
        char pin[16];
        int entry = nhi_ask_pin(purpose_of(c, field), pin, sizeof pin);
        if (entry != 0) {
            rc = entry > 0 ? entry : 5109; /* cancelled, the two new PINs differ, or no PIN entry here */
            break;
        }
        nhi_text(c, field, pin, (int)sizeof pin - 1, 1);
        memset(pin, 0, sizeof pin);
        if (c->overflow) {
            rc = 6018;
            break;
        }
    }
    memset(c->request, 0, c->used); /* the request may hold PINs */
    return rc;
}
