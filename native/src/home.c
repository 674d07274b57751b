/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Finding the installation: the NHI home (NHI_HOME; else the home whose LIB folder this library was loaded
 * from; else C:\NHI on Windows, ~/NHI or /nhi elsewhere), and in it INI/cshis.ini (written by the platform)
 * and INI/api-token. Read afresh whenever the link (re)connects, so a restart on another port or a rotated
 * token is picked up without reloading the library.
 */
#if !defined(_WIN32) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE /* dladdr */
#endif
#include "link.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#define SEP "\\"
#else
#include <dlfcn.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#define SEP "/"
#endif

long long nhi_now_ms(void) {
#ifdef _WIN32
    return (long long)GetTickCount64();
#else
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
#endif
}

long nhi_env_number(const char *name, long fallback, long min, long max) {
    const char *v = getenv(name);
    if (v == NULL || *v == '\0') {
        return fallback;
    }
    char *end;
    long n = strtol(v, &end, 10);
    return *end == '\0' && n >= min && n <= max ? n : fallback;
}

/* an object of this library, whose address tells which file the library was loaded from */
static const char g_anchor = 0;

void nhi_library_path(char *out, size_t size) {
    out[0] = '\0';
#ifdef _WIN32
    HMODULE self = NULL;
    if (GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                           (LPCSTR)&g_anchor, &self)) {
        DWORD n = GetModuleFileNameA(self, out, (DWORD)size);
        if (n == 0 || n >= size) {
            out[0] = '\0';
        }
    }
#else
    Dl_info info;
    if (dladdr(&g_anchor, &info) && info.dli_fname != NULL) {
        char *real = realpath(info.dli_fname, NULL);
        snprintf(out, size, "%s", real != NULL ? real : info.dli_fname);
        free(real);
    }
#endif
}

static int is_dir(const char *path) {
#ifdef _WIN32
    DWORD a = GetFileAttributesA(path);
    return a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY);
#else
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
#endif
}

static int has_ini(const char *home) {
    char p[NHI_PATH_MAX];
    snprintf(p, sizeof p, "%s" SEP "INI", home);
    return is_dir(p);
}

/** The home whose LIB (or lib, or LIB\x64) folder holds this library, if it has an INI folder. */
static int home_of_library(char *out, size_t size) {
    char path[NHI_PATH_MAX];
    nhi_library_path(path, sizeof path);
    for (int up = 0; up < 2; up++) {
        char *slash = strrchr(path, SEP[0]);
        if (slash == NULL) {
            return 0;
        }
        *slash = '\0';
        const char *dir = strrchr(path, SEP[0]);
        dir = dir == NULL ? path : dir + 1;
        if (strcmp(dir, "LIB") == 0 || strcmp(dir, "lib") == 0 || strcmp(dir, "Lib") == 0) {
            char home[NHI_PATH_MAX];
            snprintf(home, sizeof home, "%.*s", (int)(dir - path > 0 ? dir - path - 1 : 0), path);
            if (home[0] != '\0' && has_ini(home)) {
                snprintf(out, size, "%s", home);
                return 1;
            }
            return 0;
        }
    }
    return 0;
}

static void choose_home(char *out, size_t size) {
    const char *env = getenv("NHI_HOME");
    if (env != NULL && *env != '\0') {
        snprintf(out, size, "%s", env);
        return;
    }
    if (home_of_library(out, size)) {
        return;
    }
#ifdef _WIN32
    snprintf(out, size, "C:\\NHI");
#else
    const char *user = getenv("HOME");
    if (user != NULL && *user != '\0') {
        snprintf(out, size, "%s/NHI", user);
        if (has_ini(out)) {
            return;
        }
    }
    if (has_ini("/nhi") || user == NULL || *user == '\0') {
        snprintf(out, size, "/nhi");
    }
#endif
}

static void trim(char *s) {
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1])) {
        s[--n] = '\0';
    }
    size_t lead = 0;
    while (s[lead] != '\0' && isspace((unsigned char)s[lead])) {
        lead++;
    }
    memmove(s, s + lead, n - lead + 1);
}

/** INI/cshis.ini: [LocalAPI] Host, Port; [Start] OpenConsoleOnCall, Launcher, Demo. */
static void read_link_file(nhi_install *in) {
    char path[NHI_PATH_MAX + 32];
    snprintf(path, sizeof path, "%s" SEP "INI" SEP "cshis.ini", in->home);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return;
    }
    char line[NHI_PATH_MAX + 64];
    while (fgets(line, sizeof line, f) != NULL) {
        trim(line);
        char *eq = strchr(line, '=');
        if (line[0] == ';' || line[0] == '[' || eq == NULL) {
            continue;
        }
        *eq = '\0';
        char *key = line;
        char *value = eq + 1;
        trim(key);
        trim(value);
        if (strcmp(key, "Host") == 0) {
            snprintf(in->host, sizeof in->host, "%s", value);
        } else if (strcmp(key, "Port") == 0) {
            int p = atoi(value);
            if (p > 0 && p < 65536) {
                in->port = p;
            }
        } else if (strcmp(key, "OpenConsoleOnCall") == 0) {
            in->open_console_on_call = atoi(value) != 0;
        } else if (strcmp(key, "Launcher") == 0) {
            snprintf(in->launcher, sizeof in->launcher, "%s", value);
        } else if (strcmp(key, "Demo") == 0) {
            in->demo = atoi(value) != 0;
        }
    }
    fclose(f);
}

static void read_token(nhi_install *in) {
    char path[NHI_PATH_MAX + 32];
    snprintf(path, sizeof path, "%s" SEP "INI" SEP "api-token", in->home);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return;
    }
    if (fgets(in->token, sizeof in->token, f) == NULL) {
        in->token[0] = '\0';
    }
    fclose(f);
    trim(in->token);
}

void nhi_read_install(nhi_install *out) {
    memset(out, 0, sizeof *out);
    choose_home(out->home, sizeof out->home);
    snprintf(out->host, sizeof out->host, "127.0.0.1");
    out->port = 7711;
    read_link_file(out);
    read_token(out);
}
