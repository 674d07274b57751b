// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict {@code application/x-www-form-urlencoded} decoding for query strings and form bodies: a bad %-escape or
 * bytes that are not valid in the charset are the caller's error (400), not a server error, and the number of
 * fields is capped (413). Pure logic.
 */
final class UrlForm {
    /** Far more than any page of ours sends; Jetty's own default was 1,000. */
    static final int MAX_FIELDS = 100;

    private UrlForm() {
    }

    /**
     * Adds the fields of {@code encoded} to {@code into}, in order.
     *
     * @param encoded a query string, or a form body read as ISO-8859-1 (one char per byte)
     */
    static void parse(String encoded, Charset charset, Map<String, List<String>> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (into.values().stream().mapToInt(List::size).sum() >= MAX_FIELDS) {
                throw new ClientError(413, "too_many_fields", "At most " + MAX_FIELDS + " form or query fields.");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
            into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    static Map<String, List<String>> parse(String encoded, Charset charset) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        parse(encoded, charset, out);
        return out;
    }

    /** @return the decoded text of one name or value */
    static String decode(String s, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
                if (lo < 0) {
                    throw new ClientError(400, "bad_encoding", "A %-escape is not two hex digits.");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c > 0xff) {
                // a query string the server decoded already: take the character as the charset's own bytes
                int cp = s.codePointAt(i);
                bytes.writeBytes(Character.toString(cp).getBytes(charset));
                i += Character.charCount(cp) - 1;
            } else {
                bytes.write(c);
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ClientError(400, "bad_encoding", "The text is not valid " + charset.name() + ".");
        }
    }
}
