// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A HIS written in Python with ctypes, as a separate process running a script of {@code native/test/}: it loads
 * the drop-in library itself and prints one JSON object per line; the test may answer on its stdin.
 */
final class PythonHis implements AutoCloseable {
    static final Path SCRIPTS = Path.of(System.getProperty("opennhi.itest.native.scripts", "../native/test"))
            .toAbsolutePath().normalize();
    private static final String EOF = "\u0000eof";

    private final Process process;
    private final Path stderr;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private PythonHis(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended: next() reports it with its stderr
            }
            lines.add(EOF);
        }, "python-his-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Fails the test (never skips it) when a tool the native tests need is missing: CI installs them.
     *
     * @param commands e.g. {@code python3}, {@code nm}
     */
    static void requireTools(String... commands) throws InterruptedException {
        for (String command : commands) {
            boolean found;
            try {
                Process p = new ProcessBuilder("sh", "-c", "command -v " + command).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                found = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                found = false;
            }
            if (!found) {
                fail(command + " is not installed, and the native library tests need it: install it (e.g. apt-get"
                        + " install python3 binutils) - these tests must run, not be skipped");
            }
        }
    }

    /**
     * @param work a folder for the process's stderr
     * @param environment added to this JVM's environment
     * @param script a file of {@link #SCRIPTS}
     */
    static PythonHis start(Path work, Map<String, String> environment, String script, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of("python3", "-u", SCRIPTS.resolve(script).toString()));
        cmd.addAll(List.of(args));
        Path stderr = Files.createTempFile(work, "python-", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderr.toFile());
        pb.environment().putAll(environment);
        return new PythonHis(pb.start(), stderr);
    }

    /** Runs a script that answers once to its end (exit 0). @return its answer */
    static JsonObject run(Path work, Map<String, String> environment, Duration timeout, String script,
            String... args) throws Exception {
        try (PythonHis his = start(work, environment, script, args)) {
            JsonObject last = his.next(timeout);
            if (!his.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail(script + " did not end within " + timeout + ": " + his.stderr());
            }
            if (his.process.exitValue() != 0) {
                fail(script + " exited with " + his.process.exitValue() + ": " + his.stderr());
            }
            return last;
        }
    }

    /** @return the next JSON line; fails when the process ends first (a crash shows here) or takes too long */
    JsonObject next(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            fail("no answer from the Python HIS within " + timeout + "; stderr: " + stderr());
        }
        if (line.equals(EOF)) {
            process.waitFor(10, TimeUnit.SECONDS);
            fail("the Python HIS ended without an answer (exit " + (process.isAlive() ? "?" : process.exitValue())
                    + "): " + stderr());
        }
        return JsonParser.parseString(line).getAsJsonObject();
    }

    /** Tells the script to go on (it waits for "go" between phases). */
    void go() throws IOException {
        stdin.write("go\n");
        stdin.flush();
    }

    boolean alive() {
        return process.isAlive();
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
