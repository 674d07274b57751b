// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads and drops the body of a request refused before any endpoint read it (issue 17, item 6). Jetty keeps a
 * connection alive after an answer only if the request's body was consumed; a 429 sent while a client's body was
 * still in its second packet cost that client its connection, and a kept-alive HIS lost the requests it had queued
 * on it. Draining is bounded three ways, so a flood cannot turn it into held server threads: bodies up to
 * {@link #MAX_BYTES}, for {@link #BUDGET_MILLIS} at most, by {@link #CONCURRENT} threads at once. A body that does not
 * fit those bounds is left unread and the answer says {@code Connection: close}.
 */
final class BodyDrain {
    static final long MAX_BYTES = BufferedRequest.MAX_BODY - 1;
    static final long BUDGET_MILLIS = 1000;
    static final int CONCURRENT = 8;

    private final Semaphore slots = new Semaphore(CONCURRENT);
    private final ScheduledExecutorService timer;

    BodyDrain(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** @return whether the body is consumed (or there was none); false: the connection must close after the answer */
    boolean drain(HttpServletRequest req) {
        long length = req.getContentLengthLong();
        boolean chunked = req.getHeader("Transfer-Encoding") != null;
        if (length <= 0 && !chunked) {
            return true;
        }
        if (length > MAX_BYTES || !slots.tryAcquire()) {
            return false;
        }
        try {
            return !BufferedRequest.read(req, BUDGET_MILLIS, timer).truncated();
        } catch (ClientError tooSlowOrMalformed) {
            return false;
        } finally {
            slots.release();
        }
    }
}
