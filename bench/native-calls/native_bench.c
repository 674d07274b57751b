/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Cached hisGetBasicData through the drop-in library (libcshis.so, linked as a HIS links it) next to the same
 * call made directly over HTTP from C (POST /v5/hisGetBasicData, JSON body {}, bearer token, one kept-alive
 * loopback connection per thread: the floor a HIS could reach by talking to the local API itself) and to the
 * library's own binary request sent by that same minimal client (what the platform costs the library, without the
 * library), in alternating rounds, with 1 and with 8 threads; then cold visits (a card the platform has not read
 * yet) through the library, next to the same visit over direct HTTP. Started by bench/native-calls/run.sh.
 *
 *   native_bench PORT TOKEN PLATFORM_PID ROUNDS CALLS COLD_REPS [THREADS...]
 *
 * CALLS is the number of measured calls per case (spread over the case's threads). Per case it prints the
 * per-call latency percentiles over all threads, calls/s (calls / wall time of the measured part), this
 * process's CPU per call (the client side: the library or the minimal client) and the platform JVM's CPU per
 * call (/proc/PID/stat, 10 ms ticks), then per round the ratios library/direct and at the end their medians.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "cshis.h"

#define MAX_THREADS 64
#define MAX_ROUNDS 200
#define WARMUP_PER_THREAD 100

static int g_port;
static char g_token[256];
static int g_platform_pid;
static unsigned char g_reference[72]; /* the card's basic data, as the first (cold) call read it */

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void die(const char *what) {
    fprintf(stderr, "native_bench: %s\n", what);
    exit(1);
}

/* ---- the direct HTTP client: blocking, one kept-alive connection, status line and Content-Length only ---- */

typedef struct {
    int fd;
    char in[32768];
} conn;

static int conn_open(conn *c) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)g_port);
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
    if (c->fd < 0) {
        return -1;
    }
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(c->fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(c->fd);
        c->fd = -1;
        return -1;
    }
    return 0;
}

static void conn_close(conn *c) {
    if (c->fd >= 0) {
        close(c->fd);
    }
    c->fd = -1;
}

/** One request; returns the HTTP status (the body in c->in, with body and length set) or -1 when the connection failed. */
static int exchange(conn *c, const char *req, size_t req_len, const char **body, size_t *length) {
    size_t sent = 0;
    while (sent < req_len) {
        ssize_t k = send(c->fd, req + sent, req_len - sent, MSG_NOSIGNAL);
        if (k <= 0) {
            return -1;
        }
        sent += (size_t)k;
    }
    size_t got = 0;
    char *end = NULL;
    while (end == NULL) {
        if (got >= sizeof c->in - 1) {
            return -1;
        }
        ssize_t k = recv(c->fd, c->in + got, sizeof c->in - 1 - got, 0);
        if (k <= 0) {
            return -1;
        }
        got += (size_t)k;
        c->in[got] = '\0';
        end = strstr(c->in, "\r\n\r\n");
    }
    if (strncmp(c->in, "HTTP/1.", 7) != 0) {
        return -1;
    }
    int status = atoi(c->in + 9);
    long content_length = -1;
    for (char *line = strstr(c->in, "\r\n"); line != NULL && line < end; line = strstr(line, "\r\n")) {
        line += 2;
        if (strncasecmp(line, "content-length:", 15) == 0) {
            content_length = strtol(line + 15, NULL, 10);
        }
    }
    size_t head = (size_t)(end - c->in) + 4;
    if (content_length < 0 || head + (size_t)content_length >= sizeof c->in) {
        return -1;
    }
    while (got < head + (size_t)content_length) {
        ssize_t k = recv(c->fd, c->in + got, head + (size_t)content_length - got, 0);
        if (k <= 0) {
            return -1;
        }
        got += (size_t)k;
    }
    c->in[got] = '\0';
    *body = c->in + head;
    *length = (size_t)content_length;
    return status;
}

