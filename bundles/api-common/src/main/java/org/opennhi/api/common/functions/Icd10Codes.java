// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common.functions;

import java.util.Locale;
import java.util.Optional;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/**
 * ICD-10-CM codes in the card's 5-byte diagnosis fields (押碼, 5.1 / 5.2). A code of at most 5 characters that
 * does not start with {@code E} or {@code V} is stored as it is; every other code (the packing range) is packed
 * into 5 bytes that start with one of {@code ! " # $ % & ( ) * + : < > ? @ ^ { | } ~}, so a packed field never
 * looks like a plain code.
 *
 * <p>NHI's own packing is not published and cannot be derived from its published pairs (docs/card-engine.md,
 * "ICD-10 packing"), so this is OUR packing, with the same alphabet and length: a code is numbered in mixed
 * radix (letter 26 × digit 10 × 3rd character 36 × three characters {@code 0-9 X} or none, 12 each × 7th
 * character {@code 0-9 A-Z} or none, 37) and the number written as one of the 20 lead symbols followed by four
 * digits of base 82 (the lead symbols, {@code 0-9}, {@code A-Z}, {@code a-z}, in ASCII order). The numbering keeps
 * the codes' order, so packed codes sort as the codes do. Cards written by the official software with its packing
 * are not readable through this one (and the other way round).
 */
