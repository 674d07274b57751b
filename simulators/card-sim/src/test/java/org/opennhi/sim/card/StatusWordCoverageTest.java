// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import static org.junit.Assert.assertEquals;
import static org.opennhi.sim.card.CardHarness.HEX;
import static org.opennhi.sim.card.CardHarness.authenticate;
import static org.opennhi.sim.card.CardHarness.select;
import static org.opennhi.sim.card.CardHarness.sw;
import static org.opennhi.sim.card.CardHarness.tx;
import static org.opennhi.sim.card.PinTest.block;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The status words the command-focused tests leave out, one by one. */
public class StatusWordCoverageTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private SimulatedCards world;
    private VirtualCard sam;

    @Before
    public void open() {
        world = SimulatedCards.open(tmp.getRoot().toPath(), HealthCardPublicTest.CLOCK);
        sam = world.card(AuthenticationTest.TEST_SAM);
        select(sam);
    }

    private VirtualCard selected(String number) {
        VirtualCard c = world.card(number);
        select(c);
        return c;
    }

    @Test
    public void changePin() {
        VirtualCard noPin = selected("900000000001");
        assertEquals("9000", authenticate(noPin, sam, 0));
        assertEquals("6984", tx(noPin, "0024000110" + block("1234") + block("5678")));
        VirtualCard hc = selected("900000000002");
        assertEquals("9000", authenticate(hc, sam, 1));
        assertEquals("6700", tx(hc, "0024000108" + block("1234")));
        assertEquals("6A80", tx(hc, "0024000110" + block("1234") + "3132FF33FFFFFFFF"));
        assertEquals("6A80", tx(hc, "0024000110" + block("12") + block("5678")));
        assertEquals("6A86", tx(hc, "0024010110" + block("1234") + block("5678")));
        assertEquals("9000", tx(hc, "0024000110" + block("1234") + block("5678")));
    }

    @Test
    public void unblockAndSamLengths() {
        VirtualCard hpc = selected("900000001001");
        assertEquals("6700", tx(hpc, "002C000108" + block("12345678")));
        assertEquals("6A80", tx(hpc, "002C000110" + block("12345678") + block("1")));
        assertEquals("6700", tx(sam, "808C00000F" + "00".repeat(15)));
        assertEquals("9000", authenticate(hpc, sam, 3));
        assertEquals("6A80", tx(sam, "808E030003" + "00DA11" + "00"));
        assertEquals("9000", sw(tx(sam, "808E030006" + "80DA11000100" + "00")));
    }

    @Test
    public void lockedCardRefusesWritesAndPinCommands() {
        VirtualCard hc = selected("900000000002");
        VirtualCard wrongSam = selected(AuthenticationTest.PRODUCTION_SAM);
        for (int i = 0; i < 3; i++) {
            authenticate(hc, wrongSam, 0);
        }
        assertEquals("6983", tx(hc, "84DA1100110300" + "20".repeat(7) + "00".repeat(8)));
        assertEquals("6983", tx(hc, PinTest.verify("1234")));
        assertEquals("6983", tx(hc, "0028000108" + block("2468")));
    }

    @Test
    public void identitiesOfTheOtherCards() {
        VirtualCard inst = selected("900077770001");
        String r = tx(inst, "00CA1100020000");
        assertEquals("9000", sw(r));
        byte[] d = HEX.parseHex(CardHarness.data(r));
        assertEquals(62, d.length);
        assertEquals("7777777777", new String(d, 12, 10));
        String s = tx(sam, "00CA1100020000");
        byte[] id = HEX.parseHex(CardHarness.data(s));
        assertEquals(82, id.length);
        assertEquals("9000777777777777777777", new String(id, 0, 22));
        assertEquals("SAMs have no PIN status", "6A88", tx(sam, "00CA110002FF00"));
        assertEquals("6D00", tx(inst, "0020000100"));
        assertEquals("6D00", tx(sam, "80DA11000100"));
    }
}
