// SPDX-License-Identifier: Apache-2.0
package org.opennhi.events.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log file. {@code audit.jsonl} holds today's records; before a batch would take it past
 * {@code maxBytes} it becomes {@code audit.jsonl.1} (older parts move up to {@code .keep}, the oldest is deleted).
 * At the first write of a new day the day's files become {@code audit-YYYY-MM-DD.jsonl} (and {@code .jsonl.N}),
 * and archived days older than {@code retentionDays} are deleted. On opening, a torn last line (the platform
 * killed mid-write) is cut, so the file parses line by line. Not thread-safe: the event hub's one writer uses it.
 */
final class AuditFile {
    private static final Logger LOG = LoggerFactory.getLogger(AuditFile.class);

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private final int retentionDays;
    private final Clock clock;
    /** Unbuffered: a batch arrives as one array and goes out in one write. */
    private OutputStream out;
    private long size;
    /** The day of the records in {@link #file}. */
    private LocalDate day;
    /** When old days were last looked for. */
    private LocalDate purged;

    /**
     * @param file {@code <home>/LOG/audit.jsonl}
     * @param maxBytes rotate before the file grows past this; 0: never
     * @param keep how many size-rotated parts of a day to keep (at least 1 when rotating)
     * @param retentionDays archived days older than this are deleted; 0: never
     * @param clock today's date (the clock's zone: the clinic's day)
     */
    AuditFile(Path file, long maxBytes, int keep, int retentionDays, Clock clock) {
        this.file = file;
        this.maxBytes = Math.max(0, maxBytes);
        this.keep = Math.max(1, keep);
        this.retentionDays = Math.max(0, retentionDays);
        this.clock = clock;
    }

    /** Appends the lines (each without its newline); see {@link #append(byte[])}. */
    void append(List<String> lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l).append('\n');
        }
        append(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends whole lines (UTF-8, each ending in a newline) in one write; on failure the file is closed and
     * reopened on the next call.
     */
    void append(byte[] lines) throws IOException {
        try {
            if (out == null) {
                open();
            }
            LocalDate today = LocalDate.now(clock);
            if (!today.equals(day) && size > 0) {
                archive(day);
                open();
            }
            day = today;
            if (!today.equals(purged)) { // at start and once a day
                purged = today;
                purge(today);
            }
            if (maxBytes > 0 && size > 0 && size + lines.length > maxBytes) {
                rotate();
                open();
            }
            out.write(lines);
            size += lines.length;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** Opens the file (cutting a torn last line); idempotent. */
    void open() throws IOException {
        if (out != null) {
            return;
        }
        Files.createDirectories(file.getParent());
        boolean regular = Files.isRegularFile(file); // a device (a test's /dev/full) has no size nor lines to cut
        if (regular) {
            long cut = repair(file);
            if (cut > 0) {
                LOG.warn("The audit log {} ended in a torn line (the platform stopped mid-write): {} bytes cut",
                        file, cut);
            }
        }
        size = regular ? Files.size(file) : 0;
        if (day == null) {
            day = size > 0 ? LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), clock.getZone())
                    : LocalDate.now(clock);
        }
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Cuts what follows the last newline: a line the writer did not finish.
     *
     * @return how many bytes were cut
     */
    static long repair(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(4096);
            long pos = end;
            while (pos > 0) {
                int n = (int) Math.min(buf.capacity(), pos);
                buf.clear().limit(n);
                ch.read(buf, pos - n);
                for (int i = n - 1; i >= 0; i--) {
                    if (buf.get(i) == '\n') {
                        long keepTo = pos - n + i + 1;
                        if (keepTo < end) {
                            ch.truncate(keepTo);
                        }
                        return end - keepTo;
                    }
                }
                pos -= n;
            }
            ch.truncate(0); // not one whole line
            return end;
        }
    }

    private void rotate() throws IOException {
        close();
        Files.deleteIfExists(rotated(keep));
        for (int i = keep - 1; i >= 1; i--) {
            try {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException e) {
                // fewer rotated files than kept so far
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The day's parts become {@code audit-<day>.jsonl[.N]}; a day archived before (clock set back) grows. */
    private void archive(LocalDate of) throws IOException {
        close();
        for (int i = keep; i >= 0; i--) {
            Path from = i == 0 ? file : rotated(i);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = file.resolveSibling(AuditNames.archived(file.getFileName().toString(), of, i));
            if (Files.exists(to)) {
                try (OutputStream o = Files.newOutputStream(to, StandardOpenOption.APPEND)) {
                    Files.copy(from, o);
                }
                Files.delete(from);
            } else {
                Files.move(from, to);
            }
        }
    }

    /** Deletes archived days older than the retention. */
    private void purge(LocalDate today) {
        if (retentionDays == 0) {
            return;
        }
        LocalDate oldest = today.minusDays(retentionDays);
        String base = file.getFileName().toString();
        try (var files = Files.list(file.getParent())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                LocalDate d = AuditNames.dayOf(base, p.getFileName().toString());
                if (d != null && d.isBefore(oldest)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("Old audit files in {} could not be deleted: {}", file.getParent(), e.toString());
        }
    }

    Path rotated(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // the data that could not be flushed is counted as unaudited by the caller
            }
            out = null;
        }
    }
}
