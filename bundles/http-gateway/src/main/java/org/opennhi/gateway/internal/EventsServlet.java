// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.opennhi.contracts.platform.HttpApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /events}: a Server-Sent Events stream. It starts with the current status, then pushes
 * {@code status} on every change and {@code reader} for every card or reader event, with a keep-alive
 * comment in between so proxies and clients notice a dead line.
 */
@Component(service = Servlet.class, configurationPid = GatewayConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {"osgi.http.whiteboard.servlet.pattern=/events",
    "osgi.http.whiteboard.servlet.asyncSupported=true",
    "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class EventsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient StatusModel model;
    private final transient Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final transient ScheduledExecutorService heartbeat;
    private transient volatile GatewayConfig config;
    private transient ScheduledFuture<?> beat;

    @Activate
    public EventsServlet(@Reference StatusModel model, GatewayConfig config) {
        this.model = model;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "opennhi-events-heartbeat");
            t.setDaemon(true);
            return t;
        });
        modified(config);
    }

    /** Shares the gateway's PID; a change keeps open streams open. */
    @Modified
    synchronized void modified(GatewayConfig changed) {
        int seconds = Math.max(1, changed.heartbeatSeconds());
        if (config == null || config.heartbeatSeconds() != changed.heartbeatSeconds()) {
            if (beat != null) {
                beat.cancel(false);
            }
            beat = heartbeat.scheduleAtFixedRate(() -> streams.forEach(s -> s.send(": keep-alive\n\n")), seconds,
                    seconds, TimeUnit.SECONDS);
        }
        config = changed;
    }

    @Deactivate
    void deactivate() {
        heartbeat.shutdownNow();
        streams.forEach(Stream::close);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (streams.size() >= config.maxEventStreams()) {
            reclaimClosed();
        }
        if (streams.size() >= config.maxEventStreams()) {
            Json.write(res, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    Json.error("too_many_streams", "Too many event streams are open; close one and retry."));
            return;
        }
        res.setStatus(HttpServletResponse.SC_OK);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-store");
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        Stream stream = new Stream(async, res.getWriter());
        async.addListener(stream);
        streams.add(stream);
        stream.send("retry: 2000\n\n");
        stream.send(frame("status", Json.GSON.toJson(model.snapshot())));
        stream.unsubscribe = model.subscribe(push -> stream.send(frame(push.event(), push.json())));
    }

    /**
     * Frees the slots of streams whose browser has gone (issue 16, item 13). A closed connection is noticed only
     * when something is written to it: the first write after the peer closed still succeeds (the peer answers with
     * a reset), the second fails. So when the streams are full, every stream gets two keep-alive comments a few
     * milliseconds apart and the dead ones close themselves; a reloading watch page gets its stream at once
     * instead of a 503 until the next heartbeat.
     */
    private synchronized void reclaimClosed() {
        for (int round = 0; round < 2; round++) {
            List<Future<?>> writes = streams.stream().<Future<?>>map(Stream::probe).toList();
            for (Future<?> w : writes) {
                try {
                    w.get(PROBE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException | CancellationException e) {
                    // a stream that cannot take a comment now is not counted as gone
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (round == 0) {
                try {
                    Thread.sleep(PROBE_GAP_MILLIS); // time for a closed peer's reset to come back (loopback: <1 ms)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static final long PROBE_WAIT_MILLIS = 200;
    private static final long PROBE_GAP_MILLIS = 20;

    static String frame(String event, String json) {
        // JSON from Gson holds no raw newlines, so one data line carries it whole
        return "event: " + event + "\ndata: " + json + "\n\n";
    }

    /**
     * One open stream. Events are queued and written by the stream's own thread, so a client that stops
     * reading never stalls whoever raised the event; a client that falls {@value #QUEUE} events behind, or
     * whose connection fails, is dropped and may reconnect.
     */
    private final class Stream implements AsyncListener {
        private static final int QUEUE = 256;
        private final AsyncContext async;
        private final PrintWriter out;
        private final ExecutorService writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "opennhi-events-writer");
                    t.setDaemon(true);
                    return t;
                });
        private volatile Runnable unsubscribe = () -> { };
        private volatile boolean closed;

        Stream(AsyncContext async, PrintWriter out) {
            this.async = async;
            this.out = out;
        }

        void send(String text) {
            if (closed) {
                return;
            }
            try {
                writer.execute(() -> write(text));
            } catch (RejectedExecutionException tooSlow) {
                close();
            }
        }

        /** @return the write of a keep-alive comment, done when it was written or failed */
        Future<?> probe() {
            if (closed) {
                return CompletableFuture.completedFuture(null);
            }
            try {
                return writer.submit(() -> write(": probe\n\n"));
            } catch (RejectedExecutionException tooSlow) {
                close();
                return CompletableFuture.completedFuture(null);
            }
        }

        private void write(String text) {
            if (closed) {
                return;
            }
            out.write(text);
            out.flush();
            if (out.checkError()) {
                close();
            }
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            streams.remove(this);
            unsubscribe.run();
            writer.shutdownNow();
            try {
                async.complete();
            } catch (IllegalStateException alreadyDone) {
                // the container ended it first
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            closed = true;
            streams.remove(this);
            unsubscribe.run();
            writer.shutdownNow();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            close();
        }

        @Override
        public void onError(AsyncEvent event) {
            close();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // nothing to do
        }
    }
}
