// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.opennhi.sim.vpcd.pcscd.PrivatePcscd;

/**
 * Demo mode on real PC/SC: a pcscd of the test's own with vsmartcard's vpcd driver stands in for the machine's,
 * so {@code bin/nhi-cs --demo} finds the vpcd readers and puts the virtual cards there; the overlay in headless
 * Chromium follows what pcscd notices.
 */
public class DemoVpcdBrowserIT {
    private static PrivatePcscd pcscd;
    private static DemoPlatform platform;
    private static Chromium browser;

    @BeforeClass
    public static void start() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        pcscd = PrivatePcscd.start(Path.of(System.getProperty("opennhi.itest.pcscd")));
        platform = DemoPlatform.start(work, pcscd.environment(), "-Dopennhi.demo.vpcd.port=" + pcscd.port(0));
        browser = Chromium.start(work);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (pcscd != null) {
            pcscd.close();
        }
    }

    @Test
    public void theDemoUsesPcscdsVpcdReadersAndTheLightsFollowThem() throws Exception {
        assertTrue(platform.output(), platform.output().contains("in 'Virtual PCD 00 00'"));
        assertTrue(platform.json("GET", "/status", null).getAsJsonObject("slots").getAsJsonObject("HC")
                .get("reader").getAsString().startsWith("Virtual PCD 00 00"));
        DemoBrowserIT.walkTheLights(platform, browser, "watch-vpcd");
    }
}
