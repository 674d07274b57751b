// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The drop-in libraries (loaded by a Python ctypes HIS, native/test/resilience.py) when the platform is not there:
 * every exported function answers the "not running" code within the call bound; the same loaded library reaches
 * the platform again after a restart, also with the connections of a busy HIS pooled from before it; with
 * start-on-call the first call starts exactly one detached platform, however many threads and processes call at
 * once, and starts it again when it stopped later; and loading and unloading the library leaks nothing.
 * Each test brings the platform into the state it needs; the order only saves restarts.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class NativeResilienceIT {
    private static final Duration START = Duration.ofSeconds(150);
    private static final Path INCLUDE = PythonHis.SCRIPTS.resolveSibling("include");
    private static final String HC = "900000000001";
    private static final String BANNER = "Open NHI card control platform";

    private static Path work;
    private static DemoPlatform platform;
    private static Map<String, String> env;

    @BeforeClass
    public static void start() throws Exception {
        PythonHis.requireTools("python3", "nm");
        Path root = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        work = Files.createTempDirectory(root, "native-resilience-").toAbsolutePath();
        Path askpass = work.resolve("askpass");
        Files.writeString(askpass, "#!/bin/sh\necho 1234\n");
        assertTrue(askpass.toFile().setExecutable(true));
        // a platform a library starts inherits this environment: no class-data archive written into the dist
        env = Map.of("NHI_PINENTRY", askpass.toString(), "NHI_CDS", "off");
        platform = DemoPlatform.start(root, Map.of(), "");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (platform != null) {
            stopAll();
        }
    }

    private static String lib5() {
        return platform.home.resolve("lib/cshis50.so").toString();
    }

    /** Stops every platform JVM on the home, the test's own and any a library started; the port is free after. */
    private static void stopAll() throws Exception {
        platform.close();
        for (ProcessHandle p : DemoPlatform.processesOf(platform.home)) {
            p.destroy();
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
        Await.until("nothing listens on " + platform.port, 30_000, () -> listeners(platform.port) == 0);
    }

    /** The platform running as a person started it (restarted on the same home and port if it is not). */
    private static void running() throws Exception {
        if (!platform.alive() || !DemoPlatform.processesOf(platform.home).stream().map(ProcessHandle::pid).toList()
                .equals(List.of(platform.pid()))) {
            stopAll();
            platform = platform.restart(Map.of(), "");
        }
    }

    /** Sockets listening on the port, from the kernel's tables (whichever process holds them). */
    private static int listeners(int port) {
        String hexPort = String.format(":%04X ", port);
        int n = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && (f[1] + " ").endsWith(hexPort) && f[3].equals("0A")) {
                        n++;
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("cannot read " + table, e);
            }
        }
        return n;
    }

    private static void startOnCall(boolean on) throws Exception {
        platform.json("PUT", "/settings/platform", "{\"openConsoleOnCall\":" + on + "}");
        Path ini = platform.home.resolve("INI/cshis.ini");
        String want = "OpenConsoleOnCall=" + (on ? 1 : 0);
        Await.until(ini + " says " + want, () -> read(ini).lines().anyMatch(want::equals));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private static byte[] apiBasicData() throws Exception {
        JsonObject a = platform.json("POST", "/v5/hisGetBasicData", "{}");
        return Base64.getDecoder().decode(a.get("bufferBase64").getAsString());
    }

    private static byte[] basic(JsonObject answer) {
        return Base64.getDecoder().decode(answer.get("basic").getAsString());
    }

    /** How often bin/nhi-cs was launched by a library: each launch prints its banner into this log. */
    private static long launches() {
        return read(platform.home.resolve("LOG/nhi-cs-start.log")).lines().filter(l -> l.startsWith(BANNER)).count();
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    @Test
    public void aLoadAndUnloadTwoHundredTimes() throws Exception {
        running();
        JsonObject c = PythonHis.run(work, env, START, "resilience.py", "cycles", lib5(), "200");
        assertEquals(c.toString(), "{\"0\":200}", c.getAsJsonObject("codes").toString());
        assertEquals("really unloaded each time: " + c, 0, c.get("stillMapped").getAsInt());
        assertEquals("no descriptor leaked: " + c, c.get("fdsBefore").getAsInt(), c.get("fdsAfter").getAsInt());
        System.out.println("native load/unload: 200 cycles, fds " + c.get("fdsBefore") + " -> " + c.get("fdsAfter"));
    }

    @Test
    public void bEveryFunctionAnswersNotRunningThenTheSameLibraryReachesTheRestart() throws Exception {
        running();
        startOnCall(false);
        try (PythonHis his = PythonHis.start(work, env, "resilience.py", "all", lib5(),
                INCLUDE.resolve("cshis.h").toString(), platform.home.resolve("lib/libcshis30.so").toString(),
                INCLUDE.resolve("cshis30.h").toString())) {
            JsonObject up = his.next(START);
            assertEquals(up.toString(), 0, up.get("code").getAsInt());
            assertArrayEquals(apiBasicData(), basic(up));
            // the headers and the libraries agree, so "every function" below is every exported one
            assertEquals(73, strings(up.getAsJsonArray("declared5")).size());
            assertEquals(new HashSet<>(strings(up.getAsJsonArray("exports5"))),
                    new HashSet<>(strings(up.getAsJsonArray("declared5"))));
            assertEquals(69, strings(up.getAsJsonArray("declared3")).size());
            assertEquals(new HashSet<>(strings(up.getAsJsonArray("exports3"))),
                    new HashSet<>(strings(up.getAsJsonArray("declared3"))));

            stopAll();
            his.go();
            JsonObject down = his.next(START);
            double max = 0;
            for (String set : List.of("v5", "v3")) {
                for (JsonElement e : down.getAsJsonArray(set)) {
                    JsonObject r = e.getAsJsonObject();
                    String function = r.get("function").getAsString();
                    int expected = set.equals("v5") ? 9240 : function.equals("csOpenCom") ? -1 : 4000;
                    assertEquals(set + " " + r, expected, r.get("code").getAsInt());
                    double ms = r.get("ms").getAsDouble();
                    assertTrue(set + " " + r + " took longer than the call bound", ms <= 3500);
                    max = Math.max(max, ms);
                }
            }
            assertEquals("the platform stayed down: start-on-call is off", 0, DemoPlatform.processesOf(platform.home)
                    .size());
            System.out.printf("native, platform down: 73 + 69 functions answered 9240/4000/-1, slowest %.1f ms%n", max);

            boundWhenThePlatformHangs();

            platform = platform.restart(Map.of(), "");
            his.go();
            JsonObject again = his.next(START);
            JsonObject v5 = again.getAsJsonObject("v5");
            assertEquals("the still-loaded 5.1.x library reaches the restarted platform: " + again, 0,
                    v5.get("code").getAsInt());
            assertArrayEquals(apiBasicData(), basic(v5));
            String v3 = platform.json("GET", "/status", null).getAsJsonArray("facades").asList().stream()
                    .map(JsonElement::getAsJsonObject).filter(f -> f.get("name").getAsString().equals("v3"))
                    .findFirst().orElseThrow().get("version").getAsString();
            assertEquals("the still-loaded 3.5.x library reaches it too (csGetVersionEx)",
                    Integer.parseInt(v3.replace(".", "")), again.get("v3version").getAsInt());
        }
    }

    /** Something holds the port but never answers (a hung platform): the call still ends at NHI_TIMEOUT_MS. */
    private static void boundWhenThePlatformHangs() throws Exception {
        try (ServerSocket hung = new ServerSocket()) {
            hung.setReuseAddress(true);
            hung.bind(new InetSocketAddress("127.0.0.1", platform.port), 50); // the kernel accepts, nobody answers
            for (int bound : new int[] {3000, 1000}) {
                Map<String, String> e = new HashMap<>(env);
                if (bound != 3000) {
                    e.put("NHI_TIMEOUT_MS", Integer.toString(bound));
                }
                JsonObject r = PythonHis.run(work, e, START, "resilience.py", "call", lib5());
                double ms = r.get("ms").getAsDouble();
                assertEquals(r.toString(), 9240, r.get("code").getAsInt());
                assertTrue(r + " should end at the bound of " + bound + " ms", ms >= bound - 50 && ms <= bound + 500);
                System.out.printf("native, hung platform: 9240 after %.1f ms (bound %d ms)%n", ms, bound);
            }
        }
    }

    @Test
    public void cABusyHisReachesTheRestartedPlatform() throws Exception {
        running();
        try (PythonHis his = PythonHis.start(work, env, "resilience.py", "pool", lib5(), "8")) {
            JsonObject busy = his.next(START);
            for (JsonElement e : busy.getAsJsonArray("answers")) {
                assertEquals(busy.toString(), 0, e.getAsJsonObject().get("code").getAsInt());
            }
            // eight pooled keep-alive connections, all dead once the platform restarts between two calls
            stopAll();
            platform = platform.restart(Map.of(), "");
            his.go();
            JsonObject after = his.next(START);
            for (JsonElement e : after.getAsJsonArray("answers")) {
                assertEquals("every call after the restart reaches the platform: " + after, 0,
                        e.getAsJsonObject().get("code").getAsInt());
            }
        }
    }

    @Test
    public void dTheFirstCallStartsExactlyOnePlatform() throws Exception {
        running(); // a normal demo start writes INI/cshis.ini with the launcher, the port and Demo=1
        startOnCall(true);
        String ini = read(platform.home.resolve("INI/cshis.ini"));
        assertTrue(ini, ini.contains("Launcher=" + DemoPlatform.DIST.toAbsolutePath().normalize().resolve("bin/nhi-cs")));
        assertTrue(ini, ini.contains("Port=" + platform.port) && ini.contains("Demo=1"));
        try {
            stopAll();
            long launched = launches();
            long t0 = System.nanoTime();
            JsonObject first = PythonHis.run(work, env, START, "resilience.py", "call", lib5());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(first.toString(), 0, first.get("code").getAsInt());
            byte[] data = basic(first);
            assertEquals(72, data.length);
            assertEquals(HC, new String(data, 0, 12, StandardCharsets.US_ASCII));
            // the HIS process has ended: the platform it started still answers, and is the only one
            assertArrayEquals(apiBasicData(), data);
            assertEquals("the platform outlives the HIS that started it", 1,
                    DemoPlatform.processesOf(platform.home).size());
            assertEquals(launched + 1, launches());
            System.out.printf("native start-on-call: the first call answered 0 after %d ms (%.0f ms in the call)%n",
                    ms, first.get("ms").getAsDouble());

            // eight threads in each of two HIS processes at once: one start, shared in and across processes
            stopAll();
            launched = launches();
            List<PythonHis> hises = List.of(PythonHis.start(work, env, "resilience.py", "burst", lib5(), "8"),
                    PythonHis.start(work, env, "resilience.py", "burst", lib5(), "8"));
            int maxJvms = 0;
            int maxListeners = 0;
            try {
                while (hises.stream().anyMatch(PythonHis::alive)) {
                    maxJvms = Math.max(maxJvms, DemoPlatform.processesOf(platform.home).size());
                    maxListeners = Math.max(maxListeners, listeners(platform.port));
                    Thread.sleep(100);
                }
                for (PythonHis his : hises) {
                    JsonObject burst = his.next(Duration.ofSeconds(5));
                    for (JsonElement e : burst.getAsJsonArray("answers")) {
                        assertEquals(burst.toString(), 0, e.getAsJsonObject().get("code").getAsInt());
                        assertArrayEquals(data, basic(e.getAsJsonObject()));
                    }
                }
            } finally {
                hises.forEach(PythonHis::close);
            }
            assertEquals("one launch for 16 calling threads", launched + 1, launches());
            assertEquals("one platform JVM at any time", 1, maxJvms);
            assertEquals(1, maxListeners);
            assertEquals(1, DemoPlatform.processesOf(platform.home).size());
            System.out.printf("native start-on-call, 2 x 8 threads: %d launch, at most %d JVM, %d listener%n",
                    launches() - launched, maxJvms, maxListeners);
        } finally {
            stopAll();
        }
    }

    @Test
    public void eTheSameHisStartsThePlatformAgainAfterItStopped() throws Exception {
        running();
        startOnCall(true);
        Map<String, String> e = new HashMap<>(env);
        e.put("NHI_START_TIMEOUT_MS", "45000"); // a start takes seconds: bounds how long a failure here takes
        try {
            stopAll();
            long launched = launches();
            try (PythonHis his = PythonHis.start(work, e, "resilience.py", "pool", lib5(), "1")) {
                JsonObject first = his.next(START);
                assertEquals(first.toString(), 0, first.getAsJsonArray("answers").get(0).getAsJsonObject()
                        .get("code").getAsInt());
                // a person closes the platform a little later; the HIS's next call must start it again
                stopAll();
                his.go();
                JsonObject later = his.next(START);
                JsonObject next = later.getAsJsonArray("answers").get(0).getAsJsonObject();
                assertEquals("the next call starts the stopped platform again: " + later, 0, next.get("code")
                        .getAsInt());
                assertEquals(launched + 2, launches());
                System.out.printf("native start-on-call again: answered after %.0f ms%n", next.get("ms").getAsDouble());
            }
        } finally {
            stopAll();
        }
    }
}
