// SPDX-License-Identifier: Apache-2.0
package org.opennhi.events.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.opennhi.contracts.platform.AuditRecord;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.platform.PlatformEventListener;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.result.ResultCode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread takes published events in order, appends each to {@code <home>/LOG/audit.jsonl} (rotated by size,
 * {@link AuditFile}) and hands it to the listeners. The queue is bounded so a stuck disk or listener cannot eat
 * the heap. An event that cannot be kept (disk full, file not writable, queue full) is never dropped silently:
 * it is counted ({@link #unauditedEvents}), the log says so once, the listeners (and so {@code /status}'s last
 * error) get an {@link PlatformEvent.Type#AUDIT} event with 6016, and {@link #auditFailure} tells the SAM service
 * to refuse card writes and IDC calls until a record can be written again (docs/card-engine.md, "Audit").
 */
@Component(service = PlatformEvents.class, immediate = true, configurationPid = EventsConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"osgi.command.scope=opennhi", "osgi.command.function=audit"})
@Designate(ocd = EventsConfig.class)
public final class EventHub implements PlatformEvents {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    /** Audit file name in the LOG folder. */
    static final String AUDIT_FILE = "audit.jsonl";
    private static final int CAPACITY = 10_000;
    /** While the audit log cannot be written, a record of the gap is tried this often (no event needed). */
    static final long PROBE_MILLIS = 2_000;

    private final Path auditPath;
    private final AuditFile audit;
    private final AuditReader reader;
    private final boolean auditCalls;
    private final List<PlatformEventListener> listeners = new CopyOnWriteArrayList<>();
    /** {@link PlatformEvent}s and {@link AuditRecord}s, in order. */
    /** The writer thread's reused text of a batch. */
    private StringBuilder text = new StringBuilder();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(CAPACITY);
    /**
     * Facade-call records wait here without waking the writer: it collects them every {@value #RECORD_WINDOW_MS}
     * ms (or with the next event), so a call costs a lock-free offer, not a thread wake-up and a write of its own
     * (bench/audit). At most that window of records is lost with a SIGKILL.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<AuditRecord> records =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Striped, so that callers on many threads do not contend on one counter; summed only now and then. */
    private final java.util.concurrent.atomic.LongAdder recordsWaiting = new java.util.concurrent.atomic.LongAdder();
    static final int RECORD_WINDOW_MS = 50;
    private final Thread worker;
    private final AtomicLong unaudited = new AtomicLong();
    private volatile boolean running = true;
    /** Why the audit log cannot be written now; null while it can. */
    private volatile String failure;
    private volatile Instant failingSince;
    private long lastProbe;

    @Activate
    public EventHub(@Reference NhiHome home, EventsConfig config) {
        this(home.logFolder().resolve(AUDIT_FILE), config.auditMaxBytes(), config.auditKeep(),
                config.auditRetentionDays(), config.auditCalls(), Clock.systemDefaultZone());
    }

    EventHub(Path auditFile) {
        this(auditFile, 10L * 1024 * 1024, 5);
    }

    EventHub(Path auditFile, long maxBytes, int keep) {
        this(auditFile, maxBytes, keep, 180, true, Clock.systemDefaultZone());
    }

    EventHub(Path auditFile, long maxBytes, int keep, int retentionDays, boolean auditCalls, Clock clock) {
        this.auditPath = auditFile;
        this.audit = new AuditFile(auditFile, maxBytes, keep, retentionDays, clock);
        this.reader = new AuditReader(auditFile, clock.getZone());
        this.auditCalls = auditCalls;
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
        if (event != null) {
            enqueue(event, event.type());
        }
    }

    /** Only queued here (the call path's whole cost); the writer thread formats and writes it. */
    @Override
    public void record(AuditRecord record) {
        if (record != null && (auditCalls || AuditLine.isAdmin(record))) {
            recordsWaiting.increment();
            // the bound is looked at on one call in 64 (a sum reads every stripe): it may be passed by a few
            // hundred records, not by a stuck writer's whole backlog
            if (java.util.concurrent.ThreadLocalRandom.current().nextInt(64) == 0 && recordsWaiting.sum() > CAPACITY) {
                recordsWaiting.decrement();
                enqueue(record, record.function()); // the bounded queue refuses it and counts it as unaudited
                return;
            }
            records.offer(record);
        }
    }

    private void enqueue(Object item, Object what) {
        if (!queue.offer(item)) {
            unaudited.incrementAndGet();
            if (failure == null) {
                failingSince = Instant.now();
            }
            failure = "the audit writer is " + CAPACITY + " events behind";
            LOG.warn("Platform event not audited, the audit writer is {} events behind: {}", CAPACITY, what);
        }
    }

    @Override
    public List<String> auditTrail(Instant since, String cardLast4, String function, int limit) {
        try {
            return reader.read(new AuditReader.Filter(since, cardLast4, function), limit);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit log cannot be read", e);
        }
    }

    @Override
    public Optional<String> auditFailure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public long unauditedEvents() {
        return unaudited.get();
    }

    /** Gogo {@code opennhi:audit}: the audit log's state. */
    public String audit() {
        String f = failure;
        return "audit log " + auditPath + ": " + (f == null ? "writable" : "NOT writable since " + failingSince
                + " (" + f + ")") + "; " + unaudited.get() + " events not kept since start";
    }

    private void run() {
        try {
            audit.open(); // at start, not at the first record: a torn last line is cut before anyone reads
        } catch (IOException e) {
            failed(e);
        }
        List<Object> batch = new ArrayList<>();
        int idle = 0;
        while (running || !queue.isEmpty() || !records.isEmpty()) {
            try {
                Object first = queue.poll(RECORD_WINDOW_MS, TimeUnit.MILLISECONDS);
                int drained = 0;
                for (AuditRecord r = records.poll(); r != null; r = records.poll()) {
                    drained++;
                    batch.add(r);
                }
                recordsWaiting.add(-drained);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch);
                }
                if (batch.isEmpty()) {
                    if (++idle * RECORD_WINDOW_MS >= 200) { // as before: look at a failed disk every 200 ms
                        idle = 0;
                        probe();
                    }
                    continue;
                }
                write(batch);
                tell(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        audit.close();
    }

    private void tell(List<?> batch) {
        for (Object o : batch) {
            if (!(o instanceof PlatformEvent e)) {
                continue; // audit records are for the trail, not the listeners
            }
            for (PlatformEventListener l : listeners) {
                try {
                    l.platformEvent(e);
                } catch (RuntimeException ex) {
                    LOG.warn("A platform event listener failed", ex);
                }
            }
        }
    }

    /** Appends the batch in one write; a failing disk is reported once, counted, and retried. */
    private void write(List<Object> batch) {
        StringBuilder b = text;
        b.setLength(0);
        String gap = failure == null ? null : gapNotice();
        if (gap != null) {
            b.append(gap).append('\n');
        }
        for (Object o : batch) {
            if (o instanceof AuditRecord r) {
                AuditLine.append(b, r);
            } else {
                b.append(line((PlatformEvent) o));
            }
            b.append('\n');
        }
        try {
            audit.append(b.toString().getBytes(StandardCharsets.UTF_8));
            if (gap != null) {
                recovered();
            }
        } catch (IOException e) {
            unaudited.addAndGet(batch.size());
            failed(e);
        }
        if (b.capacity() > 1 << 20) {
            text = new StringBuilder(); // a burst's buffer is not kept for ever
        }
    }

    /** While failing and idle: try to write the gap notice, so the service recovers without waiting for an event. */
    private void probe() {
        long now = System.currentTimeMillis();
        if (failure == null || now - lastProbe < PROBE_MILLIS) {
            return;
        }
        lastProbe = now;
        try {
            audit.append(List.of(gapNotice()));
            recovered();
        } catch (IOException e) {
            // still failing: already reported
        }
    }

    private String gapNotice() {
        return line(new PlatformEvent(PlatformEvent.Type.AUDIT, Optional.empty(), ResultCode.OUT_OF_MEMORY.code(),
                "the audit log could not be written from " + failingSince + " (" + failure + "): "
                        + unaudited.get() + " events since start not kept", Instant.now()));
    }

    private void failed(IOException e) {
        boolean first = failure == null;
        failure = "cannot write " + auditPath.getFileName() + ": " + e.getMessage();
        lastProbe = System.currentTimeMillis();
        if (first) {
            failingSince = Instant.now();
            LOG.error("The audit log {} cannot be written ({}): card writes and IDC calls are refused (6016) until"
                    + " it can", auditPath, e.toString());
            tell(List.of(new PlatformEvent(PlatformEvent.Type.AUDIT, Optional.empty(),
                    ResultCode.OUT_OF_MEMORY.code(), "audit log not writable (" + e.getMessage()
                            + "): card writes and IDC calls refused", Instant.now())));
        }
    }

    private void recovered() {
        LOG.info("The audit log {} can be written again; {} events since start were not kept", auditPath,
                unaudited.get());
        failure = null;
        failingSince = null;
        tell(List.of(new PlatformEvent(PlatformEvent.Type.AUDIT, Optional.empty(), 0,
                "audit log writable again", Instant.now())));
    }

    /** One JSON object per line. */
    static String line(PlatformEvent e) {
        StringBuilder b = new StringBuilder(160).append("{\"time\":\"").append(e.time()).append("\",\"type\":\"")
                .append(e.type()).append('"');
        e.slot().ifPresent(s -> b.append(",\"slot\":\"").append(s).append('"'));
        b.append(",\"code\":").append(e.code()).append(",\"detail\":\"");
        AuditLine.escape(b, e.detail());
        return b.append("\"}").toString();
    }
}
