/* SPDX-License-Identifier: Apache-2.0 */
/*
 * PIN entry for the functions that pop a PIN dialog in NHI's DLL (1.27, 1.28, 4.2–4.4, and reads of a card
 * that asks its holder's PIN). The PIN is asked on the HIS's PC through the program named by NHI_PINENTRY (the
 * askpass convention: the prompt as its argument, the PIN on its standard output, a non-zero exit for
 * "cancelled"); without one, Windows shows the library's PIN dialog (pin_dialog.c) and other systems ask
 * nothing (the platform answers 5109, as for a cancelled entry). A PIN is never logged or kept.
 */
#if !defined(_WIN32) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE
#endif
#include "link.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

static const char *prompt_of(nhi_pin_purpose purpose, int again) {
    switch (purpose) {
    case NHI_PIN_HC:
        return "健保卡 PIN (health card PIN)";
    case NHI_PIN_HC_NEW:
        return again ? "再輸入一次新的健保卡 PIN (new health card PIN again)" : "新的健保卡 PIN (new health card PIN)";
    case NHI_PIN_HPC:
        return "醫事人員卡 PIN (health professional card PIN)";
    case NHI_PIN_HPC_NEW:
        return again ? "再輸入一次新的醫事人員卡 PIN (new HPC PIN again)" : "新的醫事人員卡 PIN (new HPC PIN)";
    case NHI_PIN_HPC_PUK:
        return "醫事人員卡解鎖碼 PUK (HPC unblocking code)";
    }
    return "PIN";
}

/** Runs the PIN entry program once: 0 with the PIN, 5109 cancelled or failed. */
static int run_entry(const char *program, const char *prompt, char *pin, size_t size) {
    memset(pin, 0, size);
#ifdef _WIN32
    /* in UTF-16, so the Chinese prompt reaches the program intact whatever the code page */
    char line[NHI_PATH_MAX + 256];
    snprintf(line, sizeof line, "\"\"%s\" \"%s\"\"", program, prompt);
    wchar_t wide[NHI_PATH_MAX + 256];
    if (MultiByteToWideChar(CP_UTF8, 0, line, -1, wide, NHI_PATH_MAX + 256) == 0) {
        return 5109;
    }
    FILE *f = _wpopen(wide, L"rb");
    if (f == NULL) {
        return 5109;
    }
    if (fgets(pin, (int)size, f) == NULL) {
        pin[0] = '\0';
    }
    int status = _pclose(f);
    if (status != 0) {
        memset(pin, 0, size);
        return 5109;
    }
#else
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        return 5109;
    }
    char *argv[] = {(char *)program, (char *)prompt, NULL};
    pid_t child = fork();
    if (child < 0) {
        close(fds[0]);
        close(fds[1]);
        return 5109;
    }
    if (child == 0) {
        dup2(fds[1], 1);
        execv(program, argv);
        _exit(127);
    }
    close(fds[1]);
    size_t got = 0;
    while (got + 1 < size) {
        ssize_t k = read(fds[0], pin + got, size - 1 - got);
        if (k <= 0) {
            break;
        }
        got += (size_t)k;
    }
    char drain[64];
    while (read(fds[0], drain, sizeof drain) > 0) {
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(child, &status, 0) < 0) {
    }
    memset(drain, 0, sizeof drain);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        memset(pin, 0, size);
        return 5109;
    }
#endif
    pin[strcspn(pin, "\r\n")] = '\0';
    return pin[0] == '\0' ? 5109 : 0;
}

/** One entry: the configured program, else the Windows dialog; -1 when there is neither. */
static int entry(const char *prompt, char *pin, size_t size) {
    const char *program = getenv("NHI_PINENTRY");
    if (program != NULL && *program != '\0') {
        return run_entry(program, prompt, pin, size);
    }
#ifdef _WIN32
    return nhi_pin_dialog(prompt, pin, size);
#else
    (void)prompt;
    (void)pin;
    (void)size;
    return -1;
#endif
}

int nhi_ask_pin(nhi_pin_purpose purpose, char *pin, size_t size) {
    int rc = entry(prompt_of(purpose, 0), pin, size);
    if (rc != 0 || (purpose != NHI_PIN_HC_NEW && purpose != NHI_PIN_HPC_NEW)) {
        return rc;
    }
    char again[32];
    rc = entry(prompt_of(purpose, 1), again, sizeof again);
    if (rc == 0 && strcmp(again, pin) != 0) {
        rc = 5107; /* 使用者輸入兩次新 PIN 值，兩次 PIN 值不合 */
    }
    memset(again, 0, sizeof again);
    if (rc != 0) {
        memset(pin, 0, size);
    }
    return rc;
}
