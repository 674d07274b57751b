// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The reader's real-time clock: the host clock plus an offset that CLOCK SET moves. Thread-safe. */
public final class ReaderClock {
    static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public ReaderClock(Clock base) {
        this.base = base;
    }

    public LocalDateTime now() {
        return LocalDateTime.now(base).plus(offset);
    }

    /** @return 14 ASCII digits, Gregorian {@code YYYYMMDDhhmmss} */
    public byte[] wire() {
        return now().format(WIRE).getBytes(StandardCharsets.US_ASCII);
    }

    /** @return false when the bytes are not a valid date-time */
    public boolean set(byte[] wire) {
        try {
            LocalDateTime t = LocalDateTime.parse(new String(wire, StandardCharsets.US_ASCII), WIRE);
            offset = Duration.between(LocalDateTime.now(base), t);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
