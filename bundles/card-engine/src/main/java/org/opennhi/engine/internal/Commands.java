// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

import org.opennhi.contracts.card.HcArea;

/** Command APDUs of the card profile (docs/card-profile.md §3), as short APDUs only. */
final class Commands {
    static final byte[] SELECT_HC = HexFormat.of().parseHex("00A4040010D1580000010000000000000000001100");
    static final byte[] SELECT_HPC = HexFormat.of().parseHex("00A4040010D1580000010000000000000000003100");

    private Commands() {
    }

    /** GET DATA of records {@code first..first+count-1}, or the whole area when first is 0. */
    static byte[] read(int area, int first, int count, int expected) {
        byte[] data = first == 0 ? new byte[] {(byte) area, 0} : new byte[] {(byte) area, (byte) first, (byte) count};
        return apdu(0x00, 0xCA, 0x11, 0x00, data, expected);
    }

    /** Plain PUT DATA (the SAM's channel protects it). */
    static byte[] put(HcArea area, int record, byte[] value) {
        return apdu(0x80, 0xDA, 0x11, 0x00, concat(new byte[] {(byte) area.id(), (byte) record}, value), -1);
    }

    /** Plain APPEND RECORD. */
    static byte[] append(HcArea area, byte[] record) {
        return apdu(0x80, 0xE2, 0x11, 0x00, concat(new byte[] {(byte) area.id()}, record), -1);
    }

    /** BEGIN WRITE SET (docs/card-profile.md §3.5.1): the writes that follow land together or not at all. */
    static byte[] beginWriteSet() {
        return new byte[] {(byte) 0x80, (byte) 0xE4, 0x00, 0x00};
    }

    /** Plain COMMIT WRITE SET naming how many writes were sent (the SAM's channel protects it). */
    static byte[] commitWriteSet(int writes) {
        return apdu(0x80, 0xE6, 0x00, 0x00, new byte[] {(byte) writes}, -1);
    }

    /** VERIFY with the PIN digits. */
    static byte[] verify(byte[] digits) {
        return apdu(0x00, 0x20, 0x00, 0x01, digits, -1);
    }

    /** CHANGE REFERENCE DATA: old and new PIN blocks. */
    static byte[] change(byte[] oldBlock, byte[] newBlock) {
        return apdu(0x00, 0x24, 0x00, 0x01, concat(oldBlock, newBlock), -1);
    }

    /** ENABLE VERIFICATION: sets a PIN on an HC without one. */
    static byte[] enable(byte[] block) {
        return apdu(0x00, 0x28, 0x00, 0x01, block, -1);
    }

    /** DISABLE VERIFICATION. */
    static byte[] disable() {
        return new byte[] {0x00, 0x26, 0x00, 0x01};
    }

    /** RESET RETRY COUNTER: PUK block and new PIN block. */
    static byte[] unblock(byte[] pukBlock, byte[] newBlock) {
        return apdu(0x00, 0x2C, 0x00, 0x01, concat(pukBlock, newBlock), -1);
    }

    /** @return 8 bytes: the digits then FF */
    static byte[] block(byte[] digits) {
        byte[] b = new byte[8];
        Arrays.fill(b, (byte) 0xFF);
        System.arraycopy(digits, 0, b, 0, Math.min(8, digits.length));
        return b;
    }

    static byte[] apdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(cla);
        out.write(ins);
        out.write(p1);
        out.write(p2);
        if (data.length > 0) {
            out.write(data.length);
            out.writeBytes(data);
        }
        if (ne >= 0) {
            out.write(ne >= 256 ? 0 : ne);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
