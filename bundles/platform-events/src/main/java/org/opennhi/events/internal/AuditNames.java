// SPDX-License-Identifier: Apache-2.0
package org.opennhi.events.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the audit files: {@code audit.jsonl} (today), {@code audit.jsonl.N} (today's earlier parts, N=1
 * newest), {@code audit-YYYY-MM-DD.jsonl[.N]} (an archived day), and their order from oldest to newest.
 */
final class AuditNames {
    private static final Pattern PART = Pattern.compile("(?:-(\\d{4}-\\d{2}-\\d{2}))?\\.jsonl(?:\\.(\\d+))?");

    private AuditNames() {
    }

    /** @return {@code audit-<day>.jsonl}, or with {@code .part} for part &gt; 0 */
    static String archived(String base, LocalDate day, int part) {
        String stem = stem(base);
        return stem + "-" + day + ".jsonl" + (part > 0 ? "." + part : "");
    }

    /** @return the archived day of an audit file's name, or null (today's files, other files) */
    static LocalDate dayOf(String base, String name) {
        Matcher m = match(base, name);
        if (m == null || m.group(1) == null) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return the audit files among these, oldest first */
    static List<Path> ordered(String base, List<Path> files) {
        record Part(Path path, LocalDate day, int part) {
        }
        List<Part> parts = new ArrayList<>();
        for (Path p : files) {
            Matcher m = match(base, p.getFileName().toString());
            if (m != null) {
                LocalDate d = m.group(1) == null ? LocalDate.MAX : dayOf(base, p.getFileName().toString());
                if (d != null) {
                    parts.add(new Part(p, d, m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
                }
            }
        }
        parts.sort(Comparator.comparing(Part::day).thenComparing(Part::part, Comparator.reverseOrder()));
        return parts.stream().map(Part::path).toList();
    }

    private static Matcher match(String base, String name) {
        String stem = stem(base);
        if (!name.startsWith(stem)) {
            return null;
        }
        Matcher m = PART.matcher(name.substring(stem.length()));
        return m.matches() ? m : null;
    }

    private static String stem(String base) {
        return base.endsWith(".jsonl") ? base.substring(0, base.length() - ".jsonl".length()) : base;
    }
}
