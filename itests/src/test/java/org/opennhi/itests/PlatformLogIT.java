// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The platform's own log (issue 18, item 3) on the real distribution: {@code LOG/platform.log} exists after start,
 * owner-only; it rotates at the size limit configured (2 KiB here, through the PID {@code opennhi.logging} in the
 * home's ConfigAdmin folder); and its level changes live through {@code nhi-cs ctl log-level}, without a restart.
 */
public class PlatformLogIT {
    private static final long LIMIT = 2048;
    private static DemoPlatform platform;

    @BeforeClass
    public static void start() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        platform = DemoPlatform.start(work, Map.of(), "", home -> {
            Path cfg = Files.createDirectories(home.resolve("INI/config/opennhi")).resolve("logging.config");
            Files.writeString(cfg, "service.pid=\"opennhi.logging\"\nmaxBytes=L\"" + LIMIT + "\"\nkeep=I\"2\"\n");
        });
    }

    @AfterClass
    public static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    public void theLogIsInLogAndOwnerOnly() throws Exception {
        Path log = platform.home.resolve("LOG/platform.log");
        Await.until("LOG/platform.log", () -> Files.exists(log));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        Await.until("the SAM authentication in the platform log", () -> allLogs().contains("Cloud SAM status 2"));
        assertFalse("standard output has no stack traces:\n" + platform.output(),
                platform.output().lines().anyMatch(l -> l.startsWith("\tat ")));
    }

    @Test
    public void theLevelChangesLiveAndTheFileRotatesAtItsLimit() throws Exception {
        assertCtl("\"level\":\"WARN\"", "log-level", "warn");
        Path backend = platform.home.resolve("INI/config/org/ops4j/pax/logging.config");
        Await.until("the backend configured at WARN", () -> read(backend).contains("rootLogger.level=\"WARN\""));
        Thread.sleep(500); // pax-logging reconfigures log4j2 right after ConfigAdmin hands it the configuration
        switchReader("nhi-com");
        switchReader("sim");
        Thread.sleep(500);
        assertFalse("at WARN the INFO of a reader switch is not kept", allLogs().contains("now uses nhi-com"));

        assertCtl("\"level\":\"INFO\"", "log-level", "INFO");
        assertCtl("\"level\":\"INFO\"", "log-level");
        long start = System.currentTimeMillis();
        Await.until("at INFO again, a reader switch is kept", 30_000, () -> {
            switchReader("nhi-com");
            switchReader("sim");
            return allLogs().contains("now uses nhi-com");
        });
        System.out.println("platform log: INFO kept again " + (System.currentTimeMillis() - start) + " ms after ctl log-level INFO");

        // enough events for two rotations at 2 KiB: every switch writes a line or two
        Await.until("two rotations", 60_000, () -> {
            switchReader("nhi-com");
            switchReader("sim");
            return Files.exists(platform.home.resolve("LOG/platform.log.2"));
        });
        for (String name : new String[] {"platform.log", "platform.log.1", "platform.log.2"}) {
            Path f = platform.home.resolve("LOG").resolve(name);
            long size = Files.size(f);
            System.out.println("platform log: " + name + " " + size + " bytes (limit " + LIMIT + ")");
            assertTrue(name + " stays near the limit: " + size, size <= LIMIT + 2048);
            assertEquals(name, "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        }
        assertTrue("a rotated file holds about the limit", Files.size(platform.home.resolve("LOG/platform.log.1")) > LIMIT);
        assertFalse("keep=2: no third rotated file", Files.exists(platform.home.resolve("LOG/platform.log.3")));
    }

    private static void switchReader(String type) {
        try {
            assertCtl("\"readerType\":\"" + type + "\"", "reader-type", type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertCtl(String expected, String... args) throws Exception {
        Map.Entry<Integer, String> r = platform.ctl(args);
        assertEquals(r.getValue(), 0, (int) r.getKey());
        assertTrue(r.getValue(), r.getValue().contains(expected));
    }

    private static String allLogs() {
        StringBuilder all = new StringBuilder();
        for (String name : new String[] {"platform.log.2", "platform.log.1", "platform.log"}) {
            all.append(read(platform.home.resolve("LOG").resolve(name)));
        }
        return all.toString();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
