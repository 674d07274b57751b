// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import com.google.gson.Gson;

/**
 * One line per request in {@code audit.jsonl}: time, client address, SAM, endpoint, HTTP status, NHI code
 * and duration. Written by a background thread in batches every 100 ms so that the signing path never waits
 * for the disk; close flushes the rest, so a restart keeps every line (a crash may lose the last 100 ms).
 * Callers must not put secrets, PINs or full id numbers in an entry.
 */
public final class AuditLog implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());
    private static final int RECENT = 500;
    private static final long FLUSH_MILLIS = 100;

    /**
     * One audited request.
     *
     * @param time ISO instant
     * @param client remote address
     * @param samId the authenticated SAM, or null
     * @param method HTTP method
     * @param path request path
     * @param status HTTP status
     * @param code NHI result code
     * @param micros duration in microseconds
     */
    public record Entry(String time, String client, String samId, String method, String path, int status, int code,
            long micros) {
    }

    private final Path file;
    private final Gson gson = new Gson();
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>(100_000);
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final Thread writer;
    private volatile boolean running = true;

    /** @param file the audit file, appended to */
    public AuditLog(Path file) {
        this.file = file;
        loadRecent();
        writer = new Thread(this::drain, "idc-audit");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues an entry. Never drops one: when the writer is 100 000 entries behind, the caller waits for room
     * (the disk, not the audit, is then the limit).
     */
    public void record(Entry entry) {
        synchronized (recent) {
            recent.addLast(entry);
            if (recent.size() > RECENT) {
                recent.removeFirst();
            }
        }
        if (!queue.offer(entry)) {
            try {
                queue.put(entry);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.log(System.Logger.Level.WARNING, "interrupted while the audit queue was full: entry dropped");
            }
        }
    }

    /** @return up to {@code limit} most recent entries, newest last */
    public List<Entry> recent(int limit) {
        synchronized (recent) {
            List<Entry> all = new ArrayList<>(recent);
            return all.subList(Math.max(0, all.size() - limit), all.size());
        }
    }

    @Override
    public void close() {
        // No interrupt: the file channel would close itself on one; the writer polls every 200 ms.
        running = false;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what has queued up every 100 ms: one wake-up and one flush per batch, not per request. */
    private void drain() {
        try (BufferedWriter out = Files.newBufferedWriter(ownerOnly(file), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            List<Entry> batch = new ArrayList<>();
            boolean last = false;
            while (!last) {
                last = !running;
                try {
                    Thread.sleep(FLUSH_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    last = true;
                }
                queue.drainTo(batch);
                for (Entry e : batch) {
                    out.write(line(e));
                    out.newLine();
                }
                if (!batch.isEmpty()) {
                    out.flush();
                    batch.clear();
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "audit log cannot be written: {0}", e.toString());
        }
    }

    /** One JSON line, written by hand: reflection-based serialisation cost more CPU than the request itself. */
    static String line(Entry e) {
        StringBuilder b = new StringBuilder(192).append("{\"time\":");
        str(b, e.time()).append(",\"client\":");
        str(b, e.client());
        if (e.samId() != null) {
            str(b.append(",\"samId\":"), e.samId());
        }
        str(b.append(",\"method\":"), e.method()).append(",\"path\":");
        str(b, e.path()).append(",\"status\":").append(e.status()).append(",\"code\":").append(e.code())
                .append(",\"micros\":").append(e.micros());
        return b.append('}').toString();
    }

    private static StringBuilder str(StringBuilder b, String s) {
        if (s == null) {
            return b.append("null");
        }
        int plain = 0;
        while (plain < s.length() && s.charAt(plain) >= 0x20 && s.charAt(plain) != '"' && s.charAt(plain) != '\\') {
            plain++;
        }
        b.append('"').append(s, 0, plain); // the usual case: nothing to escape, one bulk copy
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }

    private void loadRecent() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.max(0, lines.size() - RECENT), lines.size())) {
                try {
                    recent.addLast(gson.fromJson(line, Entry.class));
                } catch (RuntimeException torn) {
                    // a torn last line after a crash: skip it
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path ownerOnly(Path file) {
        try {
            if (file.getParent() != null) {
                OwnerOnly.folder(file.getParent());
            }
            return OwnerOnly.file(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit log " + file, e);
        }
    }
}
