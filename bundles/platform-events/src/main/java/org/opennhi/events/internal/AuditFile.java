package org.opennhi.events.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The audit log file with size-based rotation: before a batch would take {@code audit.jsonl} past
 * {@code maxBytes}, it becomes {@code audit.jsonl.1} (the older ones move up to {@code .keep}, the oldest is
 * deleted) and a new file starts. Not thread-safe: the event hub's one writer thread uses it.
 */
final class AuditFile {
    private final Path file;
    private final long maxBytes;
    private final int keep;
    private BufferedWriter out;
    private long size;

    /**
     * @param file {@code <home>/LOG/audit.jsonl}
     * @param maxBytes rotate before the file grows past this; 0: never
     * @param keep how many rotated files to keep (at least 1 when rotating)
     */
    AuditFile(Path file, long maxBytes, int keep) {
        this.file = file;
        this.maxBytes = Math.max(0, maxBytes);
        this.keep = Math.max(1, keep);
    }

    /** Appends the lines and flushes; on failure the file is closed and reopened on the next call. */
    void append(List<String> lines) throws IOException {
        long bytes = 0;
        for (String l : lines) {
            bytes += l.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        try {
            if (out != null && maxBytes > 0 && size > 0 && size + bytes > maxBytes) {
                rotate();
            }
            if (out == null) {
                open();
                if (maxBytes > 0 && size > 0 && size + bytes > maxBytes) {
                    rotate();
                    open();
                }
            }
            for (String l : lines) {
                out.write(l);
                out.write('\n');
            }
            out.flush();
            size += bytes;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Files.createDirectories(file.getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        size = Files.isRegularFile(file) ? Files.size(file) : 0; // a device (a test's /dev/full) has no size
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
