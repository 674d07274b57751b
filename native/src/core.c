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
    memset(c, 0, sizeof *c);
    c->set = set;
    c->function = function;
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
    if (c->pin_result != 0 || c->bad_parameter || c->overflow) {
        return;
    }
    char pin[16];
    int rc = nhi_ask_pin(purpose, pin, sizeof pin);
    if (rc > 0) {
        c->pin_result = rc;
    } else if (rc == 0) {
        nhi_text(c, name, pin, (int)sizeof pin - 1, 1);
        c->sent_pin |= strcmp(name, "pin") == 0;
    }
    /* rc < 0: no PIN entry here; the platform's own (the dedicated reader's keypad) answers */
    memset(pin, 0, sizeof pin);
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

int nhi_finish(nhi_call *c) {
    if (c->bad_parameter || c->overflow) {
        return 6018;
    }
    if (c->pin_result != 0) {
        return c->pin_result;
    }
    nhi_answer a;
    unsigned char body[NHI_ANSWER_MAX];
    int rc = nhi_link_call(c->set, c->function, c->request, c->used, body, sizeof body, &a);
    if (rc != 0) {
        return rc; /* the platform could not be reached in time: nothing was copied */
    }
    if (a.rc == 5109 && !c->sent_pin && strncmp(c->function, "hpc", 3) != 0) {
        /* the card wants its holder's PIN, which this call did not carry: ask it now and send the call again
           (5109 means nothing was done) */
        nhi_pin(c, "pin", NHI_PIN_HC);
        if (c->pin_result != 0) {
            return c->pin_result;
        }
        if (c->sent_pin) {
            rc = nhi_link_call(c->set, c->function, c->request, c->used, body, sizeof body, &a);
            if (rc != 0) {
                return rc;
            }
        }
    }
    copy_back(c, &a);
    return a.rc;
}