/** A request on the kept-alive connection, reconnecting once when the platform closed it meanwhile. */
static int http(conn *c, const char *method, const char *path, const char *json, const char **body, size_t *length) {
    char req[1024];
    int n = snprintf(req, sizeof req,
                     "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAuthorization: Bearer %s\r\n"
                     "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                     method, path, g_port, g_token, strlen(json), json);
    for (int attempt = 0; attempt < 2; attempt++) {
        if (c->fd < 0 && conn_open(c) != 0) {
            return -1;
        }
        int status = exchange(c, req, (size_t)n, body, length);
        if (status >= 0) {
            return status;
        }
        conn_close(c);
    }
    return -1;
}

/* ---- measuring one case ---------------------------------------------------------------------------------- */

/* LIB: the library; DIRECT: JSON over the minimal client (the acceptance floor); DIRECT_BIN: the library's own
 * binary request over the minimal client (what the platform answers the library, without the library) */
enum { LIB = 0, DIRECT = 1, DIRECT_BIN = 2, MODES = 3 };
static const char *mode_name[] = {"library", "direct JSON", "direct bin"};

typedef struct {
    int mode;
    int calls;
    uint64_t *lat; /* this thread's latencies, ns */
    int errors;
    char error[256];
    pthread_barrier_t *start, *end;
} worker;

/* the requests a direct caller sends, built once (as a HIS would): JSON, and the library's binary format */
static char g_direct_req[2][1024];
static size_t g_direct_len[2];
static size_t g_direct_answer_len[2];

static int one_call(int mode, conn *c, char *error, size_t error_size) {
    if (mode == LIB) {
        char buf[72];
        short len = sizeof buf;
        int rc = hisGetBasicData(buf, &len);
        if (rc != 0 || len != 72 || memcmp(buf, g_reference, 72) != 0) {
            snprintf(error, error_size, "library: hisGetBasicData answered %d (length %d)", rc, len);
            return -1;
        }
        return 0;
    }
    int b = mode == DIRECT_BIN;
    const char *body = NULL;
    size_t length = 0;
    int status = -1;
    for (int attempt = 0; attempt < 2 && status < 0; attempt++) {
        if (c->fd < 0 && conn_open(c) != 0) {
            break;
        }
        status = exchange(c, g_direct_req[b], g_direct_len[b], &body, &length);
        if (status < 0) {
            conn_close(c);
        }
    }
    int ok = status == 200 && length == g_direct_answer_len[b]
             && (b ? memcmp(body, "\0\0\0\0", 4) == 0 : strstr(body, "\"code\":0,") != NULL);
    if (!ok) {
        snprintf(error, error_size, "%s: HTTP %d, %.200s", mode_name[mode], status, status >= 0 ? body : "(none)");
        return -1;
    }
    return 0;
}

static void *run_worker(void *arg) {
    worker *w = arg;
    conn c = {.fd = -1};
    for (int i = 0; i < WARMUP_PER_THREAD; i++) {
        if (one_call(w->mode, &c, w->error, sizeof w->error) != 0) {
            w->errors++;
        }
    }
    pthread_barrier_wait(w->start);
    for (int i = 0; i < w->calls; i++) {
        uint64_t t0 = now_ns();
        int r = one_call(w->mode, &c, w->error, sizeof w->error);
        w->lat[i] = now_ns() - t0;
        if (r != 0) {
            w->errors++;
        }
    }
    pthread_barrier_wait(w->end);
    conn_close(&c);
    return NULL;
}

typedef struct {
    double p50, p90, p99, rate, cpu_client, cpu_platform; /* µs, µs, µs, calls/s, µs/call, µs/call */
} result;

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double percentile(const uint64_t *sorted, size_t n, double p) {
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return (double)sorted[i] / 1000.0;
}

static double median(double *v, int n) {
    double *c = malloc(sizeof(double) * (size_t)n);
    memcpy(c, v, sizeof(double) * (size_t)n);
    qsort(c, (size_t)n, sizeof(double), cmp_double);
    double m = n % 2 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    free(c);
    return m;
}

static double self_cpu_us(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_utime.tv_sec * 1e6 + (double)u.ru_utime.tv_usec + (double)u.ru_stime.tv_sec * 1e6
           + (double)u.ru_stime.tv_usec;
}

static double platform_cpu_us(void) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", g_platform_pid);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return 0;
    }
    char line[4096];
    size_t n = fread(line, 1, sizeof line - 1, f);
    fclose(f);
    line[n] = '\0';
    char *p = strrchr(line, ')'); /* the command name may hold spaces */
    unsigned long utime = 0, stime = 0;
    if (p == NULL || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2) {
        return 0;
    }
    return (double)(utime + stime) * 1e6 / (double)sysconf(_SC_CLK_TCK);
}

