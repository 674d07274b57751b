/* SPDX-License-Identifier: Apache-2.0 */
/* Starting the platform and the start lock on Linux (and other POSIX systems). */
#ifndef _WIN32
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "link.h"
#include "os.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int nhi_spawn_platform(const char *launcher, const char *home, int port, int demo) {
    if (access(launcher, X_OK) != 0) {
        return -1;
    }
    /* everything the children need is prepared before fork: after it only async-signal-safe calls */
    char port_text[16];
    snprintf(port_text, sizeof port_text, "%d", port);
    char log[NHI_PATH_MAX + 32];
    snprintf(log, sizeof log, "%s/LOG/nhi-cs-start.log", home);
    char *argv[] = {(char *)launcher, "--home", (char *)home, "--port", port_text, demo ? "--demo" : NULL, NULL};
    long max_fd = sysconf(_SC_OPEN_MAX);
    if (max_fd < 0 || max_fd > 4096) {
        max_fd = 4096;
    }
    pid_t child = fork();
    if (child < 0) {
        return -1;
    }
    if (child == 0) {
        /* detached from the HIS: a session of its own, reparented to init by the second fork */
        setsid();
        if (fork() != 0) {
            _exit(0);
        }
        int in = open("/dev/null", O_RDONLY);
        int out = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (out < 0) {
            out = open("/dev/null", O_WRONLY);
        }
        dup2(in, 0);
        dup2(out, 1);
        dup2(out, 2);
        for (long fd = 3; fd < max_fd; fd++) {
            close((int)fd);
        }
        execv(launcher, argv);
        _exit(127);
    }
    int status;
    while (waitpid(child, &status, 0) < 0) {
    }
    return 0;
}

long nhi_try_start_lock(const char *home) {
    char path[NHI_PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/INI/.cshis-start.lock", home);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        return 1L << 30; /* no lock file possible (read-only INI): this process goes ahead alone */
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

void nhi_start_unlock(long handle) {
    if (handle >= 0 && handle < (1L << 30)) {
        close((int)handle); /* closing releases the flock */
    }
}
#endif
