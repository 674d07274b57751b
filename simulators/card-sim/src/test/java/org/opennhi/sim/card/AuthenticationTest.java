// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.opennhi.sim.card.CardHarness.authenticate;
import static org.opennhi.sim.card.CardHarness.select;
import static org.opennhi.sim.card.CardHarness.sw;
import static org.opennhi.sim.card.CardHarness.tx;

import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Mutual authentication with a SAM, the failed-authentication counter and the lock (docs/card-profile.md §3). */
public class AuthenticationTest {
    static final String TEST_SAM = "900077777777";
    static final String PRODUCTION_SAM = "000035012000";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private Path dir;
    private SimulatedCards world;

    @Before
    public void open() {
        dir = tmp.getRoot().toPath();
        world = SimulatedCards.open(dir, HealthCardPublicTest.CLOCK);
    }

    private VirtualCard selected(String number) {
        VirtualCard c = world.card(number);
        select(c);
        return c;
    }

    @Test
    public void testSamAuthenticatesTestCardAndUnlocksItsData() {
        VirtualCard hc = selected("900000000001");
        VirtualCard sam = selected(TEST_SAM);
        assertEquals("9000", authenticate(hc, sam, 0));
        String status = tx(hc, "00CA1100020100");
        assertEquals("9000", sw(status));
        assertEquals("1" + "1201231" + "06", new String(CardHarness.bytes(CardHarness.data(status))));
        assertEquals("9000", sw(tx(hc, "00CA1100020701")));
    }

    @Test
    public void productionSamLocksTestCardAfterThreeFailures() {
        VirtualCard hc = selected("900000000001");
        VirtualCard sam = selected(PRODUCTION_SAM);
        assertEquals("63C2", authenticate(hc, sam, 0));
        assertEquals("63C1", authenticate(hc, sam, 0));
        assertEquals("6983", authenticate(hc, sam, 0));
        // now even the right SAM cannot get in, and the lock survives a restart of the simulator
        VirtualCard rightSam = selected(TEST_SAM);
        assertEquals("6983", tx(hc, "0084000008"));
        SimulatedCards again = SimulatedCards.open(dir, HealthCardPublicTest.CLOCK);
        VirtualCard reopened = again.card("900000000001");
        select(reopened);
        assertEquals("6983", tx(reopened, "0084000008"));
        assertEquals("6983", tx(reopened, "00CA1100020100"));
        assertEquals("the public profile stays readable", "9000", sw(tx(reopened, CardHarness.READ_BASIC)));
        assertTrue(again.show("900000000001").contains("LOCKED"));
        again.reset();
        select(reopened);
        assertEquals("9000", authenticate(reopened, rightSam, 1));
    }

    @Test
    public void testSamLocksProductionCardToo() {
        VirtualCard hc = selected("000000000101");
        VirtualCard sam = selected(TEST_SAM);
        assertEquals("63C2", authenticate(hc, sam, 0));
        assertEquals("63C1", authenticate(hc, sam, 0));
        assertEquals("6983", authenticate(hc, sam, 0));
    }

    @Test
    public void successResetsTheCounter() {
        VirtualCard hc = selected("900000000001");
        assertEquals("63C2", authenticate(hc, selected(PRODUCTION_SAM), 0));
        assertEquals("63C1", authenticate(hc, world.card(PRODUCTION_SAM), 0));
        assertEquals("9000", authenticate(hc, selected(TEST_SAM), 0));
        assertEquals("63C2", authenticate(hc, world.card(PRODUCTION_SAM), 0));
    }

    @Test
    public void mutualAuthenticateNeedsAFreshChallenge() {
        VirtualCard hc = selected("900000000001");
        String data = "00".repeat(24);
        assertEquals("6985", tx(hc, "8082000018" + data + "10"));
        assertEquals("9000", sw(tx(hc, "0084000008")));
        assertEquals("6700", tx(hc, "8082000010" + "00".repeat(16)));
        assertEquals("6A86", tx(hc, "8082010018" + data));
        assertEquals("63C2", tx(hc, "8082000018" + data + "10"));
        assertEquals("the challenge was used up", "6985", tx(hc, "8082000018" + data + "10"));
        assertEquals("6E00", tx(hc, "0082000018" + data));
    }

    @Test
    public void resetForgetsTheSession() {
        VirtualCard hc = selected("900000000001");
        assertEquals("9000", authenticate(hc, selected(TEST_SAM), 0));
        hc.reset();
        select(hc);
        assertEquals("6982", tx(hc, "00CA1100020100"));
    }

    @Test
    public void everyKindAuthenticatesWithItsEnvironmentsSam() {
        VirtualCard sam = selected(TEST_SAM);
        for (String n : new String[] {"900000001001", "900077770001", "900088888888"}) {
            VirtualCard c = selected(n);
            assertEquals(n, "9000", authenticate(c, sam, 2));
        }
    }

    @Test
    public void samChannelRules() {
        VirtualCard sam = selected(TEST_SAM);
        assertEquals("6A86", tx(sam, "808A040015" + "02" + "00".repeat(20)));
        assertEquals("6700", tx(sam, "808A000014" + "02" + "00".repeat(19)));
        assertEquals("6A80", tx(sam, "808A000015" + "09" + "00".repeat(20)));
        assertEquals("6985", tx(sam, "808C000010" + "00".repeat(16)));
        assertEquals("6985", tx(sam, "808E000006" + "00DA11000100" + "00"));
        String begin = tx(sam, "808A000015" + "02" + CardHarness.HEX.formatHex("900000000001".getBytes())
                + "00".repeat(8) + "18");
        assertEquals("9000", sw(begin));
        assertEquals("6300", tx(sam, "808C000010" + "00".repeat(16)));
    }

    @Test
    public void samSignatures() {
        VirtualCard sam = selected(TEST_SAM);
        String sig = tx(sam, "802A000005" + "0102030405" + "00");
        assertEquals(128 * 2 + 4, sig.length());
        assertEquals("9000", sw(sig));
        assertEquals(40 * 2 + 4, tx(sam, "802A002805" + "0102030405").length());
        assertEquals("6700", tx(sam, "802A0000"));
        assertEquals("6A86", tx(sam, "802A010001" + "01"));
    }
}
