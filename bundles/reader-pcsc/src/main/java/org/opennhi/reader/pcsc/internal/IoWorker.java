// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one reader's card I/O on a thread of its own, so a caller can give up on a card that never answers:
 * a PC/SC transmit cannot be interrupted, and through some drivers (vpcd among them) it waits forever. The
 * stuck thread frees itself when the card finally answers or leaves; until then the reader answers "busy"
 * at once instead of queueing more callers behind it.
 *
 * <p>The hop to this thread and back must cost nothing next to the APDU. A parked thread woken on an idle
 * (virtual) core costs 0.3 ms and more, twice per APDU, which made a cold read after idle cost ~1 ms per APDU
 * against 0.28 ms raw. So no side parks while a session is open: opening one {@link #engage engages} the worker,
 * which is woken at once (in parallel with the caller's own set-up) and then waits for commands by spinning,
 * yielding its core to anything else runnable; the caller waits for the answer the same way. Both park only
 * after {@value #ENGAGED_SPIN_MILLIS} ms without a command, or once the session ends, so an idle reader costs
 * no CPU.
 */
final class IoWorker implements AutoCloseable {
    /** Busy spin before yielding: an APDU's hand-off is a few µs when the other side is awake. */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /** How long an engaged worker, or a caller awaiting an answer, stays awake without parking. */
    static final long ENGAGED_SPIN_MILLIS = 20;
    private static final long ENGAGED_SPIN_NANOS = TimeUnit.MILLISECONDS.toNanos(ENGAGED_SPIN_MILLIS);
    private static final FutureTask<Void> WAKE = new FutureTask<>(() -> null);

    private final SynchronousQueue<FutureTask<?>> handoff = new SynchronousQueue<>();
    /** Room for the longest answer (extended APDU); used only on this worker's thread, one command at a time. */
    private final ByteBuffer answer = ByteBuffer.allocate(65_538);
    private final Thread thread;
    private volatile long busySince;
    private volatile boolean engaged;
    private volatile boolean running = true;

    IoWorker(String reader) {
        thread = new Thread(this::serve, "opennhi-pcsc-io " + reader);
        thread.setDaemon(true);
        thread.start();
    }

    /** A session begins: wake the worker now and keep it awake until {@link #disengage()}. */
    void engage() {
        engaged = true;
        handoff.offer(WAKE); // taken only when the worker is waiting; an awake worker needs no wake
    }

    /** The session ended: the worker may park. */
    void disengage() {
        engaged = false;
    }

    /**
     * @return the work's result
     * @throws TimeoutException when the card did not answer within the time, or an earlier command still
     *         waits for its answer
     */
    <T> T call(Callable<T> work, long timeoutMillis) throws Exception {
        long since = busySince;
        if (since != 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) {
            throw new TimeoutException("an earlier command has waited " + (System.nanoTime() - since) / 1_000_000
                    + " ms for the card's answer");
        }
        FutureTask<T> task = new FutureTask<>(work);
        if (!handoff.offer(task, timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("the reader stayed busy for " + timeoutMillis + " ms");
        }
        awake(task::isDone);
        try {
            return task.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** @return the answer buffer; only for work running on this worker */
    ByteBuffer answerBuffer() {
        return answer;
    }

    private void serve() {
        while (running) {
            FutureTask<?>[] next = new FutureTask<?>[1];
            awake(() -> engaged && (next[0] = handoff.poll()) != null);
            FutureTask<?> task = next[0];
            try {
                if (task == null) {
                    task = handoff.take();
                }
            } catch (InterruptedException e) {
                continue;
            }
            busySince = System.nanoTime();
            try {
                task.run();
            } finally {
                busySince = 0;
            }
        }
    }

    /**
     * Stays on the core until the condition holds: a short busy spin, then yielding to whatever else is runnable,
     * for at most {@value #ENGAGED_SPIN_MILLIS} ms. The worker stops at once when no session is engaged.
     */
    private void awake(java.util.function.BooleanSupplier done) {
        long start = System.nanoTime();
        long now = start;
        while (!done.getAsBoolean()) {
            if (Thread.currentThread() == thread && !engaged) {
                return;
            }
            if (now - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else if (now - start < ENGAGED_SPIN_NANOS) {
                Thread.yield();
            } else {
                return;
            }
            now = System.nanoTime();
        }
    }

    @Override
    public void close() {
        running = false;
        engaged = false;
        thread.interrupt();
    }
}
