// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that can be moved forward: the IDC's "simulated clock". SAM files are produced on its full hours,
 * fast-auth tokens expire on it. Tests start from a fixed instant; demos run on the system clock and jump
 * ahead with {@link #advance}.
 */
public final class AdjustableClock extends Clock {
    private final Clock base;
    private final AtomicLong offsetMillis;

    private AdjustableClock(Clock base, AtomicLong offsetMillis) {
        this.base = base;
        this.offsetMillis = offsetMillis;
    }

    /** @return a clock following the system clock, until advanced */
    public static AdjustableClock system() {
        return new AdjustableClock(Clock.systemUTC(), new AtomicLong());
    }

    /** @return a clock standing still at {@code start} until advanced (for tests) */
    public static AdjustableClock fixed(Instant start) {
        return new AdjustableClock(Clock.fixed(start, ZoneId.of("UTC")), new AtomicLong());
    }

    /** Moves the clock forward. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the simulated clock only moves forward");
        }
        offsetMillis.addAndGet(by.toMillis());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), offsetMillis);
    }

    @Override
    public Instant instant() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    @Override
    public long millis() {
        return base.millis() + offsetMillis.get();
    }
}
