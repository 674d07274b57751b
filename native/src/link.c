/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The link to the platform's local API: HTTP/1.1 on loopback with the client token, keep-alive connections
 * shared by the HIS's threads, every call bounded in time (NHI_TIMEOUT_MS, default 3000 ms), and the
 * platform started on the first call when the installation says so (INI/cshis.ini, [Start]).
 */
#include "link.h"
#include "net.h"
#include "os.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>


#define MAX_IDLE 8
#define HEADER_MAX 4096

static nhi_mutex g_lock = NHI_MUTEX_INIT;
static nhi_install g_install;
static int g_install_loaded;
static nhi_socket g_idle[MAX_IDLE];
static int g_idle_port[MAX_IDLE];
static int g_idle_count;
static long long g_spawned_at = -1; /* while this process starts the platform: when it did, else -1 */
static time_t g_spawned_wall;       /* the same on the wall clock, to tell a fresh demo/ready from an old one */
#ifdef _WIN32
static int g_wsa;
#endif

static void drop_idle_locked(void) {
    for (int i = 0; i < g_idle_count; i++) {
        nhi_close_socket(g_idle[i]);
    }
    g_idle_count = 0;
}

/** A copy of the installation; reload reads the files again (a restart, a rotated token). */
static void installation(nhi_install *out, int reload) {
    nhi_lock(&g_lock);
#ifdef _WIN32
    if (!g_wsa) {
        WSADATA data;
        g_wsa = WSAStartup(MAKEWORD(2, 2), &data) == 0;
    }
#endif
    if (!g_install_loaded || reload) {
        int old_port = g_install.port;
        nhi_read_install(&g_install);
        g_install_loaded = 1;
        if (old_port != g_install.port) {
            drop_idle_locked();
        }
    }
    *out = g_install;
    nhi_unlock(&g_lock);
}

static nhi_socket take_idle(int port) {
    nhi_socket s = NHI_NO_SOCKET;
    nhi_lock(&g_lock);
    while (g_idle_count > 0 && s == NHI_NO_SOCKET) {
        g_idle_count--;
        if (g_idle_port[g_idle_count] == port) {
            s = g_idle[g_idle_count];
        } else {
            nhi_close_socket(g_idle[g_idle_count]);
        }
    }
    nhi_unlock(&g_lock);
    return s;
}

static void give_back(nhi_socket s, int port) {
    nhi_lock(&g_lock);
    if (g_idle_count < MAX_IDLE) {
        g_idle[g_idle_count] = s;
        g_idle_port[g_idle_count] = port;
        g_idle_count++;
        s = NHI_NO_SOCKET;
    }
    nhi_unlock(&g_lock);
    if (s != NHI_NO_SOCKET) {
        nhi_close_socket(s);
    }
}

typedef struct {
    int status;
    int binary;
    int keep_alive;
    long content_length;
    int retry_after;
} http_head;

static int header_is(const char *line, const char *name) {
    size_t n = strlen(name);
    for (size_t i = 0; i < n; i++) {
        char a = line[i];
        char b = name[i];
        if (a >= 'A' && a <= 'Z') {
            a = (char)(a - 'A' + 'a');
        }
        if (a != b) {
            return 0;
        }
    }
    return 1;
}

static void parse_head(char *head, http_head *h) {
    memset(h, 0, sizeof *h);
    h->content_length = -1;
    h->keep_alive = 1;
    if (strncmp(head, "HTTP/1.", 7) != 0 || strlen(head) < 12) {
        return;
    }
    h->status = atoi(head + 9);
    for (char *line = strstr(head, "\r\n"); line != NULL; line = strstr(line, "\r\n")) {
        line += 2;
        if (header_is(line, "content-length:")) {
            h->content_length = strtol(line + 15, NULL, 10);
        } else if (header_is(line, "content-type:")) {
            h->binary = strstr(line, "application/vnd.opennhi.call") != NULL
                        && strstr(line, "application/vnd.opennhi.call") < strstr(line, "\r\n");
        } else if (header_is(line, "connection:") && strstr(line, "close") != NULL
                   && strstr(line, "close") < strstr(line, "\r\n")) {
            h->keep_alive = 0;
        } else if (header_is(line, "retry-after:")) {
            h->retry_after = atoi(line + 12);
        }
    }
}

enum { EXCHANGE_OK = 0, EXCHANGE_NOTHING = -1, EXCHANGE_FAILED = -2 };

