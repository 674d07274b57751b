// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.reader.protocol.FrameReader;
import org.opennhi.sim.reader.protocol.ReaderClient;
import org.opennhi.sim.reader.protocol.TimedInput;
import org.opennhi.sim.reader.pty.PtyPair;

/** A socat pty pair with the emulator on one end and a protocol client on the other. */
final class SerialLine implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Taipei"));
    final PtyPair pty;
    final ReaderEmulator emulator;
    final ScriptedKeypad keypad = new ScriptedKeypad();
    final ReaderClient client;
    final TimedInput hostIn;
    final FileOutputStream hostOut;
    final SimulatedCards world;

    SerialLine(Path dir, long frameTimeoutMillis) throws IOException {
        pty = PtyPair.open(dir.resolve("pty"));
        world = SimulatedCards.open(dir.resolve("cards"), CLOCK);
        emulator = new ReaderEmulator(new FileInputStream(pty.readerEnd().toFile()),
                new FileOutputStream(pty.readerEnd().toFile()), keypad, Clock.systemDefaultZone(), frameTimeoutMillis);
        emulator.start();
        hostIn = new TimedInput(new FileInputStream(pty.hostEnd().toFile()), "host-input");
        hostOut = new FileOutputStream(pty.hostEnd().toFile());
        client = new ReaderClient(hostIn, hostOut, 2000, 3);
    }

    /** Reads frames until the line has been quiet for quietMillis; returns how many error frames came. */
    int drain(long quietMillis) throws IOException {
        int n = 0;
        FrameReader r = client.reader();
        FrameReader.Result x;
        while ((x = r.next(quietMillis)) != null) {
            if (x.frame() != null && x.frame().cmd() == 0x7F) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        emulator.close();
        hostIn.close();
        hostOut.close();
        pty.close();
    }
}
