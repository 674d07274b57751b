// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A forgiving reader for the Windows INI files of the official software. It never throws on content: each
 * line is a section header, a {@code key=value} entry, a comment, a blank, or a problem with its line number.
 */
final class IniFile {

    /** One {@code key=value} line; section is empty before the first header. */
    record Entry(String section, String key, String value, int line) {
        /** @return {@code [section] key}, for reports */
        String qualifiedKey() {
            return section.isEmpty() ? key : "[" + section + "] " + key;
        }
    }

    /** A line that could not be understood. */
    record Problem(int line, String text, String reason) {
    }

    private final List<Entry> entries;
    private final List<Problem> problems;

    private IniFile(List<Entry> entries, List<Problem> problems) {
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    List<Entry> entries() {
        return entries;
    }

    List<Problem> problems() {
        return problems;
    }

    /**
     * Decodes a file's bytes: UTF-8 (with or without BOM) when they are valid UTF-8, otherwise Big5, the
     * encoding Traditional Chinese Windows writes.
     */
    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            Charset big5 = Charset.isSupported("Big5") ? Charset.forName("Big5") : StandardCharsets.ISO_8859_1;
            return new String(bytes, start, bytes.length - start, big5);
        }
    }

    static IniFile parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String section = "";
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String raw = lines[i];
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (line.endsWith("]") && line.length() > 2 && line.indexOf(']') == line.length() - 1) {
                    section = line.substring(1, line.length() - 1).strip();
                } else {
                    problems.add(new Problem(lineNo, raw, "section header without a closing ']' or with a"
                            + " blank name"));
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add(new Problem(lineNo, raw, "neither a [section] nor a key=value line"));
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (key.isEmpty()) {
                problems.add(new Problem(lineNo, raw, "key is missing before '='"));
                continue;
            }
            entries.add(new Entry(section, key, line.substring(eq + 1).strip(), lineNo));
        }
        return new IniFile(entries, problems);
    }
}
