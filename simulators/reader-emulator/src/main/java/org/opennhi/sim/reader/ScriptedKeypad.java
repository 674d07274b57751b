// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A keypad whose user is a script (tests, the CLI's {@code keypad} command): each PIN entry takes the next
 * queued entry, or times out when none is queued in time.
 */
public final class ScriptedKeypad implements Keypad {
    private final LinkedBlockingQueue<Entry> entries = new LinkedBlockingQueue<>();

    /** Queues digits and OK. */
    public void type(String digits) {
        entries.add(new Entry(Outcome.ENTERED, digits));
    }

    /** Queues a press of cancel. */
    public void cancel() {
        entries.add(new Entry(Outcome.CANCELLED, ""));
    }

    @Override
    public Entry read(Duration timeout) throws InterruptedException {
        Entry e = entries.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return e == null ? new Entry(Outcome.TIMED_OUT, "") : e;
    }
}
