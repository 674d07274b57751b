// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Proxy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Test;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

/** A refused request's body is read within bounds (the connection stays), or left for a closing connection. */
public class BodyDrainTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger bytesRead = new AtomicInteger();

    @After
    public void stop() {
        timer.shutdownNow();
    }

    private HttpServletRequest request(long contentLength, byte[] body, boolean stall) {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            /** As Jetty's: blocks until bytes arrive, and an interrupt ends the wait with an exception. */
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (in.available() == 0 && stall) {
                    try {
                        Thread.sleep(60_000); // a sender that never sends the rest
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException("interrupted");
                    }
                }
                int n = in.read(b, off, len);
                bytesRead.addAndGet(Math.max(0, n));
                return n;
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getContentLengthLong" -> contentLength;
                    case "getInputStream" -> stream;
                    default -> null;
                });
    }

    @Test
    public void noBodyNeedsNoReading() {
        assertTrue(new BodyDrain(timer).drain(request(0, new byte[0], false)));
        assertEquals(0, bytesRead.get());
    }

    @Test
    public void aSmallBodyIsReadWhole() {
        assertTrue(new BodyDrain(timer).drain(request(2, "{}".getBytes(), false)));
        assertEquals(2, bytesRead.get());
    }

    @Test
    public void aLargeBodyIsLeftUnread() {
        assertFalse(new BodyDrain(timer).drain(request(BodyDrain.MAX_BYTES + 1, new byte[10], false)));
        assertEquals(0, bytesRead.get());
    }

    @Test
    public void aStalledBodyIsGivenUpAfterTheBudget() {
        long t0 = System.nanoTime();
        assertFalse(new BodyDrain(timer).drain(request(10, new byte[3], true)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue("gave up after " + ms + " ms", ms < 10_000);
        assertFalse("the thread does not keep the interrupt", Thread.currentThread().isInterrupted());
    }
}
