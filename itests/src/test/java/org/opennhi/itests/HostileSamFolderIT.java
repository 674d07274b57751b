// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.google.gson.JsonObject;

/**
 * Issue 16 items 4, 5 and 11 on the real demo platform: hostile entries in {@code SAM/COMX1} are 9201 within the
 * bound and the SAM recovers without restart; invalid settings over HTTP and ctl are refused and not stored; an
 * upload of a file outside the upload folder is 6017 and nothing reaches the IDC.
 */
public class HostileSamFolderIT {
    /** The read bound (2 s) plus an HTTP round trip on a busy 2-core machine. */
    private static final long BOUND_MS = 4_000;
    private static DemoPlatform platform;

    @BeforeClass
    public static void start() throws Exception {
        platform = DemoPlatform.start();
    }

    @AfterClass
    public static void stop() throws Exception {
        DemoPlatform.stop(platform);
    }

    private static int verify() throws Exception {
        return platform.json("POST", "/v5/csVerifySAMDC", "{}").get("code").getAsInt();
    }

    private interface Hostile {
        AutoCloseable put(Path entry) throws Exception;
    }

    @Test
    public void hostileSamEntriesAre9201AndAGoodFileWorksRightAfter() throws Exception {
        Path folder = platform.home.resolve("SAM/COMX1");
        Path good;
        try (var files = Files.list(folder)) {
            good = files.filter(p -> p.toString().endsWith(".SAM")).findFirst().orElseThrow();
        }
        Path kept = Files.move(good, platform.home.resolve("kept.SAM.bak"));
        Map<String, Hostile> hostile = new java.util.LinkedHashMap<>();
        hostile.put("FIFO", entry -> {
            assertEquals(0, new ProcessBuilder("mkfifo", entry.toString()).start().waitFor());
            return () -> Files.delete(entry);
        });
        hostile.put("symlink to /dev/zero", entry -> {
            Files.createSymbolicLink(entry, Path.of("/dev/zero"));
            return () -> Files.delete(entry);
        });
        hostile.put("100 MB file", entry -> {
            try (RandomAccessFile f = new RandomAccessFile(entry.toFile(), "rw")) {
                f.setLength(100L * 1024 * 1024);
            }
            return () -> Files.delete(entry);
        });
        hostile.put("socket", entry -> {
            // a socket path must fit in 108 bytes; a deep checkout does not, so bind through a short link
            Path shortcut = Files.createTempDirectory("sam").resolve("f");
            Files.createSymbolicLink(shortcut, entry.getParent());
            ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            s.bind(UnixDomainSocketAddress.of(shortcut.resolve(entry.getFileName())));
            return () -> {
                s.close();
                Files.delete(entry);
                Files.delete(shortcut);
                Files.delete(shortcut.getParent());
            };
        });
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, Hostile> h : hostile.entrySet()) {
            try (AutoCloseable undo = h.getValue().put(folder.resolve(good.getFileName()))) {
                long start = System.nanoTime();
                int code = verify();
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals(h.getKey(), 9201, code);
                assertTrue(h.getKey() + " answered in " + ms + " ms", ms < BOUND_MS);
                report.append(String.format("%s 9201 in %d ms; ", h.getKey(), ms));
            }
            // the SAM is not held: the next call with the good file succeeds at once, no restart
            Files.copy(kept, folder.resolve(good.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            long start = System.nanoTime();
            assertEquals("csVerifySAMDC with the good file after the " + h.getKey(), 0, verify());
            report.append(String.format("good file 0 in %d ms; ", (System.nanoTime() - start) / 1_000_000));
            Files.delete(folder.resolve(good.getFileName()));
        }
        Files.move(kept, good);
        assertEquals(0, verify());
        System.out.println("hostile SAM folder: 4 entries, " + report);
    }

    /** 5.1.3 §1.31 over /v5: csOpenCom(n) opens SAM/COMX(n+1); 9200 without one SAM file there. */
    @Test
    public void section1_31_csOpenComOpensTheSamFolderItNames() throws Exception {
        Path comx2 = platform.home.resolve("SAM/COMX2");
        assertEquals("no COMX2 folder", 9200, openCom(1));
        assertEquals("COMX1, the folder in use", 0, openCom(0));
        Files.createDirectories(comx2);
        assertEquals("COMX2 without a SAM file", 9200, openCom(1));
        Path good;
        try (var files = Files.list(platform.home.resolve("SAM/COMX1"))) {
            good = files.filter(p -> p.toString().endsWith(".SAM")).findFirst().orElseThrow();
        }
        Files.copy(good, comx2.resolve(good.getFileName()));
        assertEquals("COMX2 with one SAM file", 0, openCom(1));
        Await.until("the SAM service follows to COMX2", () -> samPort().equals("COMX2"));
        assertEquals("csVerifySAMDC reads the file in COMX2", 0, verify());
        Files.copy(good, comx2.resolve("second.SAM"));
        assertEquals("two SAM files: 數量超過一個以上", 9200, openCom(1));
        assertEquals(0, openCom(0));
        Await.until("back on COMX1", () -> samPort().equals("COMX1"));
        assertEquals(0, verify());
        System.out.println("csOpenCom: 9200 for a missing, empty or crowded COMX2; 0 and the SAM service on COMX2 with"
                + " one SAM file; back to COMX1 with csOpenCom(0)");
    }

    private static int openCom(int port) throws Exception {
        return platform.json("POST", "/v5/csOpenCom", "{\"Comport\":" + port + "}").get("code").getAsInt();
    }

    private static String samPort() {
        try {
            return platform.json("GET", "/settings/platform", null).get("samPort").getAsString();
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    public void invalidSettingsOverHttpAndCtlAreRefusedAndNotStored() throws Exception {
        JsonObject before = platform.json("GET", "/settings/platform", null);
        int refused = 0;
        for (String body : List.of("{\"samPort\":\"../../../etc\"}", "{\"samPort\":\"comx1\"}",
                "{\"readerType\":\"Any Text\"}", "{\"samMode\":\"magic\"}")) {
            assertEquals(body, 400, platform.api("PUT", "/settings/platform", body).statusCode());
            refused++;
        }
        for (String[] ctl : new String[][] {{"reader-type", "Any Text"}, {"reader-type", "../x"}, {"sam-mode", "x"}}) {
            Map.Entry<Integer, String> r = platform.ctl(ctl);
            assertNotEquals(String.join(" ", ctl) + ": " + r.getValue(), 0, (int) r.getKey());
            refused++;
        }
        assertEquals("nothing stored", before, platform.json("GET", "/settings/platform", null));
        System.out.println("settings over HTTP and ctl: " + refused + " invalid values refused, nothing stored");
    }

    @Test
    public void anUploadFromOutsideTheUploadFolderIs6017AndSendsNothing() throws Exception {
        int uploadsBefore = idcUploads();
        int refused = 0;
        Path secret = Files.writeString(platform.home.resolve("INI/not-for-the-idc.txt"), "x\n");
        for (Path p : List.of(Path.of("/etc/passwd"), secret)) {
            JsonObject r = platform.json("POST", "/v5/csUploadData", "{\"pUploadFileName\":\"" + p
                    + "\",\"pFileSize\":\"" + Files.size(p) + "\",\"pNumber\":\"1\"}");
            assertEquals(p.toString(), 6017, r.get("code").getAsInt());
            refused++;
        }
        Path inside = Files.writeString(Files.createDirectories(platform.home.resolve("UPLOAD")).resolve("A1.xml"),
                "r1\n");
        JsonObject ok = platform.json("POST", "/v5/csUploadData", "{\"pUploadFileName\":\"" + inside
                + "\",\"pFileSize\":\"3\",\"pNumber\":\"1\"}");
        assertEquals(ok.toString(), 0, ok.get("code").getAsInt());
        assertEquals("only the file inside the folder reached the IDC", uploadsBefore + 1, idcUploads());
        String mode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                platform.home.resolve("demo/idc/db/journal.jsonl")));
        assertEquals("the demo IDC's journal (SAM keys) is owner-only", "rw-------", mode);
        System.out.println("upload folder: " + refused + " files outside refused 6017, 1 inside uploaded;"
                + " demo IDC journal " + mode);
    }

    /** @return how many uploads the demo IDC has stored */
    private static int idcUploads() throws Exception {
        Path dir = platform.home.resolve("demo/idc/uploads");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return (int) files.count();
        }
    }
}
