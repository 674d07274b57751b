// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CMAC as defined by RFC 4493 (NIST SP 800-38B). The JDK ships AES but no CMAC {@code Mac}, so this
 * class builds it over {@code AES/ECB/NoPadding}. Thread-safe: nothing is shared between calls.
 */
public final class Cmac {
    /** Length of a full CMAC tag and of an AES block, in bytes. */
    public static final int LENGTH = 16;
    private static final int RB = 0x87;

    private Cmac() {
    }

    /**
     * @param key an AES key of 16 bytes
     * @param message the message, any length including zero
     * @return the 16-byte tag
     * @throws IllegalArgumentException when the key is not 16 bytes long
     */
    public static byte[] compute(byte[] key, byte[] message) {
        if (key == null || key.length != LENGTH) {
            throw new IllegalArgumentException("CMAC key must be 16 bytes");
        }
        Cipher aes = aes(key);
        byte[] k1 = shiftAndXor(encrypt(aes, new byte[LENGTH]));
        byte[] k2 = shiftAndXor(k1);
        int blocks = Math.max(1, (message.length + LENGTH - 1) / LENGTH);
        boolean complete = message.length > 0 && message.length % LENGTH == 0;
        byte[] x = new byte[LENGTH];
        for (int b = 0; b < blocks - 1; b++) {
            xorInto(x, message, b * LENGTH, LENGTH);
            x = encrypt(aes, x);
        }
        byte[] last = new byte[LENGTH];
        int lastStart = (blocks - 1) * LENGTH;
        int lastLength = message.length - lastStart;
        System.arraycopy(message, lastStart, last, 0, lastLength);
        if (complete) {
            xorInto(last, k1, 0, LENGTH);
        } else {
            last[lastLength] = (byte) 0x80;
            xorInto(last, k2, 0, LENGTH);
        }
        xorInto(x, last, 0, LENGTH);
        return encrypt(aes, x);
    }

    private static Cipher aes(byte[] key) {
        try {
            Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available in this JDK", e);
        }
    }

    private static byte[] encrypt(Cipher aes, byte[] block) {
        try {
            return aes.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES block encryption failed", e);
        }
    }

    /** Subkey step of RFC 4493 §2.3: shift left by one bit, xor Rb when the top bit fell off. */
    private static byte[] shiftAndXor(byte[] in) {
        byte[] out = new byte[LENGTH];
        int carry = 0;
        for (int i = LENGTH - 1; i >= 0; i--) {
            int v = in[i] & 0xFF;
            out[i] = (byte) ((v << 1) | carry);
            carry = v >>> 7;
        }
        if ((in[0] & 0x80) != 0) {
            out[LENGTH - 1] ^= (byte) RB;
        }
        return out;
    }

    private static void xorInto(byte[] target, byte[] source, int offset, int length) {
        for (int i = 0; i < length; i++) {
            target[i] ^= source[offset + i];
        }
    }
}
