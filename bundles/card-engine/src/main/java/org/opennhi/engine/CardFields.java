// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fixed-width card fields as the card stores them: ASCII codes and ROC dates, Big5 names, left-aligned and
 * space-padded. Records of this package keep the card's own bytes (so a facade can hand them on unchanged)
 * and decode them on demand with these helpers.
 */
public final class CardFields {
    /** Names on NHI cards are Big5. */
    public static final Charset BIG5 = Charset.forName("Big5");

    private CardFields() {
    }

    /** @return bytes {@code from..from+length-1} (0-based) of {@code b}, a copy */
    public static byte[] slice(byte[] b, int from, int length) {
        return Arrays.copyOfRange(b, from, from + length);
    }

    /** @return the ASCII text of that slice with trailing spaces and NULs removed */
    public static String ascii(byte[] b, int from, int length) {
        return strip(new String(b, from, length, StandardCharsets.ISO_8859_1));
    }

    /** @return the Big5 text of that slice with trailing spaces and NULs removed */
    public static String big5(byte[] b, int from, int length) {
        return strip(new String(b, from, length, BIG5));
    }

    /** @return {@code s} in {@code width} bytes, left-aligned and space-padded; longer text is an error */
    public static byte[] pad(byte[] s, int width) {
        if (s.length > width) {
            throw new IllegalArgumentException("field longer than " + width + " bytes");
        }
        byte[] out = Arrays.copyOf(s, width);
        Arrays.fill(out, s.length, width, (byte) ' ');
        return out;
    }

    /** @return ASCII {@code s} in {@code width} bytes, space-padded */
    public static byte[] ascii(String s, int width) {
        return pad(s.getBytes(StandardCharsets.US_ASCII), width);
    }

    private static String strip(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }
}