/** One request and its answer on s. EXCHANGE_NOTHING: the connection failed before any answer byte. */
static int exchange(nhi_socket s, const nhi_install *in, nhi_set set, const char *function,
                    const unsigned char *request, size_t length, unsigned char *body, size_t capacity,
                    http_head *h, size_t *body_length, long long deadline) {
    unsigned char out[HEADER_MAX + NHI_REQUEST_MAX];
    int n = snprintf((char *)out, HEADER_MAX,
                     "POST /v%d/%s HTTP/1.1\r\nHost: %s:%d\r\nAuthorization: Bearer %s\r\n"
                     "Content-Type: application/vnd.opennhi.call\r\nAccept: application/vnd.opennhi.call\r\n"
                     "User-Agent: opennhi-cshis\r\nContent-Length: %u\r\n\r\n",
                     (int)set, function, in->host, in->port, in->token, (unsigned)length);
    if (n <= 0 || n >= HEADER_MAX || length > NHI_REQUEST_MAX) {
        return EXCHANGE_FAILED;
    }
    memcpy(out + n, request, length);
    if (!nhi_send_all(s, out, (size_t)n + length, deadline)) {
        return EXCHANGE_NOTHING;
    }
    char head[HEADER_MAX + 1];
    size_t got = 0;
    char *end = NULL;
    while (end == NULL) {
        if (got == HEADER_MAX) {
            return EXCHANGE_FAILED;
        }
        long k = nhi_receive(s, (unsigned char *)head + got, HEADER_MAX - got, deadline);
        if (k <= 0) {
            return got == 0 && k == 0 ? EXCHANGE_NOTHING : EXCHANGE_FAILED;
        }
        got += (size_t)k;
        head[got] = '\0';
        end = strstr(head, "\r\n\r\n");
    }
    size_t head_length = (size_t)(end - head) + 4;
    end[2] = '\0';
    parse_head(head, h);
    size_t extra = got - head_length;
    if (h->content_length < 0) {
        h->keep_alive = 0; /* no length (never for a call's answer): the rest is not read */
        *body_length = 0;
        return EXCHANGE_OK;
    }
    if ((size_t)h->content_length > capacity || extra > (size_t)h->content_length) {
        return EXCHANGE_FAILED;
    }
    memcpy(body, head + head_length, extra);
    size_t have = extra;
    while (have < (size_t)h->content_length) {
        long k = nhi_receive(s, body + have, (size_t)h->content_length - have, deadline);
        if (k <= 0) {
            return EXCHANGE_FAILED;
        }
        have += (size_t)k;
    }
    *body_length = have;
    return EXCHANGE_OK;
}

static int unreachable_code(nhi_set set, const char *function) {
    if (set == NHI_V3) {
        return strcmp(function, "csOpenCom") == 0 ? -1 : 4000;
    }
    return 9240; /* 雲端安全模組主控台沒啓動: the console (here: the platform) is not running */
}

