// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * One platform per home and per port (issue 16, item 6): a second {@code bin/nhi-cs} on the same home, or on a
 * port already in use, exits non-zero at once with a message, and the running platform goes on unaffected.
 */
public class SinglePlatformIT {
    private static DemoPlatform platform;
    private static Path work;

    @BeforeClass
    public static void start() throws Exception {
        work = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        platform = DemoPlatform.start(work, Map.of(), "");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    /** @return exit code and output of a second start, which must end by itself within 30 s */
    private static Map.Entry<Integer, String> secondStart(Path home, int port) throws Exception {
        Process p = new ProcessBuilder(List.of(DemoPlatform.DIST.resolve("bin/nhi-cs").toString(), "--demo", "--home",
                home.toString(), "--port", Integer.toString(port))).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the second platform kept running");
        }
        return Map.entry(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void firstUnaffected() throws Exception {
        assertTrue("the first platform still runs", platform.alive());
        assertEquals(200, platform.api("GET", "/status", null).statusCode());
        assertEquals(0, platform.json("POST", "/v5/hisGetBasicData", "{}").get("code").getAsInt());
    }

    @Test
    public void aSecondPlatformOnTheSameHomeExits() throws Exception {
        Map.Entry<Integer, String> second = secondStart(platform.home, PlatformOptions.freePort());
        assertNotEquals(second.getValue(), 0, (int) second.getKey());
        assertTrue(second.getValue(), second.getValue().contains("another platform is already running on the home"));
        firstUnaffected();
    }

    @Test
    public void aPlatformOnABusyPortExits() throws Exception {
        Path other = Files.createTempDirectory(work.toAbsolutePath(), "busy-port-home-");
        Map.Entry<Integer, String> second = secondStart(other, platform.port);
        assertNotEquals(second.getValue(), 0, (int) second.getKey());
        assertTrue(second.getValue(), second.getValue().contains("already in use"));
        firstUnaffected();
    }
}
