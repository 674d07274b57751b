// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * wine64 with a prefix of its own (made by the first program run in it, ~700 MB, removed by {@link #close()}),
 * and the 64-bit test HIS {@code native/test/winhis.c} built with mingw-w64 to run in it. Missing tools fail the
 * test (./nhi test installs them).
 */
final class WinePrefix implements AutoCloseable {
    final Path dir;
    final Path exe;
    private final String wine;
    private final String wineserver;

    private WinePrefix(Path dir, Path exe, String wine, String wineserver) {
        this.dir = dir;
        this.exe = exe;
        this.wine = wine;
        this.wineserver = wineserver;
    }

    static WinePrefix create(Path work, Path winhis) throws Exception {
        String gcc = NativeWindowsIT.tool("x86_64-w64-mingw32-gcc", "apt-get install gcc-mingw-w64-x86-64");
        String wine = NativeWindowsIT.tool("wine64", "apt-get install wine wine64", "/usr/lib/wine/wine64", "wine64",
                "wine");
        String wineserver = NativeWindowsIT.tool("wineserver", "apt-get install wine wine64",
                "/usr/lib/wine/wineserver", "wineserver");
        Path exe = work.resolve("winhis.exe");
        NativeWindowsIT.run(List.of(gcc, "-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", "-o", exe.toString(),
                winhis.toString()), Map.of(), 120);
        return new WinePrefix(work.resolve("wine-prefix"), exe, wine, wineserver);
    }

    /** The environment of a program in this prefix that uses the platform on {@code home}. */
    Map<String, String> env(Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WINEPREFIX", dir.toString());
        env.put("WINEDEBUG", "-all");
        env.put("WINEDLLOVERRIDES", "mscoree,mshtml="); // no Mono/Gecko install dialogs
        env.put("NHI_HOME", NativeWindowsIT.windows(home));
        return env;
    }

    /** Runs {@code wine64 args…} to its end (headless unless {@code env} names a DISPLAY): its output. */
    String run(List<String> args, Map<String, String> env, int seconds) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(wine));
        cmd.addAll(args);
        return NativeWindowsIT.run(cmd, env, seconds);
    }

    /** Starts {@code wine64 args…} without NHI_PINENTRY (the DLL shows its own window), output into {@code log}. */
    Process start(List<String> args, Map<String, String> env, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(wine));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("NHI_PINENTRY");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** A started program's output once it ended by itself (within a minute) with "done rc=0". */
    static String exited(Process p, Path log) throws Exception {
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.ISO_8859_1);
        if (!done || !out.contains("done rc=0")) {
            throw new AssertionError((done ? "exited " + p.exitValue() : "still running after 60 s") + ":\n" + out);
        }
        return out;
    }

    /**
     * Ends the prefix's wine session (its server, desktop and services outlive the programs) and waits for it: the
     * next program starts a new one, with the display it has.
     */
    void endSession() throws Exception {
        try {
            NativeWindowsIT.run(List.of(wineserver, "-k"), Map.of("WINEPREFIX", dir.toString()), 60);
            NativeWindowsIT.run(List.of(wineserver, "-w"), Map.of("WINEPREFIX", dir.toString()), 60);
        } catch (AssertionError none) {
            // no session running
        }
    }

    @Override
    public void close() throws Exception {
        endSession();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
