// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.sim.reader.protocol.Command;
import org.opennhi.sim.reader.protocol.Slot;

/** The garble hook: one answer broken on the wire, the retry answered from the cache, the command run once. */
public class GarbleTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private SerialLine line;

    @Before
    public void open() throws Exception {
        line = new SerialLine(tmp.getRoot().toPath(), ReaderEmulator.FRAME_TIMEOUT_MILLIS);
        line.emulator.insert(Slot.HC, line.world.card("900000000001"));
        line.client.call(Command.OPEN);
    }

    @After
    public void close() throws Exception {
        line.close();
    }

    @Test
    public void aGarbledAnswerIsRecoveredByTheRetryWithoutRunningTwice() throws Exception {
        long before = line.emulator.handled();
        line.emulator.garbleNextAnswer();
        // the client drops the broken frame, times out and sends the same frame again
        assertArrayEquals(new byte[] {0, 1, 1}, line.client.call(Command.SLOT_STATUS, (byte) 1).payload());
        assertEquals("ran once", before + 1, line.emulator.handled());
    }
}
