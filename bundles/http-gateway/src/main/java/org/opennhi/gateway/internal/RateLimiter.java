// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code ratePerSecond} permits refill continuously up to {@code burst}. Protects the card
 * service from a runaway client loop and slows down token guessing.
 */
final class RateLimiter {
    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private double available;
    private long last;

    RateLimiter(double ratePerSecond, double burst, LongSupplier nanoClock) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.available = burst;
        this.last = nanoClock.getAsLong();
    }

    /** @return true when a permit was taken, false when the caller must back off */
    synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        available = Math.min(burst, available + (now - last) * ratePerNano);
        last = now;
        if (available >= 1) {
            available -= 1;
            return true;
        }
        return false;
    }

    /** @return whole seconds until the next permit, at least 1, for a {@code Retry-After} header */
    synchronized long secondsUntilNextPermit() {
        double missing = Math.max(0, 1 - available);
        return Math.max(1, (long) Math.ceil(missing / ratePerNano / 1e9));
    }
}
