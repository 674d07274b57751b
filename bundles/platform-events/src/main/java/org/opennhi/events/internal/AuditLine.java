// SPDX-License-Identifier: Apache-2.0
package org.opennhi.events.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.opennhi.contracts.platform.AuditRecord;

/** An audit record as one JSON line (docs/card-engine.md, "Audit"): {@code CALL} or {@code ADMIN}. */
final class AuditLine {
    private static final int KEPT = 4096;
    private static final Map<String, String> ESCAPED = new ConcurrentHashMap<>();

    private AuditLine() {
    }

    static boolean isAdmin(AuditRecord r) {
        return "admin".equals(r.facade());
    }

    static String of(AuditRecord r) {
        StringBuilder b = new StringBuilder(256);
        append(b, r);
        return b.toString();
    }

    /** Appends the record's line, without its newline (the writer thread's path: no string per field). */
    static void append(StringBuilder b, AuditRecord r) {
        b.append("{\"time\":\"");
        IsoTime.append(b, r.time());
        b.append("\",\"type\":\"").append(isAdmin(r) ? "ADMIN" : "CALL").append("\",\"function\":\"");
        b.append(escaped(r.function())).append("\",\"number\":\"").append(escaped(r.number()))
                .append("\",\"facade\":\"").append(escaped(r.facade())).append("\",\"caller\":\"")
                .append(escaped(r.caller()));
        b.append('"');
        if (!r.slot().isEmpty()) {
            b.append(",\"slot\":\"").append(r.slot()).append('"');
        }
        if (!r.card().isEmpty()) {
            b.append(",\"card\":\"").append(escaped(r.card())).append('"');
        }
        b.append(",\"code\":").append(r.code()).append(",\"micros\":").append(r.micros())
                .append(",\"apdus\":").append(r.apdus()).append(",\"written\":").append(r.written()).append('}');
    }

    /**
     * @return the text as the inside of a JSON string; the few values records repeat (function names, callers,
     *         masked cards) are escaped once and kept, up to {@value #KEPT}
     */
    private static String escaped(String text) {
        String e = ESCAPED.get(text);
        if (e == null) {
            StringBuilder b = new StringBuilder(text.length() + 8);
            escape(b, text);
            e = b.toString();
            if (ESCAPED.size() < KEPT) {
                ESCAPED.put(text, e);
            }
        }
        return e;
    }

    /** Appends the text as the inside of a JSON string. */
    static void escape(StringBuilder b, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
    }
}
