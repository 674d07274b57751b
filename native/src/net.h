/* SPDX-License-Identifier: Apache-2.0 */
/* Loopback TCP with deadlines (net.c); deadlines are nhi_now_ms() values. */
#ifndef NHI_NET_H
#define NHI_NET_H

#include "os.h"

#include <stddef.h>

/** A connected, non-blocking socket to host:port, or NHI_NO_SOCKET when none by the deadline. */
nhi_socket nhi_connect(const char *host, int port, long long deadline);

/** Sends all n bytes by the deadline: 1, or 0 when it could not. */
int nhi_send_all(nhi_socket s, const unsigned char *p, size_t n, long long deadline);

/** Reads what is there (at most n bytes): > 0 bytes, 0 the peer closed, -1 failed or out of time. */
long nhi_receive(nhi_socket s, unsigned char *p, size_t n, long long deadline);

#endif
