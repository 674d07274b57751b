// SPDX-License-Identifier: Apache-2.0
package org.opennhi.events.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads the audit trail oldest first, one line at a time (only the matching lines asked for are held), with the
 * filters of {@code GET /admin/api/audit} and {@code nhi-cs ctl audit}. A line that does not parse (a torn line
 * being written right now) is skipped. Archived days before {@code since} are not opened.
 */
final class AuditReader {
    /** The most lines one query answers. */
    static final int MAX_LIMIT = 10_000;

    private final Path file;
    private final ZoneId zone;

    /** @param file {@code <home>/LOG/audit.jsonl}; its siblings are the other parts */
    AuditReader(Path file, ZoneId zone) {
        this.file = file;
        this.zone = zone;
    }

    /** A query: every part optional. */
    record Filter(Instant since, String cardLast4, String function) {
        boolean matches(JsonObject o) {
            if (since != null && !after(o)) {
                return false;
            }
            if (cardLast4 != null && !cardLast4.isBlank() && !text(o, "card").endsWith(cardLast4.strip())) {
                return false;
            }
            if (function != null && !function.isBlank()) {
                String f = function.strip().toLowerCase(Locale.ROOT);
                return text(o, "function").toLowerCase(Locale.ROOT).equals(f) || text(o, "number").equals(f);
            }
            return true;
        }

        private boolean after(JsonObject o) {
            try {
                return !Instant.parse(text(o, "time")).isBefore(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        private static String text(JsonObject o, String name) {
            JsonElement e = o.get(name);
            return e == null || !e.isJsonPrimitive() ? "" : e.getAsString();
        }
    }

    /** @return the newest {@code limit} matching lines, oldest first */
    List<String> read(Filter filter, int limit) throws IOException {
        int max = Math.max(1, Math.min(MAX_LIMIT, limit));
        ArrayDeque<String> found = new ArrayDeque<>();
        LocalDate firstDay = filter.since() == null ? null : LocalDate.ofInstant(filter.since(), zone).minusDays(1);
        String base = file.getFileName().toString();
        for (Path p : files()) {
            LocalDate d = AuditNames.dayOf(base, p.getFileName().toString());
            if (firstDay != null && d != null && d.isBefore(firstDay)) {
                continue;
            }
            try (BufferedReader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonObject o = parse(line);
                    if (o != null && filter.matches(o)) {
                        if (found.size() == max) {
                            found.removeFirst();
                        }
                        found.addLast(line);
                    }
                }
            } catch (NoSuchFileException e) {
                // rotated away while listing: its lines are in the next name
            }
        }
        return new ArrayList<>(found);
    }

    private List<Path> files() throws IOException {
        if (!Files.isDirectory(file.getParent())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(file.getParent())) {
            return AuditNames.ordered(file.getFileName().toString(), s.toList());
        }
    }

    /** @return the line's object, or null when it is not one (torn, foreign) */
    static JsonObject parse(String line) {
        try {
            JsonElement e = JsonParser.parseString(line);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }
}
