// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.protocol;

/** CRC-16/CCITT-FALSE: polynomial 1021, initial FFFF, no reflection, no final xor ("123456789" → 29B1). */
public final class Crc16 {
    private Crc16() {
    }

    public static int of(byte[] b, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= (b[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }
}
