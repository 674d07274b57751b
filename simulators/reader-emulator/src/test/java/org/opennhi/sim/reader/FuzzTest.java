// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.sim.reader.protocol.Command;
import org.opennhi.sim.reader.protocol.Frame;
import org.opennhi.sim.reader.protocol.FrameError;
import org.opennhi.sim.reader.protocol.FrameReader;
import org.opennhi.sim.reader.protocol.Slot;
import org.opennhi.sim.reader.protocol.Status;

/**
 * Garbage on the line, over a real socat pty: each kind of broken frame gets its error frame, and after all of
 * it the emulator still answers. Seeded, so a failure can be replayed.
 */
public class FuzzTest {
    private static final long FRAME_TIMEOUT = 150;
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private SerialLine line;
    private final Random random = new Random(20261122L);

    @Before
    public void open() throws Exception {
        line = new SerialLine(tmp.getRoot().toPath(), FRAME_TIMEOUT);
        line.emulator.insert(Slot.HC, line.world.card("900000000001"));
    }

    @After
    public void close() throws Exception {
        line.close();
    }

    /** The emulator is alive and answers a valid request. */
    private void stillAnswers() throws Exception {
        line.drain(FRAME_TIMEOUT * 3);
        Frame f = line.client.call(Command.OPEN);
        assertEquals(Command.OPEN | Command.RESPONSE_BIT, f.cmd());
        assertEquals(Status.OK, f.status());
        assertTrue(line.emulator.alive());
    }

    private FrameReader.Result nextError() throws Exception {
        FrameReader.Result r = line.client.reader().next(FRAME_TIMEOUT * 10);
        assertTrue("an answer came", r != null && r.frame() != null);
        assertEquals(Command.ERROR, r.frame().cmd());
        return r;
    }

    @Test
    public void wrongChecksumsGetBadCrc() throws Exception {
        for (int i = 0; i < 20; i++) {
            byte[] f = new Frame(i, Command.SLOT_STATUS, new byte[] {(byte) i}).encode();
            f[f.length - 2] ^= (byte) (1 + random.nextInt(255));
            line.client.sendRaw(f);
            FrameReader.Result r = nextError();
            assertEquals(i, r.frame().seq());
            assertEquals(FrameError.BAD_CRC, r.frame().payload()[0]);
        }
        stillAnswers();
    }

    @Test
    public void oversizeLengthsGetBadLength() throws Exception {
        for (int len : new int[] {Frame.MAX_PAYLOAD + 1, 0x7FFF, 0xFFFF}) {
            line.client.sendRaw(new byte[] {Frame.STX, 9, Command.TRANSMIT, (byte) (len >>> 8), (byte) len});
            assertEquals(FrameError.BAD_LENGTH, nextError().frame().payload()[0]);
        }
        stillAnswers();
    }

    @Test
    public void truncatedFramesTimeOut() throws Exception {
        byte[] whole = new Frame(7, Command.TRANSMIT, new byte[] {1, 0, (byte) 0xCA, 0x11, 0}).encode();
        for (int cut = 1; cut < whole.length; cut += 3) {
            line.client.sendRaw(Arrays.copyOf(whole, cut));
            assertEquals("cut at " + cut, FrameError.TIMEOUT, nextError().frame().payload()[0]);
        }
        stillAnswers();
    }

    @Test
    public void missingEtxGetsBadEnd() throws Exception {
        byte[] f = new Frame(3, Command.OPEN, new byte[0]).encode();
        f[f.length - 1] = 0x55;
        line.client.sendRaw(f);
        assertEquals(FrameError.BAD_END, nextError().frame().payload()[0]);
        stillAnswers();
    }

    @Test
    public void randomBytesNeverKillTheEmulator() throws Exception {
        int errors = 0;
        for (int round = 0; round < 40; round++) {
            byte[] junk = new byte[1 + random.nextInt(300)];
            random.nextBytes(junk);
            if (round % 4 == 0) {
                junk[0] = Frame.STX;
            }
            line.client.sendRaw(junk);
        }
        errors += line.drain(FRAME_TIMEOUT * 4);
        assertTrue("random frames got error frames", errors > 0 || line.emulator.errors() > 0);
        stillAnswers();
        // a valid exchange still works end to end
        line.client.call(Command.POWER_ON, (byte) 1);
        Frame r = line.client.call(Command.TRANSMIT, PtyRoundTripTest.b(1, 0, 0xA4, 4, 0, 16, 0xD1, 0x58, 0, 0,
                1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x11, 0));
        assertArrayEquals(new byte[] {(byte) 0x90, 0}, r.data());
    }

    private static void assertArrayEquals(byte[] a, byte[] b) {
        org.junit.Assert.assertArrayEquals(a, b);
    }
}
