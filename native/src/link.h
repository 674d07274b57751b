/* SPDX-License-Identifier: Apache-2.0 */
/* The core's internal parts: the link to the platform (link.c), the installation (home.c), PIN entry (pin.c). */
#ifndef NHI_LINK_H
#define NHI_LINK_H

#include "nhi.h"

#define NHI_ANSWER_MAX 16384
#define NHI_PATH_MAX 1024

/**
 * Sends one encoded call to POST /v<set>/<function> and reads the answer into body. Returns 0 with *answer
 * set, or the code the function answers when the platform cannot be reached in time (9240 / 4000 / -1).
 */
int nhi_link_call(nhi_set set, const char *function, const unsigned char *request, size_t length,
                  unsigned char *body, size_t capacity, nhi_answer *answer);

/** The installation as INI/cshis.ini and INI/api-token describe it. */
typedef struct {
    char home[NHI_PATH_MAX];
    char host[64];
    int port;
    int open_console_on_call;
    int demo;
    char launcher[NHI_PATH_MAX];
    char token[128];
} nhi_install;

/** Reads the installation afresh (the home: NHI_HOME, the library's own LIB folder, or the default). */
void nhi_read_install(nhi_install *out);

/** This library's own file path (csGetVersionEx reports it), or "" when the system does not say. */
void nhi_library_path(char *out, size_t size);

/** Milliseconds of a monotonic clock. */
long long nhi_now_ms(void);

/** An environment number (e.g. NHI_TIMEOUT_MS) or the fallback. */
long nhi_env_number(const char *name, long fallback, long min, long max);

/**
 * Asks a PIN through the configured PIN entry. Returns 0 with the digits in pin, a return code (5109
 * cancelled, 5107 the two new PINs differ) or -1 when no PIN entry is configured.
 */
int nhi_ask_pin(nhi_pin_purpose purpose, char *pin, size_t size);

#ifdef _WIN32
/** The Windows PIN dialog: 0 with the digits, 5109 cancelled, -1 when no window can be shown. */
int nhi_pin_dialog(const char *prompt, char *pin, size_t size);
#endif

#endif
