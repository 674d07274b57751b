// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/**
 * Reads a file of the SAM folder as a hostile one: only a regular file (itself, or the target of its symbolic
 * link) of at most {@link #MAX_SIZE} bytes, and within {@link #TIME_BOUND}. A FIFO, device, socket, directory or
 * oversize file is refused with 9201 before it is opened (opening a FIFO blocks until a writer comes; a device
 * such as {@code /dev/zero} reports size 0 and never ends). The read itself runs on a worker so that a file
 * swapped for a FIFO between the check and the open costs its caller the time bound, never a hang.
 */
final class BoundedRead {
    /** Our IDC's SAM files have about 450 bytes (ten short text fields and a signature): 16 KiB is generous. */
    static final int MAX_SIZE = 16 * 1024;
    /** A local file of 16 KiB reads in well under a millisecond; a slow disk gets two seconds. */
    static final Duration TIME_BOUND = Duration.ofSeconds(2);
    /** Reads stuck in open() cannot be interrupted: at most this many may hang before reads are refused. */
    private static final int MAX_WORKERS = 4;

    private static final ThreadPoolExecutor WORKERS = new ThreadPoolExecutor(0, MAX_WORKERS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "opennhi-sam-file-read");
                t.setDaemon(true);
                return t;
            });

    private BoundedRead() {
    }

    /**
     * @param file an entry of the SAM folder
     * @param bound how long the read may take
     * @return its content
     * @throws NhiException 9201 with the reason when it is not a regular file of a bounded size or does not read
     *         within the bound
     */
    static byte[] read(Path file, Duration bound) throws NhiException {
        check(file);
        return timed(file, bound);
    }

    /** The last guard: the read on a worker, given up after {@code bound}. */
    static byte[] timed(Path file, Duration bound) throws NhiException {
        Future<byte[]> reading;
        try {
            reading = WORKERS.submit(() -> readAtMost(file));
        } catch (RejectedExecutionException e) {
            throw refused("earlier reads of the SAM folder still hang (a FIFO or a stuck disk?)", e);
        }
        try {
            return reading.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw refused("the SAM file did not read within " + bound.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NhiException n) {
                throw n;
            }
            throw refused("cannot read the SAM file: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reading.cancel(true);
            throw refused("interrupted while reading the SAM file", e);
        }
    }

    /** The file's type and size, first as the entry itself, then (for a link) as what it points to. */
    static void check(Path file) throws NhiException {
        BasicFileAttributes own;
        BasicFileAttributes target;
        try {
            own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            target = own.isSymbolicLink() ? Files.readAttributes(file, BasicFileAttributes.class) : own;
        } catch (IOException e) {
            throw refused("cannot look at the SAM file: " + e.getClass().getSimpleName(), e);
        }
        String via = own.isSymbolicLink() ? "a symbolic link to " : "";
        if (!target.isRegularFile()) {
            throw new NhiException(ResultCode.SAM_FILE_UNREADABLE, "the SAM file is " + via + kind(target)
                    + ", not a regular file");
        }
        if (target.size() > MAX_SIZE) {
            throw new NhiException(ResultCode.SAM_FILE_UNREADABLE, "the SAM file is " + via + "a file of "
                    + target.size() + " bytes, more than the " + MAX_SIZE + " a SAM file may have");
        }
    }

    private static String kind(BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a directory";
        }
        if (a.isOther()) {
            return "a FIFO, device or socket";
        }
        return "not a regular file";
    }

    /** Never more than MAX_SIZE + 1 bytes in memory, whatever the file claims. */
    private static byte[] readAtMost(Path file) throws IOException, NhiException {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_SIZE + 1);
        }
        if (content.length > MAX_SIZE) {
            throw new NhiException(ResultCode.SAM_FILE_UNREADABLE, "the SAM file grew past " + MAX_SIZE
                    + " bytes while being read");
        }
        return content;
    }

    private static NhiException refused(String why, Throwable cause) {
        return new NhiException(ResultCode.SAM_FILE_UNREADABLE, why, cause);
    }
}
