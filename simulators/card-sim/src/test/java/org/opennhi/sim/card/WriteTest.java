// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import static org.junit.Assert.assertEquals;
import static org.opennhi.sim.card.CardHarness.HEX;
import static org.opennhi.sim.card.CardHarness.authenticate;
import static org.opennhi.sim.card.CardHarness.data;
import static org.opennhi.sim.card.CardHarness.padded;
import static org.opennhi.sim.card.CardHarness.protect;
import static org.opennhi.sim.card.CardHarness.select;
import static org.opennhi.sim.card.CardHarness.sw;
import static org.opennhi.sim.card.CardHarness.tx;

import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** MACed writes: PUT DATA and APPEND RECORD, their status words, and persistence across restarts. */
public class WriteTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private Path dir;
    private VirtualCard hc;
    private VirtualCard sam;

    @Before
    public void open() {
        dir = tmp.getRoot().toPath();
        SimulatedCards world = SimulatedCards.open(dir, HealthCardPublicTest.CLOCK);
        hc = world.card("900000000001");
        sam = world.card(AuthenticationTest.TEST_SAM);
        select(hc);
        select(sam);
        assertEquals("9000", authenticate(hc, sam, 0));
    }

    private static String put(int area, int record, String valueHex) {
        return String.format("80DA1100%02X%02X%02X", valueHex.length() / 2 + 2, area, record) + valueHex;
    }

    private static String append(int area, String valueHex) {
        return String.format("80E21100%02X%02X", valueHex.length() / 2 + 1, area) + valueHex;
    }

    @Test
    public void writtenPhoneSurvivesARestart() {
        String phone = padded("0912345678", 14);
        assertEquals("9000", tx(hc, protect(sam, 0, put(0x03, 0, phone))));
        assertEquals(phone + "9000", tx(hc, "00CA1100020300"));

        SimulatedCards restarted = SimulatedCards.open(dir, HealthCardPublicTest.CLOCK);
        VirtualCard again = restarted.card("900000000001");
        VirtualCard sam2 = restarted.card(AuthenticationTest.TEST_SAM);
        select(again);
        select(sam2);
        assertEquals("9000", authenticate(again, sam2, 0));
        assertEquals(phone + "9000", tx(again, "00CA1100020300"));
        restarted.reset();
        select(again);
        select(sam2);
        assertEquals("9000", authenticate(again, sam2, 0));
        assertEquals(padded("0223456789", 14) + "9000", tx(again, "00CA1100020300"));
    }

    @Test
    public void appendPutsNewestFirstAndDropsTheOldest() {
        String first = padded("A", 69);
        String second = padded("B", 69);
        assertEquals("9000", tx(hc, protect(sam, 0, append(0x07, first))));
        assertEquals("9000", tx(hc, protect(sam, 0, append(0x07, second))));
        assertEquals(second + "9000", tx(hc, "00CA110003070101"));
        String r = tx(hc, "00CA110003070201");
        assertEquals(first + "9000", r);
        for (int i = 0; i < 6; i++) {
            assertEquals("9000", tx(hc, protect(sam, 0, append(0x07, padded("C" + i, 69)))));
        }
        assertEquals(padded("C0", 69) + "9000", tx(hc, "00CA11000307060100".substring(0, 16)));
        assertEquals("6A83", tx(hc, "00CA1100020707"));
        assertEquals("6A83", tx(hc, "00CA110003070602"));
    }

    @Test
    public void recordWriteReplacesOneRecord() {
        String allergy = padded("PENICILLIN", 40);
        assertEquals("9000", tx(hc, protect(sam, 0, put(0x11, 2, allergy))));
        assertEquals(allergy + "9000", tx(hc, "00CA1100021102"));
        assertEquals(padded("", 40) + "9000", tx(hc, "00CA1100021101"));
    }

    @Test
    public void writeStatusWords() {
        assertEquals("no SM bit", "6982", tx(hc, "80DA110018" + "0300" + padded("1", 14) + "00".repeat(8)));
        assertEquals("no SM bit", "6982", tx(hc, put(0x03, 0, padded("1", 14))));
        assertEquals("6A88", tx(hc, protect(sam, 0, put(0x55, 0, "31"))));
        assertEquals("6986", tx(hc, protect(sam, 0, put(0x00, 0, padded("1", 57)))));
        assertEquals("6A83", tx(hc, protect(sam, 0, put(0x11, 4, padded("1", 40)))));
        assertEquals("6700", tx(hc, protect(sam, 0, put(0x03, 0, padded("1", 13)))));
        assertEquals("6986", tx(hc, protect(sam, 0, append(0x11, padded("1", 40)))));
        assertEquals("6700", tx(hc, protect(sam, 0, append(0x07, padded("1", 68)))));
        assertEquals("6A86", tx(hc, protect(sam, 0, "80DA120003030031")));
    }

    @Test
    public void wrongMacEndsTheSession() {
        String wrapped = protect(sam, 0, put(0x03, 0, padded("1", 14)));
        String tampered = wrapped.substring(0, wrapped.length() - 2) + "00";
        if (tampered.equals(wrapped)) {
            tampered = wrapped.substring(0, wrapped.length() - 2) + "01";
        }
        assertEquals("6988", tx(hc, tampered));
        assertEquals("6982", tx(hc, "00CA1100020300"));
    }

    @Test
    public void replayedWriteIsRefused() {
        String wrapped = protect(sam, 0, put(0x03, 0, padded("1", 14)));
        assertEquals("9000", tx(hc, wrapped));
        assertEquals("6988", tx(hc, wrapped));
    }

    @Test
    public void longAreasNeedRecordsOrExtendedLength() {
        assertEquals("6700", tx(hc, "00CA1100020E00"));
        String r = tx(hc, "00CA110000000 20E00 0000".replace(" ", ""));
        assertEquals("9000", sw(r));
        assertEquals(3660, HEX.parseHex(data(r)).length);
        assertEquals(4 * 61 * 2 + 4, tx(hc, "00CA1100030E0104 00").replace(" ", "").length());
    }

    @Test
    public void longTermPrescriptionIsCopiedByTheCard() {
        String rx = HEX.formatHex(("1151120093000" + "2" + "A012345678AB" + "      " + "BID" + " ".repeat(15) + "28"
                + "0056.00" + "01").getBytes());
        assertEquals(61 * 2, rx.length());
        assertEquals("9000", tx(hc, protect(sam, 0, append(0x0E, rx))));
        String copied = new String(HEX.parseHex(data(tx(hc, "00CA1100020F01"))));
        assertEquals("1151120" + "A012345678" + "BID" + " ".repeat(15) + "28" + "0056.00", copied);
        String plain = HEX.formatHex(("1151120093000" + "1" + " ".repeat(47)).getBytes());
        assertEquals("9000", tx(hc, protect(sam, 0, append(0x0E, plain))));
        assertEquals("class 1 is not copied", copied,
                new String(HEX.parseHex(data(tx(hc, "00CA1100020F01")))));
    }
}
