// SPDX-License-Identifier: Apache-2.0
package org.opennhi.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built distribution ({@code bin/nhi-cs}) started as a person starts it, on a home and a free loopback port, as
 * a child process this bench owns: {@link #close()} stops exactly that process (SIGTERM, then SIGKILL after 20 s),
 * and a shutdown hook does so if the bench is interrupted. Never a process found by name.
 */
public final class Platform implements AutoCloseable {
    public static final Path DIST = Path.of(System.getProperty("bench.dist", "distribution/target/nhi-cs"));

    public final Path home;
    public final int port;
    public final Path log;
    public final long startedNanos;
    private final Process process;
    private final Thread hook;

    private Platform(Path home, int port, Path log, Process process, long startedNanos) {
        this.home = home;
        this.port = port;
        this.log = log;
        this.process = process;
        this.startedNanos = startedNanos;
        this.hook = new Thread(this::stop, "bench-platform-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * @param javaOptions NHI_JAVA_OPTS (after the launcher's own options, so they win)
     * @param cds whether the launcher may use its class-data-sharing archive (NHI_CDS)
     */
    public static Platform start(Path home, boolean demo, String javaOptions, boolean cds, Map<String, String> env)
            throws IOException {
        Files.createDirectories(home);
        int port = freePort();
        Path log = Files.createTempFile(home, "nhi-cs-", ".out");
        List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/nhi-cs").toString(), "--home", home.toString(),
                "--port", Integer.toString(port)));
        if (demo) {
            cmd.add("--demo");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // BENCH_PLATFORM_JAVA_OPTS: options for the platform under test too, e.g. a flight recording to profile it
        pb.environment().put("NHI_JAVA_OPTS",
                (javaOptions + " " + System.getenv().getOrDefault("BENCH_PLATFORM_JAVA_OPTS", "")).trim());
        pb.environment().put("NHI_CDS", cds ? "on" : "off");
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        return new Platform(home, port, log, pb.start(), t0);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    public String token() throws IOException {
        return Files.readString(home.resolve("INI/api-token")).strip();
    }

    /** @return the JVM's pid (the launcher execs java) */
    public long pid() {
        return process.pid();
    }

    /** @return the JVM options the launcher started the platform with, for a floor that runs as it does */
    public List<String> jvmOptions() {
        return process.info().arguments().map(a -> Stream.of(a).filter(o -> o.startsWith("-XX:")
                && !o.contains("SharedArchiveFile") && !o.contains("ArchiveClassesAtExit")).toList()).orElse(List.of());
    }

    /** Waits for a line of the platform's output. @return milliseconds since the start */
    public long awaitOutput(String text, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!output().contains(text)) {
            check(deadline, "'" + text + "'");
            Thread.sleep(5);
        }
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /**
     * Polls {@code GET /status} with the token from this JVM (a connection per try; no process is spawned per
     * poll, which cost the shell version ~31 % of its own figure). @return milliseconds since the start
     */
    public long awaitStatus200(long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Path tokenFile = home.resolve("INI/api-token");
        while (true) {
            if (Files.exists(tokenFile) && Files.size(tokenFile) > 0 && status(token()) == 200) {
                return (System.nanoTime() - startedNanos) / 1_000_000;
            }
            check(deadline, "GET /status 200");
            Thread.sleep(5);
        }
    }

    private int status(String token) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /status HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(12); // "HTTP/1.1 200"
            return head.length == 12 ? Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private void check(long deadline, String what) throws IOException {
        if (!process.isAlive()) {
            throw new IOException("the platform ended before " + what + ":\n" + output());
        }
        if (System.nanoTime() > deadline) {
            throw new IOException("no " + what + " in time:\n" + output());
        }
    }

    /** Stops this platform (SIGTERM, as Ctrl-C or systemd do) and waits for it. */
    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or ran already
        }
    }

    /** Deletes a bench's work folder. */
    public static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no failure
        }
    }
}
