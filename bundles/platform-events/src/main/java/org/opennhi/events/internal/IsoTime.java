// SPDX-License-Identifier: Apache-2.0
package org.opennhi.events.internal;

import java.time.Instant;

/**
 * Writes an instant exactly as {@link Instant#toString()} does (UTC, {@code 2026-12-08T00:46:08.123456Z}) without
 * a formatter per record: the text up to the seconds is kept for the last second seen, since an audit batch holds
 * hundreds of records of the same second.
 */
final class IsoTime {
    /** Immutable, so a plain field publishes it safely; a race only formats a second twice. */
    private record Second(long epochSecond, String text) {
    }

    private static Second last = new Second(Long.MIN_VALUE, "");

    private IsoTime() {
    }

    static void append(StringBuilder b, Instant t) {
        Second s = last;
        if (s.epochSecond() != t.getEpochSecond()) {
            String full = Instant.ofEpochSecond(t.getEpochSecond()).toString(); // ends in "Z", no fraction
            s = new Second(t.getEpochSecond(), full.substring(0, full.length() - 1));
            last = s;
        }
        b.append(s.text());
        int nano = t.getNano();
        if (nano != 0) { // 3, 6 or 9 digits, as Instant#toString
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
            b.append('.');
            for (int div = digits == 3 ? 100 : digits == 6 ? 100_000 : 100_000_000; div > 0; div /= 10) {
                b.append((char) ('0' + value / div % 10));
            }
        }
        b.append('Z');
    }
}
