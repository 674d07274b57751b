// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.protocol;

import java.io.IOException;

/**
 * Takes frames off the line. Bytes before an STX are skipped. Once an STX is seen, the rest of the frame
 * must arrive within the frame timeout; a frame that is too long, fails its CRC, lacks its ETX or stalls
 * yields a {@link Result#error()} and the reader hunts for the next STX. Never throws on bad input.
 */
public final class FrameReader {
    private final TimedInput in;
    private final long frameTimeoutMillis;

    /**
     * @param in the line
     * @param frameTimeoutMillis time allowed from STX to ETX (the protocol says 500 ms)
     */
    public FrameReader(TimedInput in, long frameTimeoutMillis) {
        this.in = in;
        this.frameTimeoutMillis = frameTimeoutMillis;
    }

    /**
     * What came off the line: a frame, or the error code and the SEQ it had (0 when unknown).
     *
     * @param frame the frame, or null
     * @param error a {@link FrameError} code, or 0
     * @param seq the sequence number of the broken frame
     */
    public record Result(Frame frame, int error, int seq) {
    }

    /**
     * @param idleMillis how long to wait for an STX
     * @return the next frame or frame error, or null when no STX came within idleMillis
     * @throws IOException when the line ended
     */
    public Result next(long idleMillis) throws IOException {
        long idleEnd = System.nanoTime() + idleMillis * 1_000_000L;
        int b;
        do {
            b = in.read(Math.max(0, (idleEnd - System.nanoTime()) / 1_000_000L));
            if (b < 0) {
                return null;
            }
        } while (b != Frame.STX);
        long end = System.nanoTime() + frameTimeoutMillis * 1_000_000L;
        int[] head = new int[4];
        for (int i = 0; i < 4; i++) {
            head[i] = byteBefore(end);
            if (head[i] < 0) {
                return new Result(null, FrameError.TIMEOUT, i > 0 ? head[0] : 0);
            }
        }
        int seq = head[0];
        int length = (head[2] << 8) | head[3];
        if (length > Frame.MAX_PAYLOAD) {
            return new Result(null, FrameError.BAD_LENGTH, seq);
        }
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            int x = byteBefore(end);
            if (x < 0) {
                return new Result(null, FrameError.TIMEOUT, seq);
            }
            payload[i] = (byte) x;
        }
        int crcHi = byteBefore(end);
        int crcLo = crcHi < 0 ? -1 : byteBefore(end);
        int etx = crcLo < 0 ? -1 : byteBefore(end);
        if (etx < 0) {
            return new Result(null, FrameError.TIMEOUT, seq);
        }
        byte[] body = Frame.body(seq, head[1], payload);
        if (((crcHi << 8) | crcLo) != Crc16.of(body, 0, body.length)) {
            return new Result(null, FrameError.BAD_CRC, seq);
        }
        if (etx != Frame.ETX) {
            return new Result(null, FrameError.BAD_END, seq);
        }
        return new Result(new Frame(seq, head[1], payload), 0, seq);
    }

    private int byteBefore(long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        return left <= 0 ? -1 : in.read(left);
    }
}
