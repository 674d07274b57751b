// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * One field of a control-software buffer, 1-based and inclusive as the manual numbers it, and how the HTTP API shows it.
 *
 * @param name the field's JSON name
 * @param from first byte (1-based)
 * @param to last byte (1-based, inclusive)
 * @param kind how to decode it
 */
public record Field(String name, int from, int to, Kind kind) {
    private static final Charset BIG5 = Charset.forName("Big5");

    /** How a field's bytes become JSON. */
    public enum Kind {
        /** ASCII text, trailing spaces kept off. */
        TEXT,
        /** Big5 text (names). */
        BIG5,
        /** Raw bytes as upper-case hex (the 128-byte signature). */
        HEX
    }

    public static Field text(String name, int from, int to) {
        return new Field(name, from, to, Kind.TEXT);
    }

    public static Field big5(String name, int from, int to) {
        return new Field(name, from, to, Kind.BIG5);
    }

    public static Field hex(String name, int from, int to) {
        return new Field(name, from, to, Kind.HEX);
    }

    /** @return the decoded field, or null when the buffer is shorter */
    public String decode(byte[] buffer, int length) {
        if (to > length) {
            return null;
        }
        int n = to - from + 1;
        return switch (kind) {
            case TEXT -> strip(new String(buffer, from - 1, n, StandardCharsets.ISO_8859_1));
            case BIG5 -> strip(new String(buffer, from - 1, n, BIG5));
            case HEX -> HexFormat.of().withUpperCase().formatHex(buffer, from - 1, to);
        };
    }

    private static String strip(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** The manual's layouts. */
    public static final List<Field> BASIC = List.of(text("cardNumber", 1, 12), big5("name", 13, 32),
            text("idNumber", 33, 42), text("birthDate", 43, 49), text("sex", 50, 50), text("issueDate", 51, 57),
            text("cancellationMark", 58, 58));
    public static final List<Field> BASIC_DATA = concat(BASIC, List.of(text("emergencyPhone", 59, 72)));
    public static final List<Field> REGISTER_BASIC = concat(BASIC, List.of(text("insurerCode", 59, 60),
            text("insuredPersonMark", 61, 61), text("cardExpiryDate", 62, 68), text("visitsLeft", 69, 70),
            text("newbornBirthDate", 71, 77), text("newbornCount", 78, 78)));
    public static final List<Field> REGISTER_BASIC2 = List.of(text("cardExpiryDate", 1, 7), text("visitsLeft", 8, 9));
    public static final List<Field> SEQ_HEAD = List.of(text("visitDateTime", 1, 13), text("sequenceNumber", 14, 17),
            text("hospitalId", 18, 27));
    public static final List<Field> SEQ_167 = concat(SEQ_HEAD, List.of(hex("signature", 28, 155),
            text("samId", 156, 167)));
    public static final List<Field> SEQ_296 = concat(SEQ_HEAD, List.of(text("signature", 28, 283),
            text("samId", 284, 295), text("sameDay", 296, 296)));
    public static final List<Field> SEQ_316 = concat(SEQ_296, List.of(text("treatmentId", 297, 316)));
    public static final List<Field> NO_CARD_ID = List.of(text("visitDateTime", 1, 13), text("hospitalId", 14, 23),
            text("treatmentId", 24, 43));

    @SafeVarargs
    public static List<Field> concat(List<Field>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
