// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import static org.junit.Assert.assertEquals;
import static org.opennhi.sim.card.CardHarness.HEX;
import static org.opennhi.sim.card.CardHarness.authenticate;
import static org.opennhi.sim.card.CardHarness.select;
import static org.opennhi.sim.card.CardHarness.sw;
import static org.opennhi.sim.card.CardHarness.tx;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** VERIFY and the PIN management commands of the HC and the HPC. */
public class PinTest {
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

    static String verify(String pin) {
        return String.format("00200001%02X", pin.length()) + HEX.formatHex(pin.getBytes());
    }

    static String block(String digits) {
        return HEX.formatHex(digits.getBytes()) + "FF".repeat(8 - digits.length());
    }

    private VirtualCard authenticatedHc(String number) {
        VirtualCard hc = world.card(number);
        select(hc);
        assertEquals("9000", authenticate(hc, sam, 0));
        return hc;
    }

    @Test
    public void hcWithPinNeedsVerifyForProtectedAreas() {
        VirtualCard hc = authenticatedHc("900000000002");
        assertEquals("PIN status: enabled, 3 tries, not verified", "0103009000", tx(hc, "00CA110002FF00"));
        assertEquals("card status needs no PIN", "9000", sw(tx(hc, "00CA1100020100")));
        assertEquals("6982", tx(hc, "00CA1100020200"));
        assertEquals("63C3", tx(hc, "0020000100"));
        assertEquals("63C2", tx(hc, verify("9999")));
        assertEquals("9000", tx(hc, verify("1234")));
        assertEquals("9000", tx(hc, "0020000100"));
        assertEquals("9000", sw(tx(hc, "00CA1100020200")));
        assertEquals("0103019000", tx(hc, "00CA110002FF00"));
    }

    @Test
    public void hcPinBlocksAfterThreeWrongTries() {
        VirtualCard hc = authenticatedHc("900000000002");
        assertEquals("63C2", tx(hc, verify("0000")));
        assertEquals("63C1", tx(hc, verify("0000")));
        assertEquals("6983", tx(hc, verify("0000")));
        assertEquals("6983", tx(hc, verify("1234")));
        assertEquals("6983", tx(hc, "0020000100"));
    }

    @Test
    public void badPinFormatIsNotCounted() {
        VirtualCard hc = authenticatedHc("900000000002");
        assertEquals("6A80", tx(hc, verify("12")));
        assertEquals("6A80", tx(hc, verify("1234567")));
        assertEquals("6A80", tx(hc, verify("12a4")));
        assertEquals("63C3", tx(hc, "0020000100"));
        assertEquals("6A86", tx(hc, "0020000000"));
    }

    @Test
    public void hcWithoutPinSetsDisablesAndChangesOne() {
        VirtualCard hc = authenticatedHc("900000000001");
        assertEquals("6984", tx(hc, verify("1234")));
        assertEquals("6984", tx(hc, "0026000100"));
        assertEquals("6700", tx(hc, "0028000104" + "31323334"));
        assertEquals("6A80", tx(hc, "0028000108" + block("12")));
        assertEquals("9000", tx(hc, "0028000108" + block("2468")));
        assertEquals("6985", tx(hc, "0028000108" + block("2468")));
        assertEquals("6982", relock(hc));
        assertEquals("63C2", tx(hc, "0024000110" + block("1111") + block("8642")));
        assertEquals("9000", tx(hc, "0024000110" + block("2468") + block("8642")));
        assertEquals("9000", tx(hc, verify("8642")));
        assertEquals("9000", tx(hc, "0026000100"));
        assertEquals("0003009000", tx(hc, "00CA110002FF00"));
    }

    /** Re-authenticates so the freshly set PIN is no longer verified; returns a protected read. */
    private String relock(VirtualCard hc) {
        assertEquals("9000", authenticate(hc, sam, 0));
        return tx(hc, "00CA1100020200");
    }

    @Test
    public void disableNeedsVerifiedPin() {
        VirtualCard hc = authenticatedHc("900000000002");
        assertEquals("6982", tx(hc, "0026000100"));
    }

    @Test
    public void hcPinCommandsNeedSamSession() {
        VirtualCard hc = world.card("900000000002");
        select(hc);
        assertEquals("6982", tx(hc, verify("1234")));
        assertEquals("6982", tx(hc, "0028000108" + block("2468")));
    }

    @Test
    public void hpcVerifyBlockAndUnblock() {
        VirtualCard hpc = world.card("900000001001");
        select(hpc);
        assertEquals("no SAM needed on the HPC", "63C3", tx(hpc, "0020000100"));
        assertEquals("9000", tx(hpc, verify("1234")));
        assertEquals("63C2", tx(hpc, verify("4321")));
        assertEquals("63C1", tx(hpc, verify("4321")));
        assertEquals("6983", tx(hpc, verify("4321")));
        assertEquals("6983", tx(hpc, verify("1234")));
        assertEquals("6300", tx(hpc, "002C000110" + block("00000000") + block("5555")));
        assertEquals("6A80", tx(hpc, "002C000110" + block("1234") + block("5555")));
        assertEquals("9000", tx(hpc, "002C000110" + block("12345678") + block("5555")));
        assertEquals("9000", tx(hpc, verify("5555")));
        assertEquals("9000", tx(hpc, "0024000110" + block("5555") + block("123456")));
        assertEquals("9000", tx(hpc, verify("123456")));
        assertEquals("6D00", tx(hpc, "0028000108" + block("1111")));
    }

    @Test
    public void hpcIdentityIsPublic() {
        VirtualCard hpc = world.card("900000001002");
        select(hpc);
        String r = tx(hpc, "00CA1100020000");
        assertEquals("9000", sw(r));
        byte[] d = HEX.parseHex(CardHarness.data(r));
        assertEquals(71, d.length);
        assertEquals("06", new String(d, 62, 2));
        assertEquals("李安心", new String(d, 12, 20, java.nio.charset.Charset.forName("Big5")).trim());
    }
}
