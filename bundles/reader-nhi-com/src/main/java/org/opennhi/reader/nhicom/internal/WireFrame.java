// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One frame of docs/serial-protocol.md: {@code 02 SEQ CMD LEN(2) PAYLOAD CRC(2) 03}, the CRC being
 * CRC-16/CCITT-FALSE over SEQ through the last payload byte.
 *
 * @param seq 0..255
 * @param cmd the command; a response has bit 7 set, {@code 7F} is the error frame
 * @param payload at most {@link #MAX_PAYLOAD} bytes; a response starts with its status byte
 */
record WireFrame(int seq, int cmd, byte[] payload) {
    static final int STX = 0x02;
    static final int ETX = 0x03;
    static final int MAX_PAYLOAD = 4096;
    static final int ERROR = 0x7F;
    static final int RESPONSE = 0x80;

    WireFrame {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a frame carries at most " + MAX_PAYLOAD + " bytes");
        }
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(payload.length + 8);
        b.put((byte) STX).put((byte) seq).put((byte) cmd).putShort((short) payload.length).put(payload);
        b.putShort((short) crc(b.array(), 1, 4 + payload.length));
        b.put((byte) ETX);
        return b.array();
    }

    /** @return the response's status byte, or -1 when the payload is empty */
    int status() {
        return payload.length == 0 ? -1 : payload[0] & 0xFF;
    }

    /** @return the response's data after the status byte */
    byte[] data() {
        return payload.length <= 1 ? new byte[0] : Arrays.copyOfRange(payload, 1, payload.length);
    }

    /** CRC-16/CCITT-FALSE: polynomial 1021, start FFFF, not reflected, no final XOR. */
    static int crc(byte[] bytes, int from, int length) {
        int crc = 0xFFFF;
        for (int i = from; i < from + length; i++) {
            crc ^= (bytes[i] & 0xFF) << 8;
            for (int k = 0; k < 8; k++) {
                crc = ((crc & 0x8000) == 0 ? crc << 1 : (crc << 1) ^ 0x1021) & 0xFFFF;
            }
        }
        return crc;
    }

    @Override
    public String toString() {
        return String.format("WireFrame[seq=%02X cmd=%02X len=%d]", seq, cmd, payload.length);
    }
}
