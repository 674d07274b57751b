// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

/**
 * A request the API cannot take as sent (bad escapes, bad UTF-8, an unknown charset, a body too large, too slow
 * or badly framed). {@link RequestFilter} answers it with its status and a short JSON body, and logs no stack
 * trace: it is the caller's mistake, not the platform's.
 */
final class ClientError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String error;

    ClientError(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }
}
