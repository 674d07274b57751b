// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Key derivation in counter mode (NIST SP 800-108 §4.1) with AES-CMAC as the PRF:
 * {@code K(i) = CMAC(KI, [i]8 || Label || 0x00 || Context || [L]16)}, output {@code K(1) || K(2) || ...}
 * truncated to L bits. Label is ASCII; i is one byte starting at 1; L is the output length in bits as a
 * two-byte big-endian number.
 */
public final class Kdf {
    private Kdf() {
    }

    /**
     * Derives a 16-byte AES key.
     *
     * @param key the 16-byte key-derivation key
     * @param label ASCII label naming the purpose
     * @param context bytes binding the key to its owner (card number, randoms ...)
     * @return 16 bytes
     */
    public static byte[] derive(byte[] key, String label, byte[] context) {
        return derive(key, label, context, Cmac.LENGTH);
    }

    /**
     * Derives {@code length} bytes.
     *
     * @param key the 16-byte key-derivation key
     * @param label ASCII label naming the purpose
     * @param context bytes binding the output to its use
     * @param length the number of bytes wanted, 1..4096
     * @return {@code length} bytes
     */
    public static byte[] derive(byte[] key, String label, byte[] context, int length) {
        if (length < 1 || length > 4096) {
            throw new IllegalArgumentException("KDF output length must be 1..4096 bytes");
        }
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        int bits = length * 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + Cmac.LENGTH);
        for (int i = 1; out.size() < length; i++) {
            ByteArrayOutputStream input = new ByteArrayOutputStream();
            input.write(i);
            input.writeBytes(labelBytes);
            input.write(0);
            input.writeBytes(context);
            input.write(bits >>> 8);
            input.write(bits);
            out.writeBytes(Cmac.compute(key, input.toByteArray()));
        }
        byte[] all = out.toByteArray();
        byte[] result = new byte[length];
        System.arraycopy(all, 0, result, 0, length);
        return result;
    }
}
