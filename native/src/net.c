/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Loopback TCP with deadlines: every wait of the link (connect, send, answer) ends by its call's deadline, so no
 * call of the HIS can hang on a platform that does not answer.
 */
#include "net.h"
#include "link.h"

#include <string.h>

#ifndef _WIN32
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#define POLL poll
typedef struct pollfd nhi_pollfd;
#endif

static int wait_for(nhi_socket s, short events, long long deadline) {
    for (;;) {
        long long left = deadline - nhi_now_ms();
        if (left <= 0) {
            return 0;
        }
#ifdef _WIN32
        /* select, not WSAPoll: WSAPoll does not report a refused connection before Windows 10 2004 */
        fd_set ready;
        fd_set failed;
        FD_ZERO(&ready);
        FD_ZERO(&failed);
        FD_SET(s, &ready);
        FD_SET(s, &failed);
        struct timeval t = {(long)(left / 1000), (long)(left % 1000) * 1000};
        int n = select(0, events == POLLIN ? &ready : NULL, events == POLLIN ? NULL : &ready, &failed, &t);
        return n > 0; /* a failed connect shows in the second set; SO_ERROR then says how */
#else
        nhi_pollfd p;
        memset(&p, 0, sizeof p);
        p.fd = s;
        p.events = events;
        int n = POLL(&p, 1, (int)left);
        if (n > 0) {
            return 1;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        return 0;
#endif
    }
}

nhi_socket nhi_connect(const char *host, int port, long long deadline) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)port);
    if (inet_pton(AF_INET, host, &a.sin_addr) != 1) {
        inet_pton(AF_INET, "127.0.0.1", &a.sin_addr); /* only loopback addresses are written there */
    }
    nhi_socket s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    if (s == NHI_NO_SOCKET) {
        return s;
    }
#ifdef _WIN32
    u_long nonblocking = 1;
    ioctlsocket(s, FIONBIO, &nonblocking);
    SetHandleInformation((HANDLE)s, HANDLE_FLAG_INHERIT, 0);
#else
    fcntl(s, F_SETFL, fcntl(s, F_GETFL) | O_NONBLOCK);
    fcntl(s, F_SETFD, FD_CLOEXEC);
#endif
    int one = 1;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (const char *)&one, sizeof one);
    if (connect(s, (struct sockaddr *)&a, sizeof a) != 0) {
#ifdef _WIN32
        int pending = WSAGetLastError() == WSAEWOULDBLOCK;
#else
        int pending = errno == EINPROGRESS;
#endif
        int err = 0;
        socklen_t len = sizeof err;
        if (!pending || !wait_for(s, POLLOUT, deadline)
            || getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &len) != 0 || err != 0) {
            nhi_close_socket(s);
            return NHI_NO_SOCKET;
        }
    }
    return s;
}

static int would_block(void) {
#ifdef _WIN32
    return WSAGetLastError() == WSAEWOULDBLOCK;
#else
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
#endif
}

/** Sends everything; waits for room only when the socket has none (a request fits its buffer: no wait). */
int nhi_send_all(nhi_socket s, const unsigned char *p, size_t n, long long deadline) {
    while (n > 0) {
#ifdef _WIN32
        int k = send(s, (const char *)p, (int)n, 0);
#else
        ssize_t k = send(s, p, n, MSG_NOSIGNAL);
#endif
        if (k > 0) {
            p += k;
            n -= (size_t)k;
        } else if (k < 0 && would_block()) {
            if (!wait_for(s, POLLOUT, deadline)) {
                return 0;
            }
        } else {
            return 0;
        }
    }
    return 1;
}

/** Reads what is there (at most n bytes): > 0 bytes, 0 the peer closed, -1 failed or out of time. */
long nhi_receive(nhi_socket s, unsigned char *p, size_t n, long long deadline) {
    if (!wait_for(s, POLLIN, deadline)) {
        return -1;
    }
    long k = (long)recv(s, (char *)p, (int)n, 0);
    return k < 0 ? -1 : k;
}

