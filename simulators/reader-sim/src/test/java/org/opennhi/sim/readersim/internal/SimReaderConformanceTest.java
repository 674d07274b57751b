// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.readersim.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.testkit.reader.ReaderHarness;
import org.opennhi.testkit.reader.ReaderPluginConformance;

/** The simulated reader plugin through the reader conformance kit, with real virtual fixture cards. */
public class SimReaderConformanceTest extends ReaderPluginConformance {
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(300);

    @Override
    protected ReaderHarness createHarness() throws Exception {
        return new Harness();
    }

    private static final class Harness implements ReaderHarness {
        private final Path dir = Files.createTempDirectory("sim-reader-cards");
        private final SimulatedCards world = SimulatedCards.open(dir);
        private final SimReaderPlugin plugin = new SimReaderPlugin(COMMAND_TIMEOUT);

        Harness() throws Exception {
        }

        @Override
        public ReaderPlugin plugin() {
            return plugin;
        }

        @Override
        public Set<Slot> slots() {
            return Set.of(Slot.HC, Slot.HPC);
        }

        @Override
        public void insertHealthCard(Slot slot) {
            // a different fixture HC in each slot, so a mixed-up session would read the wrong card
            plugin.insert(slot, world.card(slot == Slot.HC ? "900000000001" : "900000000002"));
        }

        @Override
        public void removeCard(Slot slot) {
            plugin.remove(slot);
        }

        @Override
        public void unplug() {
            plugin.unplug();
        }

        @Override
        public void replug() {
            plugin.replug();
        }

        @Override
        public void muteCard(Slot slot) {
            plugin.mute(slot);
        }

        @Override
        public void garbleNextAnswer(Slot slot) {
            plugin.garbleNextAnswer(slot);
        }

        @Override
        public Duration noticeWithin() {
            return Duration.ofMillis(200);
        }

        @Override
        public Duration muteCardTimeout() {
            return COMMAND_TIMEOUT;
        }

        @Override
        public void close() throws Exception {
            plugin.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
