// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.google.gson.JsonObject;

import org.junit.Test;

/**
 * A 50 MB binary {@code csdll.ini} in the home (issue 16, item 7): the demo platform starts as fast as on a clean
 * home, reports the file refused in one line, and its settings are those of a clean home.
 */
public class LegacyIniBoundsIT {
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @Test
    public void aHugeBinaryCsdllIniIsRefusedInOneLineAndCostsNoStartTime() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        long cleanMillis;
        JsonObject cleanSettings;
        long started = System.nanoTime();
        try (DemoPlatform clean = DemoPlatform.start(work, Map.of(), "")) {
            cleanMillis = (System.nanoTime() - started) / 1_000_000;
            cleanSettings = settingsWithoutPorts(clean);
        }
        started = System.nanoTime();
        try (DemoPlatform junk = DemoPlatform.start(work, Map.of(), "", home -> {
            Path ini = Files.createDirectories(home.resolve("INI")).resolve("csdll.ini");
            byte[] block = new byte[1 << 20];
            Random random = new Random(16);
            try (OutputStream out = Files.newOutputStream(ini)) {
                for (long written = 0; written < FIFTY_MB; written += block.length) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
        })) {
            long junkMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("LegacyIniBoundsIT: start to ready %d ms on a clean home, %d ms with a 50 MB binary "
                    + "csdll.ini%n", cleanMillis, junkMillis);
            List<String> report = Files.readAllLines(junk.home.resolve("LOG/legacy-ini-import.log"));
            List<String> refused = report.stream().filter(l -> l.contains("csdll.ini refused")).toList();
            assertEquals(String.join("\n", report), 1, refused.size());
            assertTrue("one line, not the file's junk: " + refused.get(0), refused.get(0).length() < 300);
            assertEquals("the configuration is a clean home's", cleanSettings, settingsWithoutPorts(junk));
            // generous against CI noise: before the bound the 50 MB file made the start 3 s → 19.6 s
            assertTrue("start " + junkMillis + " ms vs " + cleanMillis + " ms clean",
                    junkMillis < cleanMillis * 2 + 5_000);
            assertTrue("the 50 MB file is left as it was, not rewritten",
                    Files.size(junk.home.resolve("INI/csdll.ini")) == FIFTY_MB);
        }
    }

    /** The platform settings, without what differs by design between two homes (their ports). */
    private static JsonObject settingsWithoutPorts(DemoPlatform platform) throws Exception {
        JsonObject s = platform.json("GET", "/settings/platform", null);
        s.entrySet().removeIf(e -> e.getKey().toLowerCase().contains("port") && !e.getKey().equals("samPort"));
        return s;
    }
}
