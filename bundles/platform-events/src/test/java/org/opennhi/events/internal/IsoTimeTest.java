// SPDX-License-Identifier: Apache-2.0
package org.opennhi.events.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.Test;

/** The audit's own time writer against the JDK's {@link Instant#toString()}. */
public class IsoTimeTest {
    private static String text(Instant t) {
        StringBuilder b = new StringBuilder();
        IsoTime.append(b, t);
        return b.toString();
    }

    @Test
    public void writesWhatInstantToStringWrites() {
        SplittableRandom random = new SplittableRandom(18);
        long base = Instant.parse("2026-12-08T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long second = base + random.nextInt(3) + (i % 7 == 0 ? random.nextInt(400_000_000) : 0);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(second, nano);
            assertEquals(t.toString(), text(t));
        }
        assertEquals("1970-01-01T00:00:00.000000001Z", text(Instant.ofEpochSecond(0, 1)));
        assertEquals("2026-12-08T00:46:08.120Z", text(Instant.parse("2026-12-08T00:46:08.12Z")));
    }
}