static result run_case(int mode, int threads, int calls) {
    pthread_barrier_t start, end;
    pthread_barrier_init(&start, NULL, (unsigned)threads + 1);
    pthread_barrier_init(&end, NULL, (unsigned)threads + 1);
    worker w[MAX_THREADS];
    pthread_t t[MAX_THREADS];
    int per = calls / threads;
    uint64_t *all = malloc(sizeof(uint64_t) * (size_t)per * (size_t)threads);
    for (int i = 0; i < threads; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].mode = mode;
        w[i].calls = per;
        w[i].lat = all + (size_t)i * (size_t)per;
        w[i].start = &start;
        w[i].end = &end;
        pthread_create(&t[i], NULL, run_worker, &w[i]);
    }
    pthread_barrier_wait(&start);
    double cpu0 = self_cpu_us(), plat0 = platform_cpu_us();
    uint64_t t0 = now_ns();
    pthread_barrier_wait(&end);
    uint64_t t1 = now_ns();
    double cpu1 = self_cpu_us(), plat1 = platform_cpu_us();
    for (int i = 0; i < threads; i++) {
        pthread_join(t[i], NULL);
        if (w[i].errors > 0) {
            fprintf(stderr, "native_bench: %d failed calls (%s), e.g. %s\n", w[i].errors, mode_name[mode], w[i].error);
            exit(1);
        }
    }
    pthread_barrier_destroy(&start);
    pthread_barrier_destroy(&end);
    size_t n = (size_t)per * (size_t)threads;
    qsort(all, n, sizeof(uint64_t), cmp_u64);
    result r;
    r.p50 = percentile(all, n, 0.50);
    r.p90 = percentile(all, n, 0.90);
    r.p99 = percentile(all, n, 0.99);
    r.rate = (double)n / ((double)(t1 - t0) / 1e9);
    r.cpu_client = (cpu1 - cpu0) / (double)n;
    r.cpu_platform = (plat1 - plat0) / (double)n;
    free(all);
    return r;
}

static void print_case(const char *label, int mode, int threads, result r) {
    printf("%-9s %-11s %d thr: p50 %7.1f  p90 %7.1f  p99 %7.1f µs  %7.0f calls/s  CPU/call: bench %5.1f µs, "
           "platform %6.1f µs\n",
           label, mode_name[mode], threads, r.p50, r.p90, r.p99, r.rate, r.cpu_client, r.cpu_platform);
    fflush(stdout);
}

/* ---- cold visits ----------------------------------------------------------------------------------------- */

