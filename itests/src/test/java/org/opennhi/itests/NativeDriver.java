// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * native/test/driver.c compiled against one of the platform's installed libraries and run as a HIS process:
 * one line per call in, one line per call out (the driver's header describes both).
 */
final class NativeDriver implements AutoCloseable {
    static final Path SOURCE = Path.of(System.getProperty("opennhi.itest.native.driver", "../native/test/driver.c"))
            .toAbsolutePath().normalize();
    static final Path HEADERS = SOURCE.getParent().resolveSibling("include");

    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    private NativeDriver(Process process) {
        this.process = process;
        this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    }

    /**
     * Compiles the driver against {@code lib} (libcshis.so, or libcshis30.so with -DCSHIS30) as a HIS author
     * would, warnings as errors.
     */
    static Path compile(Path lib, Path exe) throws Exception {
        String cc = System.getenv().getOrDefault("CC", "gcc");
        require(cc, "gcc");
        require("nm", "binutils");
        String name = lib.getFileName().toString();
        List<String> cmd = new ArrayList<>(List.of(cc, "-std=c11", "-Wall", "-Wextra", "-Wpedantic", "-Werror",
                "-I" + HEADERS, "-o", exe.toString(), SOURCE.toString(), "-L" + lib.getParent(),
                "-l" + name.substring(3, name.length() - 3), "-Wl,-rpath," + lib.getParent()));
        if (name.equals("libcshis30.so")) {
            cmd.add(1, "-DCSHIS30");
        }
        Map.Entry<Integer, String> r = run(cmd);
        if (r.getKey() != 0) {
            throw new AssertionError("compiling the driver failed: " + String.join(" ", cmd) + "\n" + r.getValue());
        }
        return exe;
    }

    /** Fails (never skips) when a program the test needs is missing: without it nothing native is tested. */
    static void require(String program, String debianPackage) throws Exception {
        if (run(List.of("sh", "-c", "command -v '" + program + "'")).getKey() != 0) {
            throw new AssertionError("'" + program + "' is not installed; NativeEqualityIT needs it (apt-get install "
                    + debianPackage + ")");
        }
    }

    /** @return the functions a shared library exports, as {@code nm -D --defined-only} lists them */
    static TreeSet<String> exports(Path lib) throws Exception {
        Map.Entry<Integer, String> r = run(List.of("nm", "-D", "--defined-only", lib.toString()));
        if (r.getKey() != 0) {
            throw new AssertionError("nm " + lib + ": " + r.getValue());
        }
        TreeSet<String> names = new TreeSet<>();
        for (String line : r.getValue().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[1].equals("T")) {
                names.add(f[2]);
            }
        }
        return names;
    }

    static NativeDriver start(Path exe, Map<String, String> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(exe.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(environment);
        return new NativeDriver(pb.start());
    }

    /** What the driver printed for one call: the return value and one field per token. */
    record Reply(int rc, List<String> fields, String line) {
        /** @return an output buffer's length cell afterwards */
        int length(int token) {
            return Integer.parseInt(fields.get(token).split(":", -1)[0]);
        }

        /** @return an output buffer's bytes (the first {@link #length} of them) */
        byte[] bytes(int token) {
            return hex(fields.get(token).split(":", -1)[1]);
        }

        /** @return an output string's bytes before its NUL */
        byte[] string(int token) {
            return hex(fields.get(token).split(":", -1)[0]);
        }

        /** @return a buffer's or string's flags: U untouched, C changed, N no NUL, X written past its end */
        String flags(int token) {
            String[] p = fields.get(token).split(":", -1);
            return p[p.length - 1];
        }

        /** @return an output short's value */
        int shortValue(int token) {
            return Integer.parseInt(fields.get(token).replace("X", ""));
        }
    }

    Reply call(String function, List<String> tokens) throws IOException {
        String line = function + (tokens.isEmpty() ? "" : "\t" + String.join("\t", tokens));
        in.write(line + "\n");
        in.flush();
        String answer = out.readLine();
        if (answer == null || !answer.startsWith("rc=")) {
            throw new AssertionError("the driver answered '" + answer + "' to " + line);
        }
        String[] f = answer.split("\t", -1);
        return new Reply(Integer.parseInt(f[0].substring(3)), Arrays.asList(f).subList(1, f.length), answer);
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x & 0xFF));
        }
        return s.toString();
    }

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private static Map.Entry<Integer, String> run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish");
        }
        return Map.entry(p.exitValue(), text);
    }

    /** Writes an askpass-style PIN entry reading the PIN of each purpose from a file in {@code dir}. */
    static Path pinEntry(Path dir) throws IOException {
        Path script = dir.resolve("pinentry");
        Files.writeString(script, "#!/bin/sh\n# the prompt names the purpose; no file = the person pressed Cancel\n"
                + "case \"$1\" in\n  *PUK*) f=puk ;;\n  *new*) f=newpin ;;\n  *) f=pin ;;\nesac\n"
                + "[ -f \"" + dir + "/$f\" ] || exit 1\ncat \"" + dir + "/$f\"\n");
        script.toFile().setExecutable(true);
        return script;
    }

    @Override
    public void close() throws Exception {
        in.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
