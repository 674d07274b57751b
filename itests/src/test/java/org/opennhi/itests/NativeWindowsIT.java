// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonObject;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The Windows DLLs of the distribution ({@code native/windows-x86*}):
 * <ul>
 * <li>64-bit: a C test HIS ({@code native/test/winhis.c}, built here with mingw-w64) runs under wine64, loads
 * {@code cshis.dll} with LoadLibraryA/GetProcAddress and takes a whole visit on the demo platform over
 * loopback, then loads {@code cshis30.dll} for a 3.5.x session; everything it got is compared with what
 * {@code POST /v5/…} and {@code /v3/…} of the same platform answer.</li>
 * <li>32-bit (this kernel cannot run PE32 under wine): from their bytes with objdump — PE32, exactly the
 * public headers' functions exported undecorated, each export's {@code ret $N} popping 4 bytes per
 * parameter (__stdcall), tail calls followed, and no import but Windows' own DLLs.</li>
 * <li>Both builds from the same sources: the 64-bit DLLs export the same names, and hold the same of the
 * sources' string literals as the 32-bit ones; CsHis50.dll is cshis.dll.</li>
 * <li>The 64-bit DLL's own PIN window (no {@code NHI_PINENTRY}), used as a person uses it on a virtual display
 * ({@link XDisplay}): the Chinese prompt drawn, 1234 typed and Enter verifies the HPC; Cancel answers 5109.</li>
 * </ul>
 * Missing tools fail the test (./nhi test installs them): a skipped check would pass unseen.
 */
public class NativeWindowsIT {
    static final Path NATIVE = Path.of(System.getProperty("opennhi.itest.native", "../native")).toAbsolutePath()
            .normalize();
    static final Path LIBS = DemoPlatform.DIST.resolve("native").toAbsolutePath().normalize();
    /** 補卡註記 1 (normal) and six diagnosis codes of 5 */
    static final String DIAGNOSES = "1" + "J0110" + "J0300" + " ".repeat(20);
    /** DLLs every Windows has: a drop-in DLL may import only these */
    static final Set<String> WINDOWS_DLLS = Set.of("kernel32.dll", "msvcrt.dll", "ws2_32.dll", "user32.dll",
            "gdi32.dll", "advapi32.dll", "shell32.dll", "ole32.dll", "comctl32.dll", "ucrtbase.dll", "ntdll.dll");
    private static Path work;
    private static DemoPlatform platform;
    private static WinePrefix wine;

    @BeforeClass
    public static void start() throws Exception {
        Path itests = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        work = Files.createTempDirectory(itests.toAbsolutePath(), "native-windows-");
        platform = DemoPlatform.start(work, Map.of(), "");
    }

