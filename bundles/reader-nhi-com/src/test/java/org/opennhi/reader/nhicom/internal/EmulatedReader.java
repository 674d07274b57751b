// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.opennhi.contracts.reader.Slot;
import org.opennhi.sim.card.CardInfo;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.sim.reader.ReaderEmulator;
import org.opennhi.sim.reader.ScriptedKeypad;
import org.opennhi.sim.reader.pty.PtyPair;

/**
 * The real emulator on one end of a real socat pty pair; the plugin opens the other end by its path. Unplug
 * stops the emulator and socat (the path vanishes); replug starts both again on the same path with the same
 * cards.
 */
final class EmulatedReader implements AutoCloseable {
    final Path dir;
    final SimulatedCards world;
    final ScriptedKeypad keypad = new ScriptedKeypad();
    private final Map<Slot, FaultyCard> inserted = new EnumMap<>(Slot.class);
    private PtyPair pty;
    private ReaderEmulator emulator;

    EmulatedReader() throws IOException {
        dir = Files.createTempDirectory("nhicom-test");
        world = SimulatedCards.open(dir.resolve("cards"));
        plug();
    }

    /** @return the path the plugin opens */
    Path hostEnd() {
        return dir.resolve("pty").resolve("host");
    }

    synchronized ReaderEmulator emulator() {
        return emulator;
    }

    /** @return the numbers of the fixture cards of a kind */
    List<String> cards(CardKind kind) {
        return world.list().stream().filter(c -> c.kind() == kind).map(CardInfo::number).toList();
    }

    synchronized FaultyCard insert(Slot slot, String number) {
        remove(slot);
        FaultyCard card = new FaultyCard(world.card(number));
        inserted.put(slot, card);
        emulator.insert(wire(slot), card);
        return card;
    }

    synchronized void remove(Slot slot) {
        FaultyCard card = inserted.remove(slot);
        if (card != null) {
            card.pull();
        }
        emulator.remove(wire(slot));
    }

    synchronized FaultyCard card(Slot slot) {
        return inserted.get(slot);
    }

    synchronized void unplug() {
        emulator.close();
        pty.close();
    }

    synchronized void replug() throws IOException {
        plug();
        inserted.forEach((slot, card) -> emulator.insert(wire(slot), card));
    }

    private void plug() throws IOException {
        pty = PtyPair.open(dir.resolve("pty"));
        emulator = ReaderEmulator.onDevice(pty.readerEnd(), keypad, Clock.systemDefaultZone());
        emulator.start();
    }

    @Override
    public synchronized void close() {
        inserted.values().forEach(FaultyCard::pull);
        emulator.close();
        pty.close();
    }

    static org.opennhi.sim.reader.protocol.Slot wire(Slot slot) {
        return org.opennhi.sim.reader.protocol.Slot.valueOf(slot.name());
    }

    /** Plugin settings for tests: short timeouts so faults show quickly. */
    static NhiComConfig config(String port, long responseTimeoutMillis) {
        return new NhiComConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return NhiComConfig.class;
            }

            @Override
            public String port() {
                return port;
            }

            @Override
            public int baudRate() {
                return 115_200;
            }

            @Override
            public long responseTimeoutMillis() {
                return responseTimeoutMillis;
            }

            @Override
            public int retries() {
                return 3;
            }

            @Override
            public long pollMillis() {
                return 50;
            }

            @Override
            public long reconnectMillis() {
                return 200;
            }
        };
    }
}
