// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.protocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Host side of the protocol: numbers requests, sends them, and waits for the response with the same SEQ
 * (a response with another SEQ is stale and skipped). On a timeout the same frame is sent again, up to the
 * retry count; the reader answers a repeated SEQ from its cache without running the command twice.
 * Not thread-safe: one request at a time.
 */
public final class ReaderClient {
    private final FrameReader reader;
    private final OutputStream out;
    private final long responseTimeoutMillis;
    private final int retries;
    private int seq;

    /**
     * @param in the line from the reader
     * @param out the line to the reader
     * @param responseTimeoutMillis how long to wait for each response (PIN entry adds its own timeout)
     * @param retries how often to resend after a timeout
     */
    public ReaderClient(TimedInput in, OutputStream out, long responseTimeoutMillis, int retries) {
        this.reader = new FrameReader(in, 500);
        this.out = out;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.retries = retries;
    }

    /**
     * @param cmd a {@link Command} code
     * @param payload its payload
     * @return the response or error frame
     * @throws IOException when no response came after all retries, or the line failed
     */
    public Frame call(int cmd, byte... payload) throws IOException {
        return call(cmd, 0, payload);
    }

    /**
     * @param extraMillis added to the response timeout (keypad entry)
     */
    public Frame call(int cmd, long extraMillis, byte... payload) throws IOException {
        seq = (seq + 1) & 0xFF;
        Frame request = new Frame(seq, cmd, payload);
        for (int attempt = 0; attempt <= retries; attempt++) {
            out.write(request.encode());
            out.flush();
            long end = System.nanoTime() + (responseTimeoutMillis + extraMillis) * 1_000_000L;
            while (true) {
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                FrameReader.Result r = reader.next(left);
                if (r == null) {
                    break;
                }
                if (r.frame() != null && r.frame().seq() == seq && r.frame().isResponse()) {
                    return r.frame();
                }
            }
        }
        throw new IOException("no response to command " + Integer.toHexString(cmd) + " after " + (retries + 1)
                + " attempts");
    }

    /** Writes raw bytes (tests: garbage, broken frames). */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** @return the frame reader on the reader-to-host line */
    public FrameReader reader() {
        return reader;
    }
}
