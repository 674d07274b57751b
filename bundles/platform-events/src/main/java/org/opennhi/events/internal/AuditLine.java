package org.opennhi.events.internal;

import org.opennhi.contracts.platform.AuditRecord;

/** An audit record as one JSON line (docs/card-engine.md, "Audit"): {@code CALL} or {@code ADMIN}. */
final class AuditLine {
    private AuditLine() {
    }

    static boolean isAdmin(AuditRecord r) {
        return "admin".equals(r.facade());
    }

    static String of(AuditRecord r) {
        StringBuilder b = new StringBuilder(256).append("{\"time\":\"").append(r.time()).append("\",\"type\":\"")
                .append(isAdmin(r) ? "ADMIN" : "CALL").append("\",\"function\":\"");
        escape(b, r.function());
        b.append("\",\"number\":\"");
        escape(b, r.number());
        b.append("\",\"facade\":\"");
        escape(b, r.facade());
        b.append("\",\"caller\":\"");
        escape(b, r.caller());
        b.append('"');
        if (!r.slot().isEmpty()) {
            b.append(",\"slot\":\"").append(r.slot()).append('"');
        }
        if (!r.card().isEmpty()) {
            b.append(",\"card\":\"");
            escape(b, r.card());
            b.append('"');
        }
        return b.append(",\"code\":").append(r.code()).append(",\"micros\":").append(r.micros())
                .append(",\"apdus\":").append(r.apdus()).append(",\"written\":").append(r.written()).append('}')
                .toString();
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
