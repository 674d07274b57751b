// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.vpcd;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.vpcd.internal.QuickAck;
import org.opennhi.sim.vpcd.pcscd.PrivatePcscd;

/**
 * The bridge under a real pcscd with the real vpcd driver, seen by tools nobody here wrote (pcsc_scan,
 * opensc-tool) and by javax.smartcardio. Needs the packages pcscd, vsmartcard-vpcd, opensc, pcsc-tools.
 */
public class VpcdBridgeTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** SELECT of the NHI HC applet exactly as the published readers send it. */
    static final String SELECT = "00A4040010D1580000010000000000000000001100";
    static final String READ_BASIC = "00CA11000200 00";
    static final Duration TOOL = Duration.ofSeconds(20);
    /** Generous bounds for events on a loaded CI machine; the happy path takes well under a second. */
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Taipei"));

    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();
    private static PrivatePcscd pcscd;
    private static SimulatedCards world;
    private static VpcdBridge bridge;

    @BeforeClass
    public static void start() throws Exception {
        pcscd = PcscdFixture.start();
        world = SimulatedCards.open(tmp.getRoot().toPath(), CLOCK);
        bridge = new VpcdBridge("127.0.0.1", pcscd.port(0), 2);
    }

    @AfterClass
    public static void stop() {
        if (bridge != null) {
            bridge.close();
        }
        if (pcscd != null) {
            pcscd.close();
        }
    }

    /** The 57 bytes of fixture 900000000001, written out field by field. */
    static String expectedBasicProfile() {
        byte[] name = Arrays.copyOf("王大明".getBytes(Charset.forName("Big5")), 20);
        Arrays.fill(name, 6, 20, (byte) ' ');
        return HEX.formatHex("900000000001".getBytes()) + HEX.formatHex(name)
                + HEX.formatHex("A100000010".getBytes()) + HEX.formatHex("0690517".getBytes())
                + HEX.formatHex("M".getBytes()) + HEX.formatHex("1090302".getBytes());
    }

    private static CardTerminal terminal(int i) throws Exception {
        return TerminalFactory.getInstance("PC/SC", null).terminals().getTerminal("Virtual PCD 00 0" + i);
    }

    private static void insert(int slot, String number) throws Exception {
        VirtualCard card = world.card(number);
        bridge.slot(slot).insert(card);
        assertTrue("vpcd accepted the card" + diagnostics(), bridge.slot(slot).awaitConnected(WAIT));
        assertTrue("pcscd saw the card" + diagnostics(), terminal(slot).waitForCardPresent(WAIT.toMillis()));
    }

    /** What pcscd and the sockets looked like, for a failure message. */
    static String diagnostics() {
        try {
            String log = pcscd.log();
            PrivatePcscd.ToolResult ss = pcscd.run(TOOL, "ss", "-tanp");
            return "\n--- pcscd log (tail):\n" + log.substring(Math.max(0, log.length() - 3000))
                    + "\n--- sockets:\n" + ss.output();
        } catch (Exception e) {
            return " (no diagnostics: " + e + ")";
        }
    }

    /** @return the response bytes opensc-tool printed after each "Received" line, as hex with the SW */
    static List<String> received(String output) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("Received \\(SW1=0x(..), SW2=0x(..)\\):?\\n?((?:[0-9A-F]{2} .*\\n?)*)")
                .matcher(output);
        while (m.find()) {
            StringBuilder data = new StringBuilder();
            for (String line : m.group(3).split("\n")) {
                Matcher hex = Pattern.compile("^((?:[0-9A-F]{2} )+)").matcher(line);
                if (hex.find()) {
                    data.append(hex.group(1).replace(" ", ""));
                }
            }
            out.add(data + m.group(1).toUpperCase() + m.group(2).toUpperCase());
        }
        return out;
    }

    @Test
    public void openscToolReadsTheBasicProfile() throws Exception {
        insert(0, "900000000001");
        PrivatePcscd.ToolResult r = pcscd.run(TOOL, "opensc-tool", "-r", "0", "-s", SELECT, "-s", READ_BASIC);
        assertEquals(r.output(), 0, r.exitCode());
        List<String> answers = received(r.output());
        assertEquals(r.output(), List.of("9000", expectedBasicProfile() + "9000"), answers);
    }

    @Test
    public void pcscScanShowsTheAtrInVirtualPcd0000() throws Exception {
        insert(0, "900000000001");
        PrivatePcscd.ToolResult r = pcscd.run(TOOL, "pcsc_scan", "-c", "-n");
        String atr = HEX.withDelimiter(" ").formatHex(world.card("900000000001").atr());
        assertTrue(r.output(), r.output().contains("Virtual PCD 00 00"));
        assertTrue(r.output(), r.output().contains(atr));
    }

    @Test
    public void removeAndSwapAreSeenByPcscd() throws Exception {
        insert(1, "900000001001");
        assertArrayEquals(world.card("900000001001").atr(), terminal(1).connect("*").getATR().getBytes());
        bridge.slot(1).remove();
        assertTrue(terminal(1).waitForCardAbsent(WAIT.toMillis()));
        assertFalse(bridge.slot(1).connected());
        insert(1, "900000000002");
        bridge.slot(1).insert(world.card("900077777777"));
        assertTrue("vpcd accepted the swapped card" + diagnostics(), bridge.slot(1).awaitConnected(WAIT));
        assertTrue(terminal(1).waitForCardPresent(WAIT.toMillis()));
        Card c = connectWhenReady(terminal(1));
        assertArrayEquals("the SAM's ATR after the swap", world.card("900077777777").atr(), c.getATR().getBytes());
        c.disconnect(true);
        bridge.slot(1).remove();
    }

    /** pcscd may still be powering up the swapped card when the first connect arrives. */
    private static Card connectWhenReady(CardTerminal t) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Card c;
            try {
                c = t.connect("*");
            } catch (javax.smartcardio.CardNotPresentException between) {
                t.waitForCardPresent(200);
                continue;
            }
            if (Arrays.equals(c.getATR().getBytes(), world.card("900077777777").atr()) || System.nanoTime() > end) {
                return c;
            }
            c.disconnect(false);
            t.waitForCardPresent(200);
        }
    }

    @Test
    public void smartcardioTransmitsAndResetsPowerCycleTheSession() throws Exception {
        insert(0, "900000000002");
        Card card = terminal(0).connect("*");
        CardChannel ch = card.getBasicChannel();
        assertEquals(0x9000, ch.transmit(new CommandAPDU(HEX.parseHex(SELECT))).getSW());
        ResponseAPDU basic = ch.transmit(new CommandAPDU(HEX.parseHex("00CA1100020000")));
        assertEquals(0x9000, basic.getSW());
        assertEquals(57, basic.getData().length);
        card.disconnect(true);
        card = terminal(0).connect("*");
        assertEquals("reset forgot the selection", 0x6986,
                card.getBasicChannel().transmit(new CommandAPDU(HEX.parseHex("00CA1100020000"))).getSW());
        card.disconnect(false);
    }

    /** The bridge acknowledges each APDU at once (TCP_QUICKACK); bench/reader-apdu measures what that buys. */
    @Test
    public void quickAckIsAvailable() {
        assertTrue("TCP_QUICKACK is available on this JDK",
                QuickAck.available() || Boolean.getBoolean(QuickAck.DISABLE_PROPERTY));
    }
}
