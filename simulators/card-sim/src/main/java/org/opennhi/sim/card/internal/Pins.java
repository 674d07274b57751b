// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** PIN formats: VERIFY sends 4..6 ASCII digits; change commands send 8-byte blocks padded with FF. */
final class Pins {
    static final int BLOCK = 8;

    private Pins() {
    }

    /** @return the PIN, or null when the bytes are not 4..6 ASCII digits */
    static String plain(byte[] b) {
        if (b.length < 4 || b.length > 6) {
            return null;
        }
        for (byte x : b) {
            if (x < '0' || x > '9') {
                return null;
            }
        }
        return new String(b, StandardCharsets.US_ASCII);
    }

    /** @return the digits of one FF-padded 8-byte block, or null when malformed */
    static String block(byte[] data, int offset, int minDigits, int maxDigits) {
        byte[] b = Arrays.copyOfRange(data, offset, offset + BLOCK);
        int n = 0;
        while (n < BLOCK && b[n] != (byte) 0xFF) {
            n++;
        }
        for (int i = n; i < BLOCK; i++) {
            if (b[i] != (byte) 0xFF) {
                return null;
            }
        }
        byte[] digits = Arrays.copyOf(b, n);
        if (n < minDigits || n > maxDigits) {
            return null;
        }
        for (byte x : digits) {
            if (x < '0' || x > '9') {
                return null;
            }
        }
        return new String(digits, StandardCharsets.US_ASCII);
    }

    /** Compares PINs in time independent of the contents. */
    static boolean same(String a, String b) {
        return a != null && b != null && java.security.MessageDigest.isEqual(
                a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
