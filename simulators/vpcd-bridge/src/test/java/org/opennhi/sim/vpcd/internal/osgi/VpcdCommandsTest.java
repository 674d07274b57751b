// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.vpcd.internal.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.vpcd.VpcdBridge;

/** Without a pcscd the slots keep retrying; the commands still change which card sits where. */
public class VpcdCommandsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void insertRemoveStatus() {
        try (VpcdBridge bridge = new VpcdBridge("127.0.0.1", 1, 2)) {
            VpcdCommands c = new VpcdCommands(SimulatedCards.open(tmp.getRoot().toPath()), bridge);
            c.insert("hpc", "900000001002");
            assertEquals("900000001002", bridge.slot(1).card().number());
            assertTrue(c.status(), c.status().contains("Virtual PCD 00 01 (port 2): HPC 900000001002 (waiting for vpcd)"));
            c.remove("hpc");
            assertEquals(null, bridge.slot(1).card());
            try {
                c.insert("left", "900000001002");
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("slot is hc, hpc or a number"));
                return;
            }
            throw new AssertionError("a bad slot name is an error");
        }
    }
}
