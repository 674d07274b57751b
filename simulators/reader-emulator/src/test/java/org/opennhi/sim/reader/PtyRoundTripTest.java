// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.reader.protocol.Command;
import org.opennhi.sim.reader.protocol.Frame;
import org.opennhi.sim.reader.protocol.Slot;
import org.opennhi.sim.reader.protocol.Status;

/** Every command of the serial protocol, over a real socat pty pair. */
public class PtyRoundTripTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte SAM = 0;
    private static final byte HC = 1;
    private static final byte HPC = 2;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private SerialLine line;

    @Before
    public void open() throws Exception {
        line = new SerialLine(tmp.getRoot().toPath(), ReaderEmulator.FRAME_TIMEOUT_MILLIS);
        line.emulator.insert(Slot.SAM, line.world.card("900077777777"));
        line.emulator.insert(Slot.HC, line.world.card("900000000001"));
    }

    @After
    public void close() throws Exception {
        line.close();
    }

    static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    private Frame call(int cmd, int... payload) throws Exception {
        return call(cmd, b(payload));
    }

    private Frame ok(int cmd, int... payload) throws Exception {
        return ok(cmd, b(payload));
    }

    private Frame call(int cmd, byte[] payload) throws Exception {
        Frame f = line.client.call(cmd, payload);
        assertEquals(cmd | Command.RESPONSE_BIT, f.cmd());
        return f;
    }

    private Frame ok(int cmd, byte[] payload) throws Exception {
        Frame f = call(cmd, payload);
        assertEquals("status of " + Integer.toHexString(cmd), Status.OK, f.status());
        return f;
    }

    private String apdu(byte slot, String hex) throws Exception {
        byte[] a = HEX.parseHex(hex);
        byte[] p = new byte[a.length + 1];
        p[0] = slot;
        System.arraycopy(a, 0, p, 1, a.length);
        return HEX.formatHex(ok(Command.TRANSMIT, p).data());
    }

    @Test
    public void commandsBeforeOpenAreRefused() throws Exception {
        assertEquals(Status.NOT_OPEN, call(Command.SLOT_STATUS).status());
        Frame open = ok(Command.OPEN);
        assertEquals(1, open.data()[0]);
        assertEquals("OPENNHI-EMU 1.0", new String(open.data(), 1, 16, StandardCharsets.US_ASCII).trim());
        ok(Command.CLOSE);
        assertEquals(Status.NOT_OPEN, call(Command.TRANSMIT, HC, 0, 0, 0, 0).status());
    }

    @Test
    public void slotStatusPowerAndRemoval() throws Exception {
        ok(Command.OPEN);
        assertArrayEquals(new byte[] {0, 1, 1, 1, 2, 0}, ok(Command.SLOT_STATUS).data());
        byte[] atr = ok(Command.POWER_ON, HC).data();
        assertArrayEquals(line.world.card("900000000001").atr(), atr);
        assertArrayEquals(new byte[] {1, 2}, ok(Command.SLOT_STATUS, HC).data());
        assertEquals(Status.NO_CARD, call(Command.POWER_ON, HPC).status());
        assertEquals(Status.BAD_SLOT, call(Command.POWER_ON, (byte) 7).status());
        assertEquals(Status.BAD_SLOT, call(Command.SLOT_STATUS, (byte) 3).status());
        assertEquals(Status.NOT_POWERED, call(Command.TRANSMIT, SAM, 0, (byte) 0xA4, 4, 0).status());
        ok(Command.POWER_OFF, HC);
        assertArrayEquals(new byte[] {1, 1}, ok(Command.SLOT_STATUS, HC).data());
        line.emulator.remove(Slot.HC);
        assertArrayEquals(new byte[] {1, 0}, ok(Command.SLOT_STATUS, HC).data());
        assertEquals(Status.NO_CARD, call(Command.TRANSMIT, HC, 0, (byte) 0xA4, 4, 0).status());
        assertEquals(Status.BAD_PARAMETER, call(Command.TRANSMIT, HC, 0).status());
    }

    @Test
    public void healthCardThroughTheReaderWithItsSam() throws Exception {
        ok(Command.OPEN);
        ok(Command.POWER_ON, HC);
        ok(Command.POWER_ON, SAM);
        assertEquals("9000", apdu(HC, "00A4040010D1580000010000000000000000001100"));
        String basic = apdu(HC, "00CA1100020000");
        assertEquals(57 * 2 + 4, basic.length());
        assertTrue(basic.startsWith(HEX.formatHex("900000000001".getBytes())));
        // the SAM in the reader authenticates the HC, as the 3.5.x engine does
        assertEquals("9000", apdu(SAM, "00A4040010D1580000010000000000000000002100"));
        String rndC = apdu(HC, "0084000008");
        String begin = apdu(SAM, "808A00001502" + HEX.formatHex("900000000001".getBytes()) + rndC.substring(0, 16) + "18");
        String answer = apdu(HC, "8082000018" + begin.substring(0, 48) + "10");
        assertTrue(answer, answer.endsWith("9000"));
        assertEquals("9000", apdu(SAM, "808C000010" + answer.substring(0, 32)));
        assertTrue(apdu(HC, "00CA1100020100").endsWith("9000"));
    }

    @Test
    public void keypadPinEntryNeverSendsThePinToTheHost() throws Exception {
        VirtualCard hpc = line.world.card("900000001001");
        line.emulator.insert(Slot.HPC, hpc);
        ok(Command.OPEN);
        assertEquals(Status.NOT_POWERED, call(Command.PIN_ENTRY, HPC, 5, 4, 6).status());
        ok(Command.POWER_ON, HPC);
        assertEquals("9000", apdu(HPC, "00A4040010D1580000010000000000000000003100"));
        line.keypad.type("4321");
        assertEquals("63C2", HEX.formatHex(ok(Command.PIN_ENTRY, HPC, 5, 4, 6).data()));
        line.keypad.type("1234");
        Frame good = ok(Command.PIN_ENTRY, HPC, 5, 4, 6);
        assertEquals("only the card's SW comes back", "9000", HEX.formatHex(good.data()));
        line.keypad.cancel();
        assertEquals(Status.PIN_CANCELLED, call(Command.PIN_ENTRY, HPC, 5, 4, 6).status());
        assertEquals(Status.PIN_TIMEOUT, call(Command.PIN_ENTRY, HPC, 1, 4, 6).status());
        assertEquals(Status.BAD_PARAMETER, call(Command.PIN_ENTRY, HPC, 0, 4, 6).status());
        assertEquals(Status.BAD_PARAMETER, call(Command.PIN_ENTRY, HPC, 5).status());
        line.keypad.type("12");
        assertEquals("too short for min 4", Status.BAD_PARAMETER, call(Command.PIN_ENTRY, HPC, 5, 4, 6).status());
    }

    @Test
    public void clockAndLeds() throws Exception {
        ok(Command.OPEN);
        ok(Command.CLOCK_SET, "20260102030405".getBytes(StandardCharsets.US_ASCII));
        String now = new String(ok(Command.CLOCK_GET).data(), StandardCharsets.US_ASCII);
        assertTrue(now, now.compareTo("20260102030405") >= 0 && now.compareTo("20260102030505") < 0);
        assertEquals(Status.CLOCK_INVALID, call(Command.CLOCK_SET, "20261302030405".getBytes()).status());
        assertEquals(Status.CLOCK_INVALID, call(Command.CLOCK_SET, "2026".getBytes()).status());
        ok(Command.LED, (byte) 2, (byte) 2);
        assertArrayEquals(new int[] {0, 0, 2, 0}, line.emulator.leds());
        assertEquals(Status.BAD_PARAMETER, call(Command.LED, (byte) 4, (byte) 1).status());
        assertEquals(Status.BAD_PARAMETER, call(Command.LED, (byte) 1, (byte) 3).status());
    }

    @Test
    public void repeatedFrameIsAnsweredFromTheCache() throws Exception {
        ok(Command.OPEN);
        long before = line.emulator.handled();
        Frame request = new Frame(0x42, Command.SLOT_STATUS, new byte[0]);
        line.client.sendRaw(request.encode());
        line.client.sendRaw(request.encode());
        Frame first = line.client.reader().next(2000).frame();
        Frame second = line.client.reader().next(2000).frame();
        assertEquals(first, second);
        assertEquals(0x42, second.seq());
        assertEquals("ran once", before + 1, line.emulator.handled());
    }

    @Test
    public void openIsNeverAnsweredFromTheCache() throws Exception {
        Frame open = new Frame(0x10, Command.OPEN, new byte[0]);
        line.client.sendRaw(open.encode());
        line.client.reader().next(2000);
        long before = line.emulator.handled();
        line.client.sendRaw(open.encode());
        assertEquals(Status.OK, line.client.reader().next(2000).frame().status());
        assertEquals("executed again", before + 1, line.emulator.handled());
    }

    @Test
    public void unknownCommandGetsAnErrorFrame() throws Exception {
        Frame f = line.client.call(0x55);
        assertEquals(Command.ERROR, f.cmd());
        assertArrayEquals(new byte[] {5}, f.payload());
        assertTrue(Arrays.equals(new byte[] {5}, line.client.call(0x91).payload()));
    }
}