static void sleep_ms(int ms) {
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

static void demo_cards(conn *c, const char *json) {
    const char *body;
    size_t length;
    int status = http(c, "POST", "/demo/cards", json, &body, &length);
    if (status != 200) {
        fprintf(stderr, "native_bench: POST /demo/cards %s answered %d: %.300s\n", json, status,
                status >= 0 ? body : "");
        exit(1);
    }
}

static int direct_code(conn *c, const char *path, const char *json) {
    const char *body;
    size_t length;
    int status = http(c, "POST", path, json, &body, &length);
    const char *code = status == 200 ? strstr(body, "\"code\":") : NULL;
    return code == NULL ? -1000 - status : atoi(code + 7);
}

/** Visits left (hisGetRegisterBasic2 bytes 8-9); tops the card up with csUpdateHCContents when few are left. */
static int keep_visits(void) {
    char reg[9];
    short len = sizeof reg;
    int rc = hisGetRegisterBasic2(reg, &len);
    if (rc != 0 || len < 9) {
        fprintf(stderr, "native_bench: hisGetRegisterBasic2 answered %d\n", rc);
        exit(1);
    }
    int left = (reg[7] - '0') * 10 + (reg[8] - '0');
    if (left < 2) {
        rc = csUpdateHCContents();
        if (rc != 0) {
            fprintf(stderr, "native_bench: csUpdateHCContents answered %d\n", rc);
            exit(1);
        }
    }
    return left;
}

static void cold_visits(int reps, const char *card) {
    if (reps <= 0) {
        return;
    }
    char insert[128];
    snprintf(insert, sizeof insert, "{\"slot\":\"hc\",\"card\":\"%s\"}", card);
    conn admin = {.fd = -1}, direct = {.fd = -1};
    static double basic[2][MAX_ROUNDS + 1], seq[2][MAX_ROUNDS + 1], visit[2][MAX_ROUNDS + 1];
    printf("\ncold visits: card %s taken out and inserted again before each visit, then hisGetBasicData and "
           "hisGetSeqNumber256(\"01\",\" \",\"1\"); library and direct JSON take turns; visit 0 is a warm-up, "
           "not counted\n", card);
    for (int rep = -1; rep < reps; rep++) {
        int at = rep + 1; /* slot 0: the warm-up visits */
        for (int k = 0; k < 2; k++) {
            int mode = (at + k) % 2 == 0 ? LIB : DIRECT;
            demo_cards(&admin, "{\"slot\":\"hc\"}");
            sleep_ms(150);
            demo_cards(&admin, insert);
            sleep_ms(400); /* the reader events are through: the engine has forgotten the card */
            int rc1, rc2;
            uint64_t t0 = now_ns(), t1, t2, t3;
            if (mode == LIB) {
                char b[72], s[296];
                short bl = sizeof b, sl = sizeof s;
                rc1 = hisGetBasicData(b, &bl);
                t1 = now_ns();
                rc2 = hisGetSeqNumber256("01", " ", "1", s, &sl);
                t2 = now_ns();
                bl = sizeof b;
                hisGetBasicData(b, &bl);
            } else {
                rc1 = direct_code(&direct, "/v5/hisGetBasicData", "{}");
                t1 = now_ns();
                rc2 = direct_code(&direct, "/v5/hisGetSeqNumber256",
                                  "{\"cTreatItem\":\"01\",\"cBabyTreat\":\" \",\"cTreatAfterCheck\":\"1\"}");
                t2 = now_ns();
                direct_code(&direct, "/v5/hisGetBasicData", "{}");
            }
            t3 = now_ns();
            if (rc1 != 0 || rc2 != 0) {
                fprintf(stderr, "native_bench: cold visit (%s): hisGetBasicData %d, hisGetSeqNumber256 %d\n",
                        mode_name[mode], rc1, rc2);
                exit(1);
            }
            basic[mode][at] = (double)(t1 - t0) / 1000.0;
            seq[mode][at] = (double)(t2 - t1) / 1000.0;
            visit[mode][at] = basic[mode][at] + seq[mode][at];
            int left = keep_visits();
            printf("cold %2d %-11s hisGetBasicData %8.1f µs  hisGetSeqNumber256 %8.1f µs  visit %8.1f µs  "
                   "(then cached hisGetBasicData %6.1f µs; visits left %d%s)%s\n",
                   at, mode_name[mode], basic[mode][at], seq[mode][at], visit[mode][at], (double)(t3 - t2) / 1000.0,
                   left, left < 2 ? ", topped up by csUpdateHCContents" : "",
                   basic[mode][at] < 2 * (double)(t3 - t2) / 1000.0 ? "  NOT COLD: answered from the cache?" : "");
            fflush(stdout);
        }
    }
    conn_close(&admin);
    conn_close(&direct);
    if (reps > 0) {
        printf("cold medians over %d visits each: library: hisGetBasicData %.1f µs, hisGetSeqNumber256 %.1f µs, "
               "visit %.1f µs | direct JSON: %.1f, %.1f, %.1f µs | visit ratio library/direct %.3f\n",
               reps, median(basic[LIB] + 1, reps), median(seq[LIB] + 1, reps), median(visit[LIB] + 1, reps),
               median(basic[DIRECT] + 1, reps), median(seq[DIRECT] + 1, reps), median(visit[DIRECT] + 1, reps),
               median(visit[LIB] + 1, reps) / median(visit[DIRECT] + 1, reps));
    }
}

/* ---- main ------------------------------------------------------------------------------------------------- */

static void print_ratios(const char *label, int threads, const double *p50r, const double *rater, int rounds) {
    double pr = median((double *)p50r, rounds), rr = median((double *)rater, rounds);
    printf("  %s, %d thr: p50 %.3f (%+.1f %%), calls/s %.3f (%+.1f %% time per call)\n    per round p50:", label,
           threads, pr, (pr - 1) * 100, rr, (1 / rr - 1) * 100);
    for (int r = 0; r < rounds; r++) {
        printf(" %.2f", p50r[r]);
    }
    printf("; calls/s:");
    for (int r = 0; r < rounds; r++) {
        printf(" %.2f", rater[r]);
    }
    printf("\n");
}

/* per case (thread count), mode and round */
static double g_p50[8][MODES][MAX_ROUNDS], g_p90[8][MODES][MAX_ROUNDS], g_p99[8][MODES][MAX_ROUNDS];
static double g_rate[8][MODES][MAX_ROUNDS], g_cpuc[8][MODES][MAX_ROUNDS], g_cpup[8][MODES][MAX_ROUNDS];
static double g_p50_ratio[8][2][MAX_ROUNDS], g_rate_ratio[8][2][MAX_ROUNDS]; /* library / DIRECT, DIRECT_BIN */

int main(int argc, char **argv) {
    if (argc < 7) {
        die("usage: native_bench PORT TOKEN PLATFORM_PID ROUNDS CALLS COLD_REPS [THREADS...]");
    }
    g_port = atoi(argv[1]);
    snprintf(g_token, sizeof g_token, "%s", argv[2]);
    g_platform_pid = atoi(argv[3]);
    int rounds = atoi(argv[4]);
    int calls = atoi(argv[5]);
    int cold_reps = atoi(argv[6]);
    int thread_counts[8] = {1, 8};
    int cases = 2;
    if (argc > 7) {
        cases = 0;
        for (int i = 7; i < argc && cases < 8; i++) {
            thread_counts[cases++] = atoi(argv[i]);
        }
    }
    if (rounds < 0 || rounds > MAX_ROUNDS || cold_reps < 0 || cold_reps > MAX_ROUNDS || calls < 1) {
        die("ROUNDS and COLD_REPS: 0..200, CALLS >= 1");
    }
    for (int i = 0; i < cases; i++) {
        if (thread_counts[i] < 1 || thread_counts[i] > MAX_THREADS) {
            die("THREADS: 1..64");
        }
    }
    g_direct_len[0] = (size_t)snprintf(g_direct_req[0], sizeof g_direct_req[0],
                                       "POST /v5/hisGetBasicData HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                                       "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                                       "Content-Length: 2\r\n\r\n{}",
                                       g_port, g_token);
    /* the library's request for hisGetBasicData: one item, iBufferLen = 72 (int32 LE) */
    static const char item[] = "\x0aiBufferLen" "i" "\x48\0\0\0";
    int n = snprintf(g_direct_req[1], sizeof g_direct_req[1],
                     "POST /v5/hisGetBasicData HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAuthorization: Bearer %s\r\n"
                     "Content-Type: application/vnd.opennhi.call\r\nAccept: application/vnd.opennhi.call\r\n"
                     "Content-Length: %zu\r\n\r\n",
                     g_port, g_token, sizeof item - 1);
    memcpy(g_direct_req[1] + n, item, sizeof item - 1);
    g_direct_len[1] = (size_t)n + sizeof item - 1;

    /* the first call through the library reads the card; every measured one must answer the same bytes */
    char first[72];
    short first_len = sizeof first;
    uint64_t t0 = now_ns();
    int rc = hisGetBasicData(first, &first_len);
    printf("first hisGetBasicData through the library (connection, card read): %d in %.1f ms\n", rc,
           (double)(now_ns() - t0) / 1e6);
    if (rc != 0 || first_len != 72) {
        die("hisGetBasicData through the library did not answer 0 with 72 bytes");
    }
    memcpy(g_reference, first, 72);
    for (int b = 0; b < 2; b++) {
        conn probe = {.fd = -1};
        const char *body = NULL;
        size_t length = 0;
        int status = conn_open(&probe) == 0 ? exchange(&probe, g_direct_req[b], g_direct_len[b], &body, &length) : -1;
        if (status != 200 || (b == 0 && strstr(body, "\"code\":0,") == NULL)
            || (b == 1 && (length < 4 || memcmp(body, "\0\0\0\0", 4) != 0 || memmem(body, length, g_reference, 72) == NULL))) {
            die(b == 0 ? "direct POST /v5/hisGetBasicData (JSON) did not answer 200 with code 0"
                       : "direct POST /v5/hisGetBasicData (binary) did not answer 200 with return 0 and the card's data");
        }
        g_direct_answer_len[b] = length;
        conn_close(&probe);
    }
    printf("answer bodies: JSON %zu bytes, binary %zu bytes\n", g_direct_answer_len[0], g_direct_answer_len[1]);

    /* warm-up: every path and thread count, unmeasured (the platform runs C1 only: it settles quickly) */
    for (int i = 0; i < cases; i++) {
        for (int m = 0; m < MODES; m++) {
            run_case(m, thread_counts[i], calls / 4 > 1000 ? calls / 4 : 1000);
        }
    }

    for (int r = 0; r < rounds; r++) {
        char label[16];
        snprintf(label, sizeof label, "round %d", r + 1);
        for (int i = 0; i < cases; i++) {
            result res[MODES];
            for (int k = 0; k < MODES; k++) {
                int mode = (r + i + k) % MODES; /* who goes first rotates from round to round */
                res[mode] = run_case(mode, thread_counts[i], calls);
                print_case(label, mode, thread_counts[i], res[mode]);
            }
            for (int m = 0; m < MODES; m++) {
                g_p50[i][m][r] = res[m].p50;
                g_p90[i][m][r] = res[m].p90;
                g_p99[i][m][r] = res[m].p99;
                g_rate[i][m][r] = res[m].rate;
                g_cpuc[i][m][r] = res[m].cpu_client;
                g_cpup[i][m][r] = res[m].cpu_platform;
            }
            for (int d = 0; d < 2; d++) {
                g_p50_ratio[i][d][r] = res[LIB].p50 / res[DIRECT + d].p50;
                g_rate_ratio[i][d][r] = res[LIB].rate / res[DIRECT + d].rate;
            }
            printf("%-9s %d thr: library/direct JSON p50 %.3f, calls/s %.3f; library/direct bin p50 %.3f, "
                   "calls/s %.3f\n",
                   label, thread_counts[i], g_p50_ratio[i][0][r], g_rate_ratio[i][0][r], g_p50_ratio[i][1][r],
                   g_rate_ratio[i][1][r]);
            fflush(stdout);
        }
    }
    if (rounds > 0) {
        printf("\nmedians over %d rounds (%d calls per case):\n", rounds, calls);
        for (int i = 0; i < cases; i++) {
            for (int m = 0; m < MODES; m++) {
                printf("  %-11s %d thr: p50 %7.1f  p90 %7.1f  p99 %7.1f µs  %7.0f calls/s  CPU/call: bench %5.1f µs, "
                       "platform %6.1f µs\n",
                       mode_name[m], thread_counts[i], median(g_p50[i][m], rounds), median(g_p90[i][m], rounds),
                       median(g_p99[i][m], rounds), median(g_rate[i][m], rounds), median(g_cpuc[i][m], rounds),
                       median(g_cpup[i][m], rounds));
            }
            print_ratios("ratio library/direct JSON (target p50 <= 1.10)", thread_counts[i], g_p50_ratio[i][0],
                         g_rate_ratio[i][0], rounds);
            print_ratios("ratio library/direct bin (the library's own cost)", thread_counts[i], g_p50_ratio[i][1],
                         g_rate_ratio[i][1], rounds);
        }
    }
    fflush(stdout);
    cold_visits(cold_reps, "900000000001");
    return 0;
}
