// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The IDC's notion of "now": Taiwan time from an injectable clock. */
public final class Times {
    /** Taiwan: UTC+8 all year. */
    public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    private final Clock clock;

    /** @param clock the clock (a real one, or a test's adjustable one) */
    public Times(Clock clock) {
        this.clock = clock;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return now, Taiwan local time, whole seconds */
    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(TAIPEI)).withNano(0);
    }

    /** @return now as ISO date-time with offset, e.g. {@code 2026-11-22T10:00:00+08:00} */
    public String iso() {
        return OffsetDateTime.now(clock.withZone(TAIPEI)).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** @return milliseconds since the epoch */
    public long millis() {
        return clock.millis();
    }
}
