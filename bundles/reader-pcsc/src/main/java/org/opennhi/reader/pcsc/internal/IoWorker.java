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
 * <p>Both sides spin for {@value #SPIN_MICROS} µs before they park: an APDU takes ~60 µs and an APDU sequence
 * sends the next command at once, while a park and wake-up on an idle core costs ~30 µs each way
 * (BENCHMARKS.md: +50 % per APDU when parking at once, parity with raw javax.smartcardio with the spin).
 * Idle readers park, so nothing spins between calls.
 */
final class IoWorker implements AutoCloseable {
    private static final long SPIN_MICROS = 150;
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(SPIN_MICROS);
    private final SynchronousQueue<FutureTask<?>> handoff = new SynchronousQueue<>();
    /** Room for the longest answer (extended APDU); used only on this worker's thread, one command at a time. */
    private final ByteBuffer answer = ByteBuffer.allocate(65_538);
    private final Thread thread;
    private volatile long busySince;
    private volatile boolean running = true;

    IoWorker(String reader) {
        thread = new Thread(this::serve, "opennhi-pcsc-io " + reader);
        thread.setDaemon(true);
        thread.start();
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
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (!task.isDone() && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
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
            FutureTask<?> task = null;
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (task == null && System.nanoTime() < spinUntil) {
                task = handoff.poll();
                Thread.onSpinWait();
            }
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

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
