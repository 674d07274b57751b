package org.opennhi.events.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.platform.PlatformEventListener;
import org.opennhi.contracts.platform.PlatformEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread takes published events in order, appends each to {@code <home>/LOG/audit.jsonl} and hands it to
 * the listeners. The queue is bounded so a stuck disk or listener cannot eat the heap; when it is full the
 * event is dropped with a warning rather than blocking a card operation.
 */
@Component(service = PlatformEvents.class, immediate = true)
public final class EventHub implements PlatformEvents {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    /** Audit file name in the LOG folder. */
    static final String AUDIT_FILE = "audit.jsonl";
    private static final int CAPACITY = 10_000;

    private final Path auditFile;
    private final List<PlatformEventListener> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<PlatformEvent> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Thread worker;
    private volatile boolean running = true;

    @Activate
    public EventHub(@Reference NhiHome home) {
        this(home.logFolder().resolve(AUDIT_FILE));
    }

    EventHub(Path auditFile) {
        this.auditFile = auditFile;
        worker = new Thread(this::run, "opennhi-events");
        worker.setDaemon(true);
        worker.start();
    }

    @Deactivate
    void deactivate() {
        running = false;
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(PlatformEventListener l) {
        listeners.add(l);
    }

    void removeListener(PlatformEventListener l) {
        listeners.remove(l);
    }

    @Override
    public void publish(PlatformEvent event) {
        if (event != null && !queue.offer(event)) {
            LOG.warn("Platform event dropped, the audit writer is {} events behind: {}", CAPACITY, event.type());
        }
    }

    private void run() {
        BufferedWriter out = null;
        List<PlatformEvent> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                PlatformEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
                out = write(out, batch);
                for (PlatformEvent e : batch) {
                    for (PlatformEventListener l : listeners) {
                        try {
                            l.platformEvent(e);
                        } catch (RuntimeException ex) {
                            LOG.warn("A platform event listener failed", ex);
                        }
                    }
                }
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close(out);
    }

    /** Appends and flushes the batch; a failing disk is reported and retried with the next batch. */
    private BufferedWriter write(BufferedWriter out, List<PlatformEvent> batch) {
        try {
            if (out == null) {
                Files.createDirectories(auditFile.getParent());
                out = Files.newBufferedWriter(auditFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            for (PlatformEvent e : batch) {
                out.write(line(e));
                out.newLine();
            }
            out.flush();
            return out;
        } catch (IOException e) {
            LOG.error("The audit log {} cannot be written: {}", auditFile, e.toString());
            close(out);
            return null;
        }
    }

    private static void close(BufferedWriter out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // nothing more to keep
            }
        }
    }

    /** One JSON object per line. */
    static String line(PlatformEvent e) {
        StringBuilder b = new StringBuilder(160).append("{\"time\":\"").append(e.time()).append("\",\"type\":\"")
                .append(e.type()).append('"');
        e.slot().ifPresent(s -> b.append(",\"slot\":\"").append(s).append('"'));
        b.append(",\"code\":").append(e.code()).append(",\"detail\":\"");
        for (char c : e.detail().toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append("\"}").toString();
    }
}
