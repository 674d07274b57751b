// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.pty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two linked pseudo-terminals made by {@code socat}, in raw mode without echo (so 02, 03 and every other
 * byte pass untouched), reachable through symlinks {@code <dir>/reader} and {@code <dir>/host}. Needs the
 * {@code socat} package.
 */
public final class PtyPair implements AutoCloseable {
    private final Process socat;
    private final Path readerEnd;
    private final Path hostEnd;

    private PtyPair(Process socat, Path readerEnd, Path hostEnd) {
        this.socat = socat;
        this.readerEnd = readerEnd;
        this.hostEnd = hostEnd;
    }

    /**
     * Starts socat and waits (at most 10 s) until both links exist.
     *
     * @param dir a folder for the two links (created)
     */
    public static PtyPair open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path reader = dir.resolve("reader");
        Path host = dir.resolve("host");
        Files.deleteIfExists(reader);
        Files.deleteIfExists(host);
        Process p = new ProcessBuilder("socat", "-d", "pty,raw,echo=0,link=" + reader,
                "pty,raw,echo=0,link=" + host).redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile()).start();
        PtyPair pair = new PtyPair(p, reader, host);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (!(Files.exists(reader) && Files.exists(host))) {
                if (!p.isAlive() || System.nanoTime() > end) {
                    pair.close();
                    throw new IOException("socat did not make the pty pair: "
                            + Files.readString(dir.resolve("socat.log")));
                }
                p.waitFor(20, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pair.close();
            throw new IOException("interrupted", e);
        }
        return pair;
    }

    /** @return the emulator's end */
    public Path readerEnd() {
        return readerEnd;
    }

    /** @return the host's end (what a COM-port plugin opens) */
    public Path hostEnd() {
        return hostEnd;
    }

    /** @return true while socat runs */
    public boolean alive() {
        return socat.isAlive();
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
