// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

public class RateLimiterTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    public void allowsTheBurstThenTheRate() {
        RateLimiter limiter = new RateLimiter(2, 3, now::get);
        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
        assertEquals(1, limiter.secondsUntilNextPermit());
        now.addAndGet(500_000_000L);
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
    }

    @Test
    public void neverStoresMoreThanTheBurst() {
        RateLimiter limiter = new RateLimiter(1, 2, now::get);
        now.addAndGet(3_600_000_000_000L);
        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
    }

    @Test
    public void slowRatesGiveLongRetryAfter() {
        RateLimiter perMinute = new RateLimiter(1 / 60.0, 1, now::get);
        assertTrue(perMinute.tryAcquire());
        assertFalse(perMinute.tryAcquire());
        assertEquals(60, perMinute.secondsUntilNextPermit());
    }
}
