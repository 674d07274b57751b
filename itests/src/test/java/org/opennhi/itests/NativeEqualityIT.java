// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.opennhi.itests.NativeCalls.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.google.gson.JsonObject;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.opennhi.sim.reader.pty.PtyPair;

/**
 * Acceptance "byte equality with the facades": every function the drop-in libraries export, called through
 * libcshis.so (5.1.x) and libcshis30.so (3.5.x) by a C program built from the public headers
 * (native/test/driver.c, a HIS's buffers of the documented sizes), answers what {@code POST /v5/<function>}
 * (or {@code /v3}) answers for the same card state: the return value, every buffer byte and length, every
 * out value. Besides: an error leaves the caller's buffer and length untouched, a too-small buffer answers 6018,
 * nothing is written past a buffer or past its new length (guard bytes), and csGetVersionEx's pPath is the
 * loaded library's own path.
 *
 * <p>A read is made through the library, then over HTTP. A call that changes the card is made once through each
 * door from the same state, and the card read back through both in between: 取號 through each door, each
 * visit undone (退掛) through its own; a visit write on each door's own visit; a health write made twice; a PIN
 * disabled or set through the library, restored, then through HTTP.
 * What must differ between two visits or requests is left out of the byte comparison, each place saying why
 * ({@link NativeCall#ignore}): 取號's date-time, sequence number and signature, a prescription's signature,
 * the IDC's counter in a treatment id, the clock.
 *
 * <p>5.1.x runs on the demo's simulated readers. 3.5.x needs csOpenCom(0) to open a dedicated reader: the
 * platform's nhi-com reader serves a reader emulator on a pty (socat), so /v3's functions read real cards too;
 * /v3 offers every function the 3.5.x library exports (the 3.3 manual's set), so none answers 9005.
 *
 * <p>Also compared: 1.33 answering 5141 (the dates-only buffer, both ways), and a PIN function without its
 * card (4014 both ways: the library asks a PIN only when the platform says the card wants one).
 */
public class NativeEqualityIT {
    private static DemoPlatform platform;
    private static PtyPair pty;
    private static Path work;
    private static Path pins;
    private static final List<String> SUMMARY = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeClass
    public static void start() throws Exception {
        Path root = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        work = Files.createTempDirectory(root.toAbsolutePath(), "native-equality-");
        pins = Files.createDirectories(work.resolve("pins"));
        NativeDriver.require("socat", "socat"); // the dedicated reader's pty pair
        pty = NativeCards.pty(work.resolve("pty"));
        // the dedicated reader's port, configured before the start (no HTTP setting names it)
        platform = DemoPlatform.start(work, Map.of(), "", home -> Files.writeString(Files.createDirectories(
                home.resolve("INI/config/opennhi/reader")).resolve("nhicom.config"),
                "port=\"" + pty.hostEnd() + "\"\nservice.pid=\"opennhi.reader.nhicom\"\n"));
    }

    @AfterClass
    public static void stop() throws Exception {
        System.out.println("native equality: " + String.join(", ", SUMMARY));
        if (platform != null) {
            platform.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private static NativeTwin twin(String set, String file) throws Exception {
        // opennhi.itest.native.lib: another build of the libraries (e.g. a deliberately broken one, to see this fail)
        Path lib = Path.of(System.getProperty("opennhi.itest.native.lib", platform.home.resolve("LIB").toString()))
                .resolve(file);
        assertTrue("the platform installs " + lib, Files.isRegularFile(lib));
        Path exe = NativeDriver.compile(lib, work.resolve("driver-" + set));
        NativeDriver driver = NativeDriver.start(exe, Map.of("NHI_HOME", platform.home.toString(),
                "NHI_PINENTRY", NativeDriver.pinEntry(pins).toString(), "NHI_TIMEOUT_MS", "10000"));
        return new NativeTwin(set, lib, driver, platform, pins);
    }

    @Test
    public void theV5LibraryAnswersAsPostV5() throws Exception {
        long started = System.nanoTime();
        try (NativeTwin t = twin("v5", "libcshis.so"); NativeCards cards = NativeCards.demo(platform)) {
            t.both(NativeCall.of("csGetVersionEx").libraryPath(260), 5158);
            t.both(NativeCall.of("csOpenCom").integer("Comport", 0), 0);
            t.both(NativeCall.of("csCloseCom"), 0);
            new NativeSequence(t, cards).run();
            covered(t, started);
        }
    }

    @Test
    public void theV3LibraryAnswersAsPostV3() throws Exception {
        long started = System.nanoTime();
        try (NativeTwin t = twin("v3", "libcshis30.so")) {
            t.both(NativeCall.of("csGetVersionEx").libraryPath(260), 3530); // 4000 if the platform were not reached
            t.both(read("hisGetBasicData", 72), 4000); // no port opened: the reader "times out"
            try (NativeCards cards = NativeCards.emulator(platform, pty, work.resolve("emulator-cards"),
                    NativeSequence.HC_PLAIN, NativeSequence.HPC)) {
                readers("nhi-com");
                t.both(NativeCall.of("csOpenCom").integer("Comport", 0), 0); // each door opens COM1 once
                new NativeSequence(t, cards).run();
                List<String> absent = t.exported().stream().filter(f -> !t.offers(f)).toList();
                assertEquals("3.5.x exports /v3 does not offer (they would answer 9005)", List.of(), absent);
                t.both(NativeCall.of("csCloseCom"), 0); // each door closes once: closed for both
                t.both(read("hisGetBasicData", 72), 4000);
                System.out.println("native equality: " + t.offered().size() + "/" + t.offered().size()
                        + " v3 functions; " + t.exported().size() + " exports, all offered");
                assertTrue("every /v3 function compared", t.compared.containsAll(t.offered()));
                covered(t, started);
            } finally {
                readers("sim");
            }
        }
    }

    /** Switches the platform's reader type and waits until the reader is online with an HC in it. */
    private static void readers(String type) throws Exception {
        platform.json("PUT", "/settings/platform", "{\"readerType\":\"" + type + "\"}");
        Await.until("the " + type + " reader online with an HC", 30_000, () -> {
            try {
                JsonObject s = platform.json("GET", "/status", null);
                JsonObject r = s.getAsJsonObject("reader");
                return type.equals(r.get("type").getAsString()) && "ONLINE".equals(r.get("status").getAsString())
                        && s.getAsJsonObject("slots").getAsJsonObject("HC").get("cardPresent").getAsBoolean();
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Every exported function was compared at least once; a new export without a comparison fails here. */
    private static void covered(NativeTwin t, long started) {
        TreeSet<String> missing = new TreeSet<>(t.exported());
        missing.removeAll(t.compared);
        TreeSet<String> errorsOnly = new TreeSet<>(t.compared);
        errorsOnly.removeAll(t.succeeded);
        System.out.printf("native equality: %d/%d %s functions, %d comparisons, %.1f s; compared by their error"
                + " code only: %s%n", t.exported().size() - missing.size(), t.exported().size(), t.set, t.comparisons,
                (System.nanoTime() - started) / 1e9, errorsOnly);
        assertTrue(t.set + " exports compared with no facade call: " + missing, missing.isEmpty());
        SUMMARY.add(t.exported().size() + "/" + t.exported().size() + " " + t.set + " functions");
    }
}
