// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal.osgi;

import static org.junit.Assert.assertTrue;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.sim.card.SimulatedCards;

public class CardCommandsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void listShowReset() {
        CardCommands c = new CardCommands(SimulatedCards.open(tmp.getRoot().toPath()));
        assertTrue(c.cards().contains("900000001003"));
        assertTrue(c.show("900000000011").contains("C5000"));
        assertTrue(c.reset().startsWith("reset 34 cards"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void unknownCard() {
        new CardCommands(SimulatedCards.open(tmp.getRoot().toPath())).show("nope");
    }
}
