/* SPDX-License-Identifier: Apache-2.0 */
/* The few operating-system parts the link needs, for POSIX and Windows (Winsock, SRW locks). */
#ifndef NHI_OS_H
#define NHI_OS_H

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
typedef SOCKET nhi_socket;
#define NHI_NO_SOCKET INVALID_SOCKET
typedef SRWLOCK nhi_mutex;
#define NHI_MUTEX_INIT SRWLOCK_INIT
static inline void nhi_lock(nhi_mutex *m) { AcquireSRWLockExclusive(m); }
static inline void nhi_unlock(nhi_mutex *m) { ReleaseSRWLockExclusive(m); }
static inline void nhi_close_socket(nhi_socket s) { closesocket(s); }
static inline void nhi_sleep_ms(int ms) { Sleep((DWORD)ms); }
#else
#include <pthread.h>
#include <time.h>
#include <unistd.h>
typedef int nhi_socket;
#define NHI_NO_SOCKET (-1)
typedef pthread_mutex_t nhi_mutex;
#define NHI_MUTEX_INIT PTHREAD_MUTEX_INITIALIZER
static inline void nhi_lock(nhi_mutex *m) { pthread_mutex_lock(m); }
static inline void nhi_unlock(nhi_mutex *m) { pthread_mutex_unlock(m); }
static inline void nhi_close_socket(nhi_socket s) { close(s); }
static inline void nhi_sleep_ms(int ms) {
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}
#endif

/** Starts the platform's launcher detached from this process. Returns 0 when it was started. */
int nhi_spawn_platform(const char *launcher, const char *home, int port, int demo);

/**
 * The installation-wide start lock (INI/.cshis-start.lock), so several HIS processes start one platform.
 * Returns a handle (>= 0) when this process holds it now, -1 when another one does.
 */
long nhi_try_start_lock(const char *home);
void nhi_start_unlock(long handle);

#endif
