// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads bytes with a timeout from a stream that has none (a pty opened as a file): a daemon thread pumps the
 * stream into a bounded queue. End of stream or a read error is reported once the bytes before it are taken.
 */
public final class TimedInput implements AutoCloseable {
    private static final int END = -2;
    private final BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(64 * 1024);
    private final InputStream in;
    private final Thread pump;
    private volatile boolean ended;

    /**
     * @param in the stream to pump
     * @param name the pump thread's name
     */
    public TimedInput(InputStream in, String name) {
        this.in = in;
        this.pump = new Thread(this::pump, name);
        pump.setDaemon(true);
        pump.start();
    }

    private void pump() {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                for (int i = 0; i < n; i++) {
                    queue.put(buf[i] & 0xFF);
                }
            }
        } catch (IOException e) {
            // reported as end of stream below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @param timeoutMillis how long to wait for a byte
     * @return the byte 0..255, or -1 when none came in time
     * @throws EOFException when the stream ended
     */
    public int read(long timeoutMillis) throws IOException {
        if (ended) {
            throw new EOFException("stream ended");
        }
        try {
            Integer b = queue.poll(Math.max(0, timeoutMillis), TimeUnit.MILLISECONDS);
            if (b == null) {
                return -1;
            }
            if (b == END) {
                ended = true;
                throw new EOFException("stream ended");
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Drops bytes already received. */
    public void clear() {
        queue.removeIf(b -> b != END);
    }

    @Override
    public void close() throws IOException {
        in.close();
        pump.interrupt();
    }
}
