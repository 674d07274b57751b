// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.util.function.BooleanSupplier;

/** Waits for something the platform reaches asynchronously; fails with a message, never hangs. */
final class Await {
    static final long DEFAULT_MS = 15_000;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, DEFAULT_MS, condition);
    }

    static void until(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not reached within " + timeoutMs + " ms: " + what);
            }
            Thread.sleep(20);
        }
    }
}
