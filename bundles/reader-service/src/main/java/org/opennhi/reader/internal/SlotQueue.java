// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/**
 * One fair queue per slot: callers get the card in the order they asked (no starvation), one at a time (no
 * interleaved APDU sequences). A semaphore rather than a lock, because a session may be closed by another
 * thread than the one that opened it. The queue belongs to the slot, not to a plugin: during a reader-type
 * switch a new caller waits for the old reader's session to end.
 */
final class SlotQueue {
    private final Map<Slot, Semaphore> permits = new EnumMap<>(Slot.class);

    SlotQueue() {
        for (Slot s : Slot.values()) {
            permits.put(s, new Semaphore(1, true));
        }
    }

    /** Waits for the slot; {@code 4000} when the wait runs out or the caller is interrupted. */
    void acquire(Slot slot, Duration wait) throws NhiException {
        try {
            if (!permits.get(slot).tryAcquire(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS)) {
                throw new NhiException(ResultCode.READER_TIMEOUT,
                        "the " + slot + " card stayed busy for " + wait.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NhiException(ResultCode.READER_TIMEOUT, "interrupted while waiting for the " + slot + " card");
        }
    }

    void release(Slot slot) {
        permits.get(slot).release();
    }

    /** @return how many callers wait for the slot now (for status and tests) */
    int waiting(Slot slot) {
        return permits.get(slot).getQueueLength();
    }
}