public final class Icd10Codes {
    /** The characters a packed code starts with (manual 5.2), in ASCII order. */
    static final String LEAD = "!\"#$%&()*+:<>?@^{|}~";
    /** The digits of positions 2–5. */
    static final String DIGITS = sortedAscii(LEAD + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private static final String THIRD = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String MIDDLE = "0123456789X";
    private static final String SEVENTH = THIRD;
    private static final int BASE = DIGITS.length();
    private static final long BASE4 = (long) BASE * BASE * BASE * BASE;
    /** How many numbers the grammar has (each optional position counts "none" as a value). */
    static final long CODES = 26L * 10 * THIRD.length() * 12 * 12 * 12 * (SEVENTH.length() + 1);

    static {
        if (CODES > LEAD.length() * BASE4) {
            throw new AssertionError("the packing does not fit 5 bytes");
        }
    }

    private Icd10Codes() {
    }

    /**
     * @param code an ICD-10-CM code, with or without its dot; case and trailing spaces or NULs do not matter
     * @return the code as the HIS means it: upper case, no dot, no padding; empty when it is not a code
     */
    static Optional<String> normalise(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code;
        int nul = c.indexOf('\0');
        if (nul >= 0) {
            c = c.substring(0, nul);
        }
        c = c.strip().replace(".", "").toUpperCase(Locale.ROOT);
        return valid(c) ? Optional.of(c) : Optional.empty();
    }

    /** @return true when the code is in the packing range: longer than 5 characters, or starting with E or V */
    public static boolean inPackingRange(String code) {
        return code.length() > 5 || code.startsWith("E") || code.startsWith("V");
    }

    /** @return true for a field that holds a packed code (its first byte is a lead symbol) */
    public static boolean isPacked(String field) {
        return !field.isEmpty() && LEAD.indexOf(field.charAt(0)) >= 0;
    }

    /**
     * 5.1 hisGetICD10EnC.
     *
     * @return the 5 packed characters
     * @throws NhiException 9127 when the code is not a code of the packing range
     */
    public static String pack(String code) throws NhiException {
        String c = normalise(code).filter(Icd10Codes::inPackingRange).orElseThrow(() -> new NhiException(
                ResultCode.ICD10_CODE_NOT_FOUND, "not an ICD-10-CM code of the packing range"));
        long n = c.charAt(0) - 'A';
        n = n * 10 + (c.charAt(1) - '0');
        n = n * THIRD.length() + THIRD.indexOf(c.charAt(2));
        for (int i = 3; i < 6; i++) {
            n = n * 12 + (i < c.length() ? 1 + MIDDLE.indexOf(c.charAt(i)) : 0);
        }
        n = n * (SEVENTH.length() + 1) + (c.length() == 7 ? 1 + SEVENTH.indexOf(c.charAt(6)) : 0);
        StringBuilder out = new StringBuilder(5);
        out.append(LEAD.charAt((int) (n / BASE4)));
        long rest = n % BASE4;
        char[] digits = new char[4];
        for (int i = 3; i >= 0; i--) {
            digits[i] = DIGITS.charAt((int) (rest % BASE));
            rest /= BASE;
        }
        return out.append(digits).toString();
    }

    /**
     * 5.2 hisGetICD10DeC.
     *
     * @param packed the 5 packed characters (trailing spaces or NULs ignored)
     * @return the code, upper case, without dot
     * @throws NhiException 9127 when the characters are not a packed code
     */
    public static String unpack(String packed) throws NhiException {
        NhiException invalid = new NhiException(ResultCode.ICD10_CODE_NOT_FOUND, "not a packed ICD-10-CM code");
        String p = packed == null ? "" : packed;
        int nul = p.indexOf('\0');
        p = (nul >= 0 ? p.substring(0, nul) : p).stripTrailing();
        if (p.length() != 5 || LEAD.indexOf(p.charAt(0)) < 0) {
            throw invalid;
        }
        long n = LEAD.indexOf(p.charAt(0));
        for (int i = 1; i < 5; i++) {
            int d = DIGITS.indexOf(p.charAt(i));
            if (d < 0) {
                throw invalid;
            }
            n = n * BASE + d;
        }
        if (n >= CODES) {
            throw invalid;
        }
        int seventh = (int) (n % (SEVENTH.length() + 1));
        n /= SEVENTH.length() + 1;
        int[] middle = new int[3];
        for (int i = 2; i >= 0; i--) {
            middle[i] = (int) (n % 12);
            n /= 12;
        }
        int third = (int) (n % THIRD.length());
        n /= THIRD.length();
        int digit = (int) (n % 10);
        int letter = (int) (n / 10);
        StringBuilder code = new StringBuilder().append((char) ('A' + letter)).append((char) ('0' + digit))
                .append(THIRD.charAt(third));
        boolean ended = false;
        for (int m : middle) {
            if (m == 0) {
                ended = true;
            } else if (ended) {
                throw invalid; // a character after an absent one: no code numbers this way
            } else {
                code.append(MIDDLE.charAt(m - 1));
            }
        }
        if (seventh > 0) {
            if (ended) {
                throw invalid;
            }
            code.append(SEVENTH.charAt(seventh - 1));
        }
        String c = code.toString();
        if (!inPackingRange(c)) {
            throw invalid; // a short code outside the range is stored plainly, never packed
        }
        return c;
    }

    /**
     * A diagnosis field as the HIS reads it in ICD-10 mode: a packed code unpacked, a plain one as it is.
     *
     * @param field the field's characters as on the card
     * @return the code, left-aligned (unpadded); a packed field that does not unpack stays as it is
     */
    public static String readable(String field) {
        String f = field.stripTrailing();
        if (!isPacked(f)) {
            return f;
        }
        try {
            return unpack(f);
        } catch (NhiException e) {
            return f;
        }
    }

    private static boolean valid(String c) {
        if (c.length() < 3 || c.length() > 7) {
            return false;
        }
        if (c.charAt(0) < 'A' || c.charAt(0) > 'Z' || c.charAt(1) < '0' || c.charAt(1) > '9'
                || THIRD.indexOf(c.charAt(2)) < 0) {
            return false;
        }
        for (int i = 3; i < c.length() && i < 6; i++) {
            if (MIDDLE.indexOf(c.charAt(i)) < 0) {
                return false;
            }
        }
        return c.length() < 7 || SEVENTH.indexOf(c.charAt(6)) >= 0;
    }

    private static String sortedAscii(String chars) {
        return chars.chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
    }
}
