// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.CardInfo;

/** Renders a card's state for people: each area's records as text, blank records left out. */
public final class CardDump {
    private CardDump() {
    }

    public static String of(CardState s, CardInfo info) {
        StringBuilder b = new StringBuilder();
        b.append(info.kind()).append(' ').append(s.number()).append("  ").append(info.holder()).append("  [")
                .append(info.environment()).append("] ").append(info.purpose()).append('\n');
        b.append("  PIN: ").append(s.pinEnabled() ? "enabled, " + s.pinTries() + " tries left" : "none")
                .append("; failed authentications: ").append(s.authFailures())
                .append(s.locked() ? " (LOCKED)" : "").append('\n');
        for (Area a : Layouts.of(s.kind()).values()) {
            byte[] content = s.area(a.id());
            for (int r = 0; r < a.records(); r++) {
                String text = new String(content, r * a.recordLength(), a.recordLength(), Text.BIG5);
                if (text.isBlank()) {
                    continue;
                }
                b.append(String.format("  %02X %-26s", a.id(), a.records() == 1 ? a.name()
                        : a.name() + " #" + (r + 1))).append('|').append(printable(text)).append("|\n");
            }
        }
        return b.toString();
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '.' : c));
        return b.toString();
    }
}
