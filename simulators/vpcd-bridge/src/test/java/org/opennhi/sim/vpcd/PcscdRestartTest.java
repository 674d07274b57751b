// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.vpcd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.vpcd.pcscd.PrivatePcscd;

/**
 * pcscd restarted under a waiting card: the slot reconnects by itself and tools read the card again. Only
 * external tools here: the JDK's PC/SC provider keeps one context for the JVM's life and would go stale.
 */
public class PcscdRestartTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void cardComesBackAfterPcscdRestarts() throws Exception {
        SimulatedCards world = SimulatedCards.open(tmp.getRoot().toPath(), java.time.Clock.fixed(
                java.time.Instant.parse("2026-11-20T02:00:00Z"), java.time.ZoneId.of("Asia/Taipei")));
        PrivatePcscd pcscd = PcscdFixture.start();
        int port = pcscd.port(0);
        try (VpcdSlot slot = new VpcdSlot("127.0.0.1", port)) {
            slot.insert(world.card("900000000001"));
            assertTrue(slot.awaitConnected(VpcdBridgeTest.WAIT));
            pcscd.close();
            long end = System.nanoTime() + VpcdBridgeTest.WAIT.toNanos();
            while (slot.connected() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertTrue("the slot noticed pcscd going", !slot.connected());
            pcscd = PrivatePcscd.start(Path.of(System.getProperty("private.pcscd.dir")), port);
            assertTrue("reconnected to the new pcscd", slot.awaitConnected(VpcdBridgeTest.WAIT));
            assertTrue("pcscd sees the card again", cardPresent(pcscd));
            PrivatePcscd.ToolResult r = pcscd.run(VpcdBridgeTest.TOOL, "opensc-tool", "-r", "0", "-s",
                    VpcdBridgeTest.SELECT, "-s", VpcdBridgeTest.READ_BASIC);
            assertEquals(r.output(), List.of("9000", VpcdBridgeTest.expectedBasicProfile() + "9000"),
                    VpcdBridgeTest.received(r.output()));
        } finally {
            pcscd.close();
        }
    }

    /** pcscd polls vpcd every ~400 ms: ask until it reports the card, at most 10 s. */
    private static boolean cardPresent(PrivatePcscd pcscd) throws Exception {
        long end = System.nanoTime() + VpcdBridgeTest.WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (pcscd.run(VpcdBridgeTest.TOOL, "opensc-tool", "-r", "0", "-a").exitCode() == 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
