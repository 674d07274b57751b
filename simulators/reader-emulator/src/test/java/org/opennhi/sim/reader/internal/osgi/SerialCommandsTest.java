// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.internal.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Clock;
import java.time.Duration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.reader.Keypad;
import org.opennhi.sim.reader.ReaderEmulator;
import org.opennhi.sim.reader.ScriptedKeypad;
import org.opennhi.sim.reader.protocol.Slot;

public class SerialCommandsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void insertRemoveKeypadStatus() throws Exception {
        ScriptedKeypad keypad = new ScriptedKeypad();
        try (PipedOutputStream feed = new PipedOutputStream();
                ReaderEmulator reader = new ReaderEmulator(new PipedInputStream(feed), new ByteArrayOutputStream(),
                        keypad, Clock.systemDefaultZone(), 500)) {
            SerialCommands c = new SerialCommands(SimulatedCards.open(tmp.getRoot().toPath()), reader, keypad);
            assertTrue(c.insert("HC", "900000000001").contains("HC slot"));
            assertEquals("900000000001", reader.card(Slot.HC).number());
            assertTrue(c.status().contains("HC  slot: HC 900000000001"));
            c.remove("hc");
            assertEquals(null, reader.card(Slot.HC));
            c.keypad("2468");
            assertEquals(Keypad.Outcome.ENTERED, keypad.read(Duration.ofMillis(10)).outcome());
            c.keypad("cancel");
            assertEquals(Keypad.Outcome.CANCELLED, keypad.read(Duration.ofMillis(10)).outcome());
            assertThrows(() -> c.keypad("12a"));
            assertThrows(() -> c.insert("tray", "900000000001"));
        }
    }

    private static void assertThrows(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("expected IllegalArgumentException");
    }
}
