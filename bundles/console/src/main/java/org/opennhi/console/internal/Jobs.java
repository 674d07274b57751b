// SPDX-License-Identifier: Apache-2.0
package org.opennhi.console.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.result.NhiException;

/**
 * Long console actions (SAM authentication, resets) run one at a time on their own thread; the page polls a
 * job's progress and result, so neither the page nor the HTTP thread waits for the IDC.
 */
final class Jobs implements AutoCloseable {
    /** What an action does; it reports its steps and returns a sentence for the person who asked. */
    @FunctionalInterface
    interface Action {
        String run(Progress progress) throws Exception;
    }

    /** A job's state as the page shows it. */
    static final class Job {
        final long id;
        final String name;
        final Instant started = Instant.now();
        volatile long done;
        volatile long total = -1;
        volatile String step = "waiting";
        volatile boolean finished;
        volatile boolean ok;
        volatile Integer code;
        volatile String result = "";

        Job(long id, String name) {
            this.id = id;
            this.name = name;
        }

        Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("name", name);
            m.put("started", started.toString());
            m.put("done", done);
            m.put("total", total);
            m.put("step", step);
            m.put("finished", finished);
            m.put("ok", ok);
            m.put("code", code);
            m.put("result", result);
            return m;
        }
    }

    private static final int KEEP = 32;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Job> jobs = new LinkedHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "opennhi-console-jobs");
        t.setDaemon(true);
        return t;
    });

    /** Queues an action. @return its job */
    synchronized Job submit(String name, Action action) {
        Job job = new Job(ids.incrementAndGet(), name);
        jobs.put(job.id, job);
        while (jobs.size() > KEEP) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        worker.execute(() -> run(job, action));
        return job;
    }

    synchronized Optional<Job> find(long id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private static void run(Job job, Action action) {
        try {
            job.result = action.run((done, total, step) -> {
                job.done = done;
                job.total = total;
                job.step = step;
            });
            job.ok = true;
            job.code = 0;
        } catch (NhiException e) {
            job.code = e.result().code();
            job.result = e.result().code() + ": " + e.getMessage();
        } catch (Exception e) {
            job.result = e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            job.step = "finished";
            job.finished = true;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
