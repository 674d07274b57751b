/* SPDX-License-Identifier: Apache-2.0 */
/* Starting the platform and the start lock on Windows. */
#ifdef _WIN32
#include "link.h"
#include "os.h"

#include <stdio.h>
#include <string.h>

static HANDLE g_start_lock = INVALID_HANDLE_VALUE;

int nhi_spawn_platform(const char *launcher, const char *home, int port, int demo) {
    size_t n = strlen(launcher);
    int script = n > 4 && (_stricmp(launcher + n - 4, ".cmd") == 0 || _stricmp(launcher + n - 4, ".bat") == 0);
    int program = n > 4 && _stricmp(launcher + n - 4, ".exe") == 0;
    /* only a Windows launcher: a POSIX script named by a platform on the other side of wine is not one */
    if ((!script && !program) || GetFileAttributesA(launcher) == INVALID_FILE_ATTRIBUTES) {
        return -1;
    }
    char line[3 * NHI_PATH_MAX];
    snprintf(line, sizeof line, "%s\"%s\" --home \"%s\" --port %d%s%s", script ? "cmd.exe /d /c \"" : "",
             launcher, home, port, demo ? " --demo" : "", script ? "\"" : "");
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    memset(&si, 0, sizeof si);
    si.cb = sizeof si;
    /* detached from the HIS: no console of its, its own process group, no handle of the HIS inherited */
    if (!CreateProcessA(NULL, line, NULL, NULL, FALSE,
                        DETACHED_PROCESS | CREATE_NEW_PROCESS_GROUP | CREATE_NO_WINDOW, NULL, home, &si, &pi)) {
        return -1;
    }
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return 0;
}

long nhi_try_start_lock(const char *home) {
    char path[NHI_PATH_MAX + 32];
    snprintf(path, sizeof path, "%s\\INI\\.cshis-start.lock", home);
    HANDLE h = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        return 1; /* no lock file possible: this process goes ahead alone */
    }
    OVERLAPPED o;
    memset(&o, 0, sizeof o);
    if (!LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &o)) {
        CloseHandle(h);
        return -1;
    }
    g_start_lock = h; /* one start at a time per process (start_platform's own guard) */
    return 0;
}

void nhi_start_unlock(long handle) {
    if (handle == 0 && g_start_lock != INVALID_HANDLE_VALUE) {
        CloseHandle(g_start_lock); /* closing releases the lock */
        g_start_lock = INVALID_HANDLE_VALUE;
    }
}
#endif