/** demo/ready written since the platform was started (since 0: at all): the simulated world is set up. */
static int demo_ready(const nhi_install *in, time_t since) {
    char path[NHI_PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/demo/ready", in->home);
    struct stat st;
    return stat(path, &st) == 0 && st.st_mtime + 2 >= since;
}

/**
 * The platform does not answer: start it when the installation says so, at most once per start bound in this
 * process and once across processes (the start lock). Returns the new deadline to wait until, or 0.
 */
static long long start_platform(nhi_install *in) {
    if (!in->open_console_on_call || in->launcher[0] == '\0') {
        return 0;
    }
    long bound = nhi_env_number("NHI_START_TIMEOUT_MS", 90000, 1000, 600000);
    long long now = nhi_now_ms();
    int spawn = 0;
    nhi_lock(&g_lock);
    if (g_spawned_at < 0 || now - g_spawned_at > bound) {
        g_spawned_at = now;
        spawn = 1;
    }
    long long deadline = g_spawned_at + bound;
    nhi_unlock(&g_lock);
    if (!spawn) {
        return deadline; /* another thread of this process is starting it: wait with it */
    }
    long lock = nhi_try_start_lock(in->home);
    if (lock < 0) {
        return deadline; /* another process is starting it */
    }
    nhi_socket probe = nhi_connect(in->host, in->port, nhi_now_ms() + 300);
    if (probe != NHI_NO_SOCKET) {
        nhi_close_socket(probe); /* it came up meanwhile */
        nhi_start_unlock(lock);
        return deadline;
    }
    if (in->demo) {
        /* waiting processes wait for the new world's file, not an old one (the demo rewrites it when set up) */
        char path[NHI_PATH_MAX + 32];
        snprintf(path, sizeof path, "%s/demo/ready", in->home);
        remove(path);
    }
    nhi_lock(&g_lock);
    g_spawned_wall = time(NULL);
    nhi_unlock(&g_lock);
    if (nhi_spawn_platform(in->launcher, in->home, in->port, in->demo) != 0) {
        nhi_start_unlock(lock);
        nhi_lock(&g_lock);
        g_spawned_at = -1; /* nothing was started: no call should wait for it */
        nhi_unlock(&g_lock);
        return 0;
    }
    /* the lock is held while the platform starts, so other processes wait instead of starting another */
    while (nhi_now_ms() < deadline) {
        nhi_socket s = nhi_connect(in->host, in->port, nhi_now_ms() + 500);
        if (s != NHI_NO_SOCKET) {
            nhi_close_socket(s);
            if (!in->demo || demo_ready(in, g_spawned_wall)) {
                break;
            }
        }
        nhi_sleep_ms(250);
    }
    nhi_start_unlock(lock);
    nhi_lock(&g_lock);
    g_spawned_at = -1; /* this start is over: a platform stopped later is started again by the next call */
    nhi_unlock(&g_lock);
    return deadline;
}

/** Waits until the platform that is being started takes connections (and, in demo mode, its world is set up). */
static nhi_socket wait_for_start(nhi_install *in, long long deadline) {
    nhi_lock(&g_lock);
    time_t since = g_spawned_at >= 0 ? g_spawned_wall : 0; /* 0: another process starts it */
    nhi_unlock(&g_lock);
    while (nhi_now_ms() < deadline) {
        installation(in, 1);
        nhi_socket s = nhi_connect(in->host, in->port, nhi_now_ms() + 500);
        if (s != NHI_NO_SOCKET) {
            if (!in->demo || demo_ready(in, since)) {
                return s;
            }
            nhi_close_socket(s);
        }
        nhi_sleep_ms(200);
    }
    return NHI_NO_SOCKET;
}

int nhi_link_call(nhi_set set, const char *function, const unsigned char *request, size_t length,
                  unsigned char *body, size_t capacity, nhi_answer *answer) {
    long timeout = nhi_env_number("NHI_TIMEOUT_MS", 3000, 100, 600000);
    long long deadline = nhi_now_ms() + timeout;
    nhi_install in;
    installation(&in, 0);
    int token_retried = 0;
    int stale_retried = 0;
    for (;;) {
        int reused = 1;
        nhi_socket s = take_idle(in.port);
        if (s == NHI_NO_SOCKET) {
            reused = 0;
            s = nhi_connect(in.host, in.port, deadline);
        }
        if (s == NHI_NO_SOCKET) {
            installation(&in, 1); /* restarted on another port? */
            s = nhi_connect(in.host, in.port, deadline);
        }
        if (s == NHI_NO_SOCKET) {
            long long start_deadline = start_platform(&in);
            if (start_deadline == 0) {
                return unreachable_code(set, function);
            }
            s = wait_for_start(&in, start_deadline);
            if (s == NHI_NO_SOCKET) {
                return unreachable_code(set, function);
            }
            deadline = nhi_now_ms() + timeout;
        }
        http_head h;
        size_t body_length = 0;
        int r = exchange(s, &in, set, function, request, length, body, capacity, &h, &body_length, deadline);
        if (r == EXCHANGE_NOTHING && reused && !stale_retried) {
            /* the platform closed an idle connection (idle timeout, restart): so it did the others kept with
               it; drop them all and send once more on a new one */
            nhi_close_socket(s);
            nhi_lock(&g_lock);
            drop_idle_locked();
            nhi_unlock(&g_lock);
            stale_retried = 1;
            continue;
        }
        if (r != EXCHANGE_OK) {
            nhi_close_socket(s);
            return unreachable_code(set, function);
        }
        if (h.binary && body_length >= 4 && (h.status == 200 || h.status == 400 || h.status == 404
                                             || h.status == 413)) {
            if (h.keep_alive) {
                give_back(s, in.port);
            } else {
                nhi_close_socket(s);
            }
            answer->body = body;
            answer->length = body_length;
            answer->rc = (int)((unsigned int)body[0] | (unsigned int)body[1] << 8 | (unsigned int)body[2] << 16
                               | (unsigned int)body[3] << 24);
            return 0;
        }
        nhi_close_socket(s);
        if (h.status == 401 && !token_retried) {
            token_retried = 1; /* the token was rotated: read it again */
            installation(&in, 1);
            continue;
        }
        if ((h.status == 429 || h.status == 503) && nhi_now_ms() < deadline - 50) {
            long wait = h.retry_after > 0 ? 200 : 50; /* rate limit or a facade being updated: shortly again */
            long left = (long)(deadline - nhi_now_ms()) - 10;
            nhi_sleep_ms((int)(wait < left ? wait : left));
            continue;
        }
        return h.status == 503 ? 9005 : unreachable_code(set, function);
    }
}

#ifndef _WIN32
__attribute__((destructor)) static void unloaded(void) {
    nhi_lock(&g_lock);
    drop_idle_locked();
    nhi_unlock(&g_lock);
}
#else
BOOL WINAPI DllMain(HINSTANCE module, DWORD reason, LPVOID reserved) {
    (void)module;
    if (reason == DLL_PROCESS_DETACH && reserved == NULL) {
        /* FreeLibrary, not process exit: give the sockets back. No WSACleanup here (it may deadlock in
           DllMain): Winsock's count of this library's WSAStartup stays until the process ends. */
        for (int i = 0; i < g_idle_count; i++) {
            closesocket(g_idle[i]);
        }
        g_idle_count = 0;
    }
    return TRUE;
}
#endif
