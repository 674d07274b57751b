// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

/**
 * The cryptograms of the mutual authentication between a card and the party that holds its key (a SAM or
 * the IDC), called "host" here:
 * <ol>
 *   <li>host → card {@code GET CHALLENGE}: the card answers RND_C (8 bytes);</li>
 *   <li>host → card {@code MUTUAL AUTHENTICATE} with RND_H (8 bytes) and
 *       {@code C_H = CMAC(K_card, 0x01 || RND_C || RND_H)};</li>
 *   <li>card checks C_H (a failure counts towards its lock) and answers
 *       {@code C_C = CMAC(K_card, 0x02 || RND_H || RND_C)}; the host checks C_C;</li>
 *   <li>both derive the session MAC key {@code K_S = KDF(K_card, "OPENNHI SESSION MAC", RND_C || RND_H)}.</li>
 * </ol>
 * The distinct leading byte and order stop a card's answer from being replayed as a host cryptogram.
 */
public final class MutualAuthentication {
    /** Length of RND_C and RND_H. */
    public static final int RANDOM_LENGTH = 8;
    /** Length of C_H and C_C. */
    public static final int CRYPTOGRAM_LENGTH = Cmac.LENGTH;
    /** Label of the session key derivation. */
    public static final String SESSION_LABEL = "OPENNHI SESSION MAC";

    private MutualAuthentication() {
    }

    /** @return C_H, the host's proof that it holds the card key */
    public static byte[] hostCryptogram(byte[] cardKey, byte[] rndCard, byte[] rndHost) {
        return Cmac.compute(cardKey, concat(0x01, rndCard, rndHost));
    }

    /** @return C_C, the card's proof that it holds the same key */
    public static byte[] cardCryptogram(byte[] cardKey, byte[] rndHost, byte[] rndCard) {
        return Cmac.compute(cardKey, concat(0x02, rndHost, rndCard));
    }

    /** @return K_S, the session key for MACed commands after a successful authentication */
    public static byte[] sessionKey(byte[] cardKey, byte[] rndCard, byte[] rndHost) {
        return Kdf.derive(cardKey, SESSION_LABEL, concat(-1, rndCard, rndHost));
    }

    /** Compares in time independent of where the first difference is. */
    public static boolean equal(byte[] a, byte[] b) {
        return java.security.MessageDigest.isEqual(a, b);
    }

    private static byte[] concat(int tag, byte[] first, byte[] second) {
        checkRandom(first);
        checkRandom(second);
        int offset = tag < 0 ? 0 : 1;
        byte[] out = new byte[offset + first.length + second.length];
        if (tag >= 0) {
            out[0] = (byte) tag;
        }
        System.arraycopy(first, 0, out, offset, first.length);
        System.arraycopy(second, 0, out, offset + first.length, second.length);
        return out;
    }

    private static void checkRandom(byte[] random) {
        if (random == null || random.length != RANDOM_LENGTH) {
            throw new IllegalArgumentException("authentication randoms are 8 bytes");
        }
    }
}
