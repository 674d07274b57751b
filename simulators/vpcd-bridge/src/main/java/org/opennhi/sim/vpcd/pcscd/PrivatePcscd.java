// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.vpcd.pcscd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A pcscd of its own, for tests and demos: its reader configuration is one vpcd entry on free ports, and its
 * socket lives in its own folder.
 *
 * <p>Debian's pcscd 1.9 has {@code -c DIR} for the reader configuration but always binds its socket to
 * {@code /run/pcscd/pcscd.comm} (only clients honour {@code PCSCLITE_CSOCK_NAME}). So pcscd is started in a
 * private mount namespace ({@code unshare --mount}) where {@code <dir>/run} is bind-mounted over
 * {@code /run/pcscd}: the socket appears as {@code <dir>/run/pcscd.comm}, and another pcscd's socket and pid
 * file are never touched. Clients find it with {@code PCSCLITE_CSOCK_NAME=<dir>/run/pcscd.comm}
 * ({@link #environment()}). Needs {@code pcscd}, {@code vsmartcard-vpcd} and {@code unshare} (util-linux), and
 * root or unprivileged user namespaces.
 *
 * <p>Note: vpcd listens on every interface (its configuration has no bind address), so whoever reaches the
 * port first can present a card. The ports are random and short-lived here; on a shared network keep them
 * behind a firewall.
 */
public final class PrivatePcscd implements AutoCloseable {
    /** Where Debian's vsmartcard-vpcd installs its driver. */
    public static final String VPCD_DRIVER = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path dir;
    private final int basePort;
    private final Process process;

    private PrivatePcscd(Path dir, int basePort, Process process) {
        this.dir = dir;
        this.basePort = basePort;
        this.process = process;
    }

    /**
     * Starts pcscd with one vpcd entry (two readers, "Virtual PCD 00 00" and "00 01") on free ports and waits
     * until its socket is there.
     *
     * @param dir a folder of its own (created); the socket path inside must stay under 100 characters
     * @return the running pcscd
     * @throws IOException when pcscd cannot be started or does not come up within 10 s
     */
    public static PrivatePcscd start(Path dir) throws IOException {
        return start(dir, freePortPair());
    }

    /**
     * Starts pcscd with its vpcd readers on {@code port} and {@code port + 1} (e.g. to restart it where cards
     * are already waiting).
     *
     * @param dir a folder of its own (created)
     * @param port vpcd's port for "Virtual PCD 00 00"
     * @return the running pcscd
     * @throws IOException when pcscd cannot be started or does not come up within 10 s
     */
    public static PrivatePcscd start(Path dir, int port) throws IOException {
        if (!Files.isRegularFile(Path.of(VPCD_DRIVER))) {
            throw new IOException("vpcd driver " + VPCD_DRIVER + " missing: apt-get install pcscd vsmartcard-vpcd");
        }
        Path run = dir.resolve("run");
        Path conf = dir.resolve("reader.conf.d");
        Files.createDirectories(run);
        Files.createDirectories(conf);
        Files.deleteIfExists(run.resolve("pcscd.comm"));
        Files.deleteIfExists(run.resolve("pcscd.pid"));
        if (run.resolve("pcscd.comm").toString().length() > 100) {
            throw new IOException("socket path too long for a unix socket: " + run);
        }
        Files.writeString(conf.resolve("vpcd"), String.format(
                "FRIENDLYNAME \"Virtual PCD\"%nDEVICENAME   /dev/null:0x%04X%nLIBPATH      %s%nCHANNELID    0x%04X%n",
                port, VPCD_DRIVER, port, port), StandardCharsets.US_ASCII);
        String script = "mkdir -p /run/pcscd && mount --bind \"$1\" /run/pcscd && exec pcscd --foreground -c \"$2\"";
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private"));
        if (!"root".equals(System.getProperty("user.name"))) {
            cmd.add("--map-root-user");
        }
        cmd.addAll(List.of("sh", "-c", script, "private-pcscd", run.toString(), conf.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("pcscd.log").toFile()).start();
        PrivatePcscd pcscd = new PrivatePcscd(dir, port, p);
        pcscd.awaitSocket();
        return pcscd;
    }

    private void awaitSocket() throws IOException {
        long end = System.nanoTime() + START_TIMEOUT.toNanos();
        Path socket = socket();
        try {
            while (!Files.exists(socket)) {
                if (!process.isAlive()) {
                    throw new IOException("pcscd exited with " + process.exitValue() + ": " + log());
                }
                if (System.nanoTime() > end) {
                    close();
                    throw new IOException("pcscd did not create " + socket + " within 10 s: " + log());
                }
                process.waitFor(20, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while starting pcscd", e);
        }
    }

    /** @return the client socket: give it to PC/SC clients as {@code PCSCLITE_CSOCK_NAME} */
    public Path socket() {
        return dir.resolve("run").resolve("pcscd.comm");
    }

    /** @return the environment a PC/SC client process needs to reach this pcscd */
    public Map<String, String> environment() {
        return Map.of("PCSCLITE_CSOCK_NAME", socket().toString());
    }

    /** @return vpcd's port for reader i ("Virtual PCD 00 0i"), i = 0 or 1 */
    public int port(int reader) {
        if (reader < 0 || reader > 1) {
            throw new IllegalArgumentException("vpcd offers readers 0 and 1");
        }
        return basePort + reader;
    }

    /** @return pcscd's output so far (for failure messages) */
    public String log() {
        try {
            Path log = dir.resolve("pcscd.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a PC/SC client tool against this pcscd.
     *
     * @param timeout how long it may take before it is killed
     * @param command the tool and its arguments, e.g. {@code opensc-tool -r 0 -a}
     * @return its exit code and combined output
     */
    public ToolResult run(Duration timeout, String... command) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().putAll(environment());
        Process p = b.start();
        p.getOutputStream().close();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = new byte[0];
            }
        });
        reader.start();
        boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        reader.join(timeout.toMillis());
        String text = out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8);
        return new ToolResult(done ? p.exitValue() : -1, text, !done);
    }

    /** Stops pcscd (SIGTERM, then SIGKILL after 5 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int p;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                p = s.getLocalPort();
            }
            if (p < 65535) {
                try (ServerSocket a = new ServerSocket(p); ServerSocket b = new ServerSocket(p + 1)) {
                    return p;
                } catch (IOException busy) {
                    // try another pair
                }
            }
        }
        throw new IOException("no two consecutive free TCP ports found");
    }

    /**
     * What a tool run printed.
     *
     * @param exitCode its exit code, -1 when killed
     * @param output stdout and stderr together
     * @param timedOut true when it had to be killed
     */
    public record ToolResult(int exitCode, String output, boolean timedOut) {
    }
}
