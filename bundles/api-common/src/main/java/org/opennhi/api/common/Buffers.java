// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.Visit;

/**
 * Output buffers as the manuals define them: the HIS allocates, passes the capacity in the low 16 bits of
 * {@code *iBufferLen} (the official header declares it {@code short *}), gets the bytes and their count back,
 * and no trailing NUL.
 */
public final class Buffers {
    /** Names on the cards and in the SAM are Big5. */
    public static final Charset BIG5 = Charset.forName("Big5");

    private Buffers() {
    }

    /** Copies an answer into the HIS's buffer: 6018 when it does not fit (16-bit length, buffer size). */
    public static void fill(byte[] buffer, int[] length, byte[] data) throws NhiException {
        if (buffer == null || length == null || length.length < 1) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "no buffer or no length");
        }
        int capacity = Math.min(length[0] & 0xFFFF, buffer.length);
        if (capacity < data.length) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "the buffer holds " + capacity + " bytes; the answer has "
                    + data.length);
        }
        System.arraycopy(data, 0, buffer, 0, data.length);
        length[0] = (length[0] & 0xFFFF0000) | data.length;
    }

    /** Checks a buffer before a card write, so a too-small buffer never costs a write (1.48/1.49). */
    public static void checkCapacity(byte[] buffer, int[] length, int needed) throws NhiException {
        if (buffer == null || length == null || length.length < 1
                || Math.min(length[0] & 0xFFFF, buffer.length) < needed) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "pBuffer must hold at least " + needed + " bytes");
        }
    }

    /** Writes a C string (bytes and a NUL) into a fixed array, cut to fit. */
    public static void cStringInto(byte[] target, String value) {
        if (target != null && target.length > 0) {
            byte[] p = value.getBytes(StandardCharsets.UTF_8);
            int n = Math.min(p.length, target.length - 1);
            System.arraycopy(p, 0, target, 0, n);
            target[n] = 0;
        }
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return Big5 bytes, space-padded or cut to the width */
    public static byte[] big5(String s, int width) {
        byte[] b = s.getBytes(BIG5);
        byte[] out = Arrays.copyOf(b, Math.max(width, b.length));
        Arrays.fill(out, b.length, out.length, (byte) ' ');
        int i = 0;
        while (i < width) { // a cut never leaves half a double-byte character: its lead byte becomes a space
            i += (out[i] & 0xFF) >= 0x81 ? 2 : 1;
        }
        if (i > width) {
            out[width - 1] = ' ';
        }
        return Arrays.copyOf(out, width);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /**
     * 1.9's 167 bytes: 就診日期時間 1–13, 就醫序號 14–17, 醫療院所代碼 18–27, the SAM's 128 raw signature bytes
     * 28–155, SAM ID 156–167.
     */
    public static byte[] sequence167(Visit v) {
        return concat(ascii(v.visitDateTime()), ascii(v.sequenceNumber()), ascii(v.hospitalId()), v.signature(),
                ascii(v.samId()));
    }

    /** 1.37's 296 bytes: as 1.9 with the 256 printable signature (28–283), SAM ID 284–295, 同日就診 296. */
    public static byte[] sequence296(Visit v) {
        return concat(ascii(v.visitDateTime()), ascii(v.sequenceNumber()), ascii(v.hospitalId()), v.signature(),
                ascii(v.samId()), new byte[] {(byte) (v.sameDay() ? 'Y' : 'N')});
    }
}
