// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.io.IOException;

/**
 * Takes the reader's frames off the line as the protocol's receiver rules say: bytes before an STX are
 * skipped; from the STX the frame must be complete within the frame timeout; a frame with a bad length, CRC
 * or end is reported as broken, never thrown, and the hunt for the next STX goes on.
 */
final class FrameParser {
    /** What came off the line: a frame, or {@code broken} with a reason. */
    record Result(WireFrame frame, String broken) {
    }

    private final SerialIo in;
    private final long frameTimeoutMillis;

    FrameParser(SerialIo in, long frameTimeoutMillis) {
        this.in = in;
        this.frameTimeoutMillis = frameTimeoutMillis;
    }

    /**
     * @param deadlineNanos {@link System#nanoTime()} by which an STX must have come
     * @return a frame or a broken frame, or null when no STX came before the deadline
     */
    Result next(long deadlineNanos) throws IOException {
        int b;
        do {
            b = in.read(millisUntil(deadlineNanos));
            if (b < 0) {
                return null;
            }
        } while (b != WireFrame.STX);
        long frameEnd = System.nanoTime() + frameTimeoutMillis * 1_000_000L;
        byte[] head = new byte[4];
        if (!fill(head, frameEnd)) {
            return broken("frame stopped in its header");
        }
        int length = ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        if (length > WireFrame.MAX_PAYLOAD) {
            return broken("length " + length + " over " + WireFrame.MAX_PAYLOAD);
        }
        byte[] rest = new byte[length + 3];
        if (!fill(rest, frameEnd)) {
            return broken("frame stopped before its end");
        }
        byte[] body = new byte[4 + length];
        System.arraycopy(head, 0, body, 0, 4);
        System.arraycopy(rest, 0, body, 4, length);
        int crc = ((rest[length] & 0xFF) << 8) | (rest[length + 1] & 0xFF);
        if (crc != WireFrame.crc(body, 0, body.length)) {
            return broken("CRC wrong");
        }
        if ((rest[length + 2] & 0xFF) != WireFrame.ETX) {
            return broken("no ETX");
        }
        byte[] payload = new byte[length];
        System.arraycopy(rest, 0, payload, 0, length);
        return new Result(new WireFrame(head[0] & 0xFF, head[1] & 0xFF, payload), null);
    }

    private boolean fill(byte[] into, long deadlineNanos) throws IOException {
        for (int i = 0; i < into.length; i++) {
            long left = millisUntil(deadlineNanos);
            int b = left <= 0 ? -1 : in.read(left);
            if (b < 0) {
                return false;
            }
            into[i] = (byte) b;
        }
        return true;
    }

    private static Result broken(String why) {
        return new Result(null, why);
    }

    private static long millisUntil(long deadlineNanos) {
        return Math.max(0, (deadlineNanos - System.nanoTime() + 999_999) / 1_000_000L);
    }
}
