// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.protocol;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * One frame: {@code STX(02) SEQ CMD LEN_HI LEN_LO PAYLOAD… CRC_HI CRC_LO ETX(03)}, where the CRC is
 * CRC-16/CCITT-FALSE over SEQ … last payload byte.
 *
 * @param seq sequence number 0..255; a response carries its request's
 * @param cmd command code ({@link Command}); a response has bit 7 set; 7F is the error frame
 * @param payload 0..{@link #MAX_PAYLOAD} bytes
 */
public record Frame(int seq, int cmd, byte[] payload) {
    /** Start of frame. */
    public static final int STX = 0x02;
    /** End of frame. */
    public static final int ETX = 0x03;
    /** Largest payload either side may send. */
    public static final int MAX_PAYLOAD = 4096;
    /** Bytes a frame adds around its payload. */
    public static final int OVERHEAD = 8;

    public Frame {
        if (seq < 0 || seq > 255 || cmd < 0 || cmd > 255) {
            throw new IllegalArgumentException("seq and cmd are single bytes");
        }
        if (payload == null || payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of 0.." + MAX_PAYLOAD + " bytes");
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** @return the bytes on the wire */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + OVERHEAD);
        out.write(STX);
        byte[] body = body(seq, cmd, payload);
        out.writeBytes(body);
        int crc = Crc16.of(body, 0, body.length);
        out.write(crc >>> 8);
        out.write(crc);
        out.write(ETX);
        return out.toByteArray();
    }

    static byte[] body(int seq, int cmd, byte[] payload) {
        byte[] b = new byte[4 + payload.length];
        b[0] = (byte) seq;
        b[1] = (byte) cmd;
        b[2] = (byte) (payload.length >>> 8);
        b[3] = (byte) payload.length;
        System.arraycopy(payload, 0, b, 4, payload.length);
        return b;
    }

    /** @return true for a response or error frame (bit 7 of CMD, or the error frame) */
    public boolean isResponse() {
        return (cmd & 0x80) != 0 || cmd == Command.ERROR;
    }

    /** @return the status byte of a response (first payload byte), or -1 when there is none */
    public int status() {
        return payload.length == 0 ? -1 : payload[0] & 0xFF;
    }

    /** @return the payload after the status byte */
    public byte[] data() {
        return payload.length == 0 ? new byte[0] : Arrays.copyOfRange(payload, 1, payload.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.seq == seq && f.cmd == cmd && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * seq + cmd) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return String.format("Frame[seq=%02X cmd=%02X len=%d]", seq, cmd, payload.length);
    }
}