    @AfterClass
    public static void stop() throws Exception {
        try {
            if (wine != null) {
                wine.close();
            }
            if (platform != null) {
                endPlatformsStartedBy(windows(platform.home));
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }

    @Test
    public void aVisitThroughThe64BitDllsUnderWine() throws Exception {
        WinePrefix wine = wine();
        boolean fresh = !Files.isDirectory(wine.dir);
        Map<String, String> env = wine.env(platform.home);
        // the PIN entry (askpass style, run by cmd.exe through _popen): notes its prompt, answers the demo HPC's PIN
        Path pin = work.resolve("pin.cmd");
        Path asked = work.resolve("pin-asked.txt");
        Files.writeString(pin, "@echo %* > \"" + windows(asked) + "\"\r\n@echo 1234\r\n");
        Path cshis = LIBS.resolve("windows-x86_64/cshis.dll");
        Path cshis30 = LIBS.resolve("windows-x86_64/cshis30.dll");
        env.put("NHI_PINENTRY", windows(pin));
        long started = System.nanoTime();
        String out = wine.run(List.of(wine.exe.toString(), windows(cshis), windows(cshis30), DIAGNOSES), env, 300);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Files.writeString(work.resolve("winhis.out"), out);
        Map<String, Map<String, String>> r = parse(out);
        assertTrue(out, out.contains("done rc=0"));

        // 5.1.x: the visit, each result against POST /v5 of the same platform
        assertEquals(out, "0", r.get("v5 csOpenCom").get("rc"));
        assertEquals(out, "0", r.get("v5 csVerifySAMDC").get("rc"));
        byte[] basic = buffer(r, "v5 hisGetBasicData", 72);
        assertArrayEquals(bytes(v5("hisGetBasicData", "{}")), basic);
        String visit = new String(buffer(r, "v5 hisGetSeqNumber256", 296), StandardCharsets.US_ASCII);
        String dateTime = visit.substring(0, 13);
        assertTrue(visit, dateTime.matches("\\d{13}"));
        LocalDate day = LocalDate.of(Integer.parseInt(dateTime.substring(0, 3)) + 1911,
                Integer.parseInt(dateTime.substring(3, 5)), Integer.parseInt(dateTime.substring(5, 7)));
        assertTrue(dateTime, Math.abs(ChronoUnit.DAYS.between(day, LocalDate.now())) <= 1);
        assertEquals(v5("csGetHospID", "{}").getAsJsonObject("fields").get("hospitalId").getAsString(),
                visit.substring(17, 27));
        assertEquals("the card's last visit is the one the DLL took",
                dateTime.substring(0, 3) + visit.substring(13, 17), v5("hisGetLastSeqNum", "{}")
                        .getAsJsonObject("fields").get("lastSequenceNumber").getAsString());
        assertEquals(out, "0", r.get("v5 hpcVerifyHPCPIN").get("rc"));
        assertTrue("the PIN came from NHI_PINENTRY", Files.readString(asked, StandardCharsets.ISO_8859_1)
                .contains("(health professional card PIN)"));
        Map<String, String> write = r.get("v5 hisWriteTreatmentCode");
        assertEquals(out, "0", write.get("rc"));
        assertEquals(out, "0", write.get("spill"));
        assertEquals("pBufferDocID: the HPC holder's id",
                v5("hpcGetHPCSSN", "{}").getAsJsonObject("fields").get("SSN").getAsString(), ascii(write.get("hex")));
        byte[] needHpc = buffer(r, "v5 hisGetTreatmentNeedHPC", 372);
        JsonObject treatment = v5("hisGetTreatmentNeedHPC", "{}");
        assertArrayEquals(bytes(treatment), needHpc);
        JsonObject latest = treatment.getAsJsonObject("fields").getAsJsonArray("diagnoses").get(0).getAsJsonObject();
        assertEquals("the diagnoses written through the DLL are on the card: " + latest, List.of(dateTime, "J0110",
                "J0300"), List.of(latest.get("visitDateTime").getAsString(), latest.get("main").getAsString(),
                latest.get("secondary1").getAsString()));
        version(r, "v5", v5("csGetVersionEx", "{}"), cshis);
        assertEquals(out, "0", r.get("v5 csCloseCom").get("rc"));
        assertEquals(out, "1", r.get("v5 FreeLibrary").get("rc"));

        // 3.5.x on chip readers: no dedicated reader behind COM1, so csOpenCom is -1 and the reader's functions 4000
        version(r, "v3", v3("csGetVersionEx", "{}"), cshis30);
        assertEquals(out, "-1", r.get("v3 csOpenCom").get("rc"));
        assertEquals(out, code(v3("csOpenCom", "{\"Comport\":0}")), r.get("v3 csOpenCom").get("rc"));
        v3Buffer(r, "csGetHospID", 10);
        v3Buffer(r, "hisGetBasicData", 72);
        assertEquals(out, code(v3("hisGetCardStatus", "{\"CardType\":2}")), r.get("v3 hisGetCardStatus").get("rc"));
        JsonObject hpc = v3("hpcGetHPCStatus", "{\"Req\":1}");
        assertEquals(out, code(hpc), r.get("v3 hpcGetHPCStatus").get("rc"));
        assertEquals("Status copied from the platform's answer (was 77): " + hpc,
                hpc.getAsJsonObject("fields").get("Status").getAsString(), r.get("v3 hpcGetHPCStatus").get("status"));
        assertEquals(out, "0", r.get("v3 hpcGetHPCStatus").get("spill"));
        assertEquals(out, code(v3("csCloseCom", "{}")), r.get("v3 csCloseCom").get("rc"));
        assertEquals(out, "1", r.get("v3 FreeLibrary").get("rc"));

        assertEquals("the DLLs reached the platform, so none may have started another one", List.of(),
                endPlatformsStartedBy(windows(platform.home)));
        System.out.println("NativeWindowsIT: wine64 run " + ms + " ms" + (fresh ? " (prefix created), " : ", ")
                + r.size() + " calls, visit " + dateTime + " #" + visit.substring(13, 17));
    }

    @Test
    public void thePinWindowAsAPersonUsesIt() throws Exception {
        WinePrefix wine = wine();
        Map<String, String> env = wine.env(platform.home);
        assertTrue("fonts-noto-cjk is missing (apt-get install fonts-noto-cjk; ./nhi test installs it)",
                Files.isRegularFile(Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")));
        Path shot = Path.of("target/screenshots/native-pin-window.png");
        List<String> verify = List.of(wine.exe.toString(), "pin", windows(LIBS.resolve("windows-x86_64/cshis.dll")));
        long started = System.nanoTime();
        try (XDisplay x = XDisplay.start()) {
            env.put("DISPLAY", x.name);
            // a session started headless keeps a desktop without a display, so this one starts its own (ended below);
            // wine draws CJK in its dialog font (Tahoma) from PMingLiU as Windows does: let Noto Sans CJK TC be it
            wine.endSession();
            wine.run(List.of("reg", "add", "HKCU\\Software\\Wine\\Fonts\\Replacements", "/v", "PMingLiU", "/t",
                    "REG_SZ", "/d", "Noto Sans CJK TC", "/f"), env, 120);
            try {
                int inserted = reinsertHpc();
                Path log = work.resolve("pin-ok.out");
                Process his = wine.start(verify, env, log);
                String window = x.window("PIN", his, 60_000, log);
                // a window manager gives a new window the keyboard; the caret must then be in the PIN field already
                x.xdotool("windowfocus", "--sync", window);
                x.xdotool("type", "--delay", "40", "1234");
                BufferedImage seen = x.screenshot(window, shot);
                // the prompt (pin_dialog.c: 12,10 350x20) starts with 醫事人員卡: strokes, not the boxes of a missing font
                assertTrue("the prompt's Chinese is not drawn (boxes?), see " + shot.toAbsolutePath(),
                        XDisplay.columnsCrossing(seen, new Rectangle(12, 10, 70, 20), 4) >= 4);
                x.xdotool("key", "Return");
                String out = WinePrefix.exited(his, log);
                assertEquals(out, "0", parse(out).get("v5 hpcVerifyHPCPIN").get("rc"));
                assertEquals("PIN verified (was " + inserted + ")", 3, hpcStatus());

                inserted = reinsertHpc();
                log = work.resolve("pin-cancel.out");
                his = wine.start(verify, env, log);
                window = x.window("PIN", his, 60_000, log);
                x.xdotool("mousemove", "--window", window, "322", "85", "click", "1"); // Cancel: 282,72 80x26
                out = WinePrefix.exited(his, log);
                assertEquals(out, "5109", parse(out).get("v5 hpcVerifyHPCPIN").get("rc"));
                assertEquals("Cancel leaves the HPC as it was", inserted, hpcStatus());
            } finally {
                wine.endSession(); // before Xvfb ends: the next program in the prefix starts a session of its own
            }
        }
        System.out.println("NativeWindowsIT: PIN window typed into, then cancelled, in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms; " + shot);
    }

    @Test
    public void the32BitDllsFromTheirBytes() throws Exception {
        tool("objdump", "apt-get install binutils");
        Map<String, Integer> v5 = PeExports.declaredFunctions(NATIVE.resolve("include/cshis.h"));
        Map<String, Integer> v3 = PeExports.declaredFunctions(NATIVE.resolve("include/cshis30.h"));
        Map<Integer, Integer> pops = new TreeMap<>();
        List<String> followed = new ArrayList<>();
        int checked = 0;
        for (String dll : List.of("cshis.dll", "CsHis50.dll", "cshis30.dll")) {
            Map<String, Integer> declared = dll.equals("cshis30.dll") ? v3 : v5;
            PeExports pe = PeExports.read(LIBS.resolve("windows-x86").resolve(dll), true);
            assertEquals(dll, "pei-i386", pe.format);
            // it cannot be loaded here: a runtime DLL it needs (libgcc_s_dw2-1.dll, ...) would go unnoticed
            assertEquals(dll + " imports " + pe.imports, List.of(), pe.imports.stream()
                    .filter(d -> !WINDOWS_DLLS.contains(d) && !d.startsWith("api-ms-win-")).toList());
            assertEquals(dll + ": exactly the header's functions, undecorated", new TreeSet<>(declared.keySet()),
                    new TreeSet<>(pe.exports.keySet()));
            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, Integer> f : declared.entrySet()) {
                int expected = 4 * f.getValue();
                List<Integer> cleanups = pe.stackCleanups(f.getKey(), followed);
                for (int c : cleanups) {
                    pops.merge(c, 1, Integer::sum);
                }
                if (cleanups.stream().anyMatch(c -> c != expected)) {
                    wrong.add(f.getKey() + " pops " + cleanups + ", its " + f.getValue() + " parameters are "
                            + expected);
                }
                String label = pe.label(pe.exports.get(f.getKey()));
                if (label != null && label.contains("@") && !label.equals("_" + f.getKey() + "@" + expected)) {
                    wrong.add(f.getKey() + " was compiled as " + label + ", the header says @" + expected);
                }
                checked++;
            }
            assertEquals(dll + ": __stdcall stack cleanup", List.of(), wrong);
        }
        assertEquals("CsHis50.dll is cshis.dll under its other name", -1L,
                Files.mismatch(LIBS.resolve("windows-x86/cshis.dll"), LIBS.resolve("windows-x86/CsHis50.dll")));
        System.out.println("NativeWindowsIT: 32-bit exports checked " + checked + " (" + v5.size() + " + "
                + v5.size() + " + " + v3.size() + "), ret immediates (bytes → rets) " + pops + ", jumps followed "
                + followed.size() + ": " + followed);
    }

    @Test
    public void the64BitDllsExportTheSameFunctionsFromTheSameSources() throws Exception {
        tool("objdump", "apt-get install binutils");
        Set<String> literals;
        try (Stream<Path> sources = Files.list(NATIVE.resolve("src"))) {
            literals = PeExports.literals(sources.filter(p -> p.toString().endsWith(".c")).toList(), 10);
        }
        for (String dll : List.of("cshis.dll", "CsHis50.dll", "cshis30.dll")) {
            String header = dll.equals("cshis30.dll") ? "include/cshis30.h" : "include/cshis.h";
            Path x86 = LIBS.resolve("windows-x86").resolve(dll);
            Path x64 = LIBS.resolve("windows-x86_64").resolve(dll);
            PeExports pe64 = PeExports.read(x64, false);
            assertEquals(dll, "pei-x86-64", pe64.format);
            assertEquals(dll, new TreeSet<>(PeExports.declaredFunctions(NATIVE.resolve(header)).keySet()),
                    new TreeSet<>(pe64.exports.keySet()));
            assertEquals(dll, new TreeSet<>(PeExports.read(x86, false).exports.keySet()),
                    new TreeSet<>(pe64.exports.keySet()));
            // the sources' own strings (endpoint and parameter names, HTTP head, messages) in both builds
            Set<String> in86 = PeExports.contained(x86, literals);
            assertEquals(dll + ": the same source strings in the 32- and 64-bit build", in86,
                    PeExports.contained(x64, literals));
            assertTrue(dll + ": " + in86, in86.size() >= 20);
            System.out.println("NativeWindowsIT: " + dll + " x64: " + pe64.exports.size() + " exports as the header and"
                    + " the 32-bit build; " + in86.size() + " of the sources' " + literals.size()
                    + " string literals in both builds");
        }
        assertEquals("CsHis50.dll is cshis.dll under its other name", -1L, Files.mismatch(
                LIBS.resolve("windows-x86_64/cshis.dll"), LIBS.resolve("windows-x86_64/CsHis50.dll")));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** The prefix the tests share (winhis.exe built on first use). */
    private static WinePrefix wine() throws Exception {
        if (wine == null) {
            wine = WinePrefix.create(work, NATIVE.resolve("test/winhis.c"));
        }
        return wine;
    }

    /** Takes the demo HPC out and puts it back (its PIN not verified); its status then. */
    private static int reinsertHpc() throws Exception {
        platform.json("POST", "/demo/cards", "{\"slot\":\"hpc\"}");
        platform.json("POST", "/demo/cards", "{\"slot\":\"hpc\",\"card\":\"900000001001\"}");
        int[] status = {0};
        Await.until("the HPC is in its reader", () -> {
            try {
                return (status[0] = hpcStatus()) != 0;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertTrue("a reinserted HPC's PIN is not verified: " + status[0], status[0] != 3);
        return status[0];
    }

    private static int hpcStatus() throws Exception {
        return v5("hisGetCardStatus", "{\"CardType\":3}").getAsJsonObject("fields").get("value").getAsInt();
    }

    private static JsonObject v5(String function, String json) throws Exception {
        return platform.json("POST", "/v5/" + function, json);
    }

    private static JsonObject v3(String function, String json) throws Exception {
        return platform.json("POST", "/v3/" + function, json);
    }

    private static String code(JsonObject answer) {
        return answer.get("code").getAsString();
    }

    private static byte[] bytes(JsonObject answer) {
        assertEquals(answer.toString(), 0, answer.get("code").getAsInt());
        return Base64.getDecoder().decode(answer.get("bufferBase64").getAsString());
    }

    /** A call's buffer: code 0, the whole documented size written, nothing past it. */
    private static byte[] buffer(Map<String, Map<String, String>> r, String call, int size) {
        Map<String, String> c = r.get(call);
        assertEquals(call + " " + c, List.of("0", Integer.toString(size), "0"),
                List.of(c.get("rc"), c.get("len"), c.get("spill")));
        return HexFormat.of().parseHex(c.get("hex"));
    }

    /** A 3.5.x buffer call: the code /v3 answers; its bytes when it has some, else the caller's buffer untouched. */
    private static void v3Buffer(Map<String, Map<String, String>> r, String function, int size) throws Exception {
        JsonObject a = v3(function, "{}");
        Map<String, String> c = r.get("v3 " + function);
        assertEquals(function + " " + c + " vs " + a, code(a), c.get("rc"));
        assertEquals(function + " " + c, "0", c.get("spill"));
        if (a.has("bufferBase64")) {
            assertEquals(function, HexFormat.of().formatHex(Base64.getDecoder().decode(a.get("bufferBase64")
                    .getAsString())), c.get("hex"));
        } else {
            assertEquals(function + ": nothing written on " + code(a),
                    List.of(Integer.toString(size), "ee".repeat(size)), List.of(c.get("len"), c.get("hex")));
        }
    }

    /** csGetVersionEx: the version the facade answers, and pPath the DLL's own file as Windows names it. */
    private static void version(Map<String, Map<String, String>> r, String set, JsonObject answer, Path dll) {
        Map<String, String> c = r.get(set + " csGetVersionEx");
        assertEquals(c.toString(), answer.getAsJsonObject("fields").get("value").getAsString(), c.get("rc"));
        assertEquals(c.toString(), "0", c.get("spill"));
        String path = ascii(c.get("hex"));
        assertTrue(path, path.equalsIgnoreCase(windows(dll)) && path.endsWith("\\" + dll.getFileName()));
    }

    /** The program's lines "set function key=value ..." by "set function". */
    private static Map<String, Map<String, String>> parse(String out) {
        Map<String, Map<String, String>> calls = new LinkedHashMap<>();
        for (String line : out.split("\r?\n")) {
            String[] words = line.trim().split(" ");
            if (words.length >= 3 && (words[0].equals("v5") || words[0].equals("v3"))) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 2; i < words.length; i++) {
                    String[] kv = words[i].split("=", 2);
                    values.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
                calls.put(words[0] + " " + words[1], values);
            }
        }
        return calls;
    }

    private static String ascii(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.US_ASCII);
    }

    /** A Unix path as wine shows it to Windows programs (drive Z: is /). */
    static String windows(Path path) {
        return "Z:" + path.toAbsolutePath().normalize().toString().replace('/', '\\');
    }

    /**
     * Ends platforms a DLL started (its launcher gets the Windows view of the home, so a platform started under
     * wine names it in its command line) and says which there were.
     */
    private static List<String> endPlatformsStartedBy(String windowsHome) {
        List<String> found = new ArrayList<>();
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(windowsHome))
                .forEach(p -> {
                    found.add(p.pid() + " " + p.info().commandLine().orElse(""));
                    p.destroyForcibly();
                });
        return found;
    }

    /** The first candidate that is an executable file or on PATH; fails naming the package when none is. */
    static String tool(String name, String install, String... candidates) {
        for (String c : candidates.length == 0 ? new String[] {name} : candidates) {
            if (c.contains("/")) {
                if (Files.isExecutable(Path.of(c))) {
                    return c;
                }
                continue;
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, c))) {
                    return Path.of(dir, c).toString();
                }
            }
        }
        throw new AssertionError(name + " is missing (" + install + "; ./nhi test installs it)");
    }

    /**
     * Runs a program headless (no display for wine, unless {@code env} names one), bounded in time; fails with its
     * output unless it exits 0.
     */
    static String run(List<String> cmd, Map<String, String> env, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "run-", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.ISO_8859_1);
        if (!done || p.exitValue() != 0) {
            throw new AssertionError(cmd + (done ? " exited " + p.exitValue() : " did not finish in " + seconds + " s")
                    + ":\n" + out);
        }
        return out;
    }
}
