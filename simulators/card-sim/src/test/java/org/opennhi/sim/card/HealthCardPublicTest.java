// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import static org.junit.Assert.assertEquals;
import static org.opennhi.sim.card.CardHarness.HEX;
import static org.opennhi.sim.card.CardHarness.sw;
import static org.opennhi.sim.card.CardHarness.tx;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The public HC commands, byte-exact like a real NHI card, and the checks before dispatch. */
public class HealthCardPublicTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Taipei"));

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private VirtualCard hc;

    @Before
    public void open() throws Exception {
        hc = SimulatedCards.open(tmp.getRoot().toPath(), CLOCK).card("900000000001");
    }

    /** The 57 bytes of fixture 900000000001, written out field by field. */
    static String expectedBasicProfile() {
        byte[] name = Arrays.copyOf("王大明".getBytes(Charset.forName("Big5")), 20);
        Arrays.fill(name, 6, 20, (byte) ' ');
        return HEX.formatHex("900000000001".getBytes()) // card number, 12 ASCII
                + HEX.formatHex(name) // name, 20 Big5, space padded
                + HEX.formatHex("A100000010".getBytes()) // id number, 10
                + HEX.formatHex("0690517".getBytes()) // birth 1980-05-17 as ROC YYYMMDD
                + HEX.formatHex("M".getBytes()) // sex
                + HEX.formatHex("1090302".getBytes()); // issue date 2020-03-02
    }

    @Test
    public void selectAndReadBasicProfile() {
        assertEquals("9000", tx(hc, "00A4040010D1580000010000000000000000001100"));
        assertEquals(expectedBasicProfile() + "9000", tx(hc, "00CA11000200 00"));
    }

    @Test
    public void readWithLeAndFifteenByteAid() {
        assertEquals("9000", tx(hc, "00A404000FD15800000100000000000000000011 00"));
        assertEquals(57 * 2 + 4, tx(hc, "00CA1100020000 00").length());
    }

    @Test
    public void otherAidIsNotFoundAndDeselects() {
        assertEquals("9000", tx(hc, CardHarness.SELECT_HC));
        assertEquals("6A82", tx(hc, "00A4040010D1580000010000000000000000002100"));
        assertEquals("6986", tx(hc, CardHarness.READ_BASIC));
    }

    @Test
    public void nothingBeforeSelect() {
        assertEquals("6986", tx(hc, CardHarness.READ_BASIC));
        assertEquals("6986", tx(hc, "0084000008"));
    }

    @Test
    public void everythingElseNeedsAuthentication() {
        tx(hc, CardHarness.SELECT_HC);
        for (int area = 1; area <= 0x11; area++) {
            assertEquals("area " + area, "6982", tx(hc, String.format("00CA110002%02X00", area)));
        }
        assertEquals("6982", tx(hc, "0020000104" + HEX.formatHex("1234".getBytes())));
        assertEquals("6982", tx(hc, "84DA11000B010031313131313131313131"));
    }

    @Test
    public void malformedAndUnknownCommands() {
        tx(hc, CardHarness.SELECT_HC);
        assertEquals("6700", tx(hc, "00CA"));
        assertEquals("6700", tx(hc, "00CA110005 0000"));
        assertEquals("6700", tx(hc, ""));
        assertEquals("6D00", tx(hc, "00B0000000"));
        assertEquals("6E00", tx(hc, "80CA11000200 00"));
        assertEquals("6A86", tx(hc, "00CA12000200 00"));
        assertEquals("6A86", tx(hc, "00A4000010" + CardHarness.HC_AID));
        assertEquals("6700", tx(hc, "00CA11000100"));
        assertEquals("6A88", tx(hc, "00CA1100027700"));
        assertEquals("6700", tx(hc, "0084000010"));
        assertEquals("6A86", tx(hc, "0084010008"));
    }

    @Test
    public void pinStatusIsPublic() {
        tx(hc, CardHarness.SELECT_HC);
        assertEquals("0003009000", tx(hc, "00CA110002FF00"));
    }

    @Test
    public void atrIsWellFormed() {
        byte[] atr = hc.atr();
        assertEquals(0x3B, atr[0]);
        byte x = 0;
        for (int i = 1; i < atr.length; i++) {
            x ^= atr[i];
        }
        assertEquals("TCK makes the XOR zero", 0, x);
        assertEquals(sw(tx(hc, CardHarness.SELECT_HC)), "9000");
    }
}
