// SPDX-License-Identifier: Apache-2.0
package com.example.netterm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.testkit.reader.ReaderHarness;
import org.opennhi.testkit.reader.ReaderPluginConformance;

import com.example.netterm.internal.NetTermTestAccess;

/** The platform's reader conformance kit against the NetTerm plugin and the terminal's emulator. */
public class NetTermConformanceTest extends ReaderPluginConformance {

    @Override
    protected ReaderHarness createHarness() throws Exception {
        Path dir = Files.createTempDirectory("netterm-cards");
        SimulatedCards cards = SimulatedCards.open(dir);
        NetTermEmulator terminal = new NetTermEmulator();
        ReaderPlugin plugin = NetTermTestAccess.start("127.0.0.1", terminal.port());
        return new ReaderHarness() {
            @Override
            public ReaderPlugin plugin() {
                return plugin;
            }

            @Override
            public Set<Slot> slots() {
                return EnumSet.of(Slot.SAM, Slot.HC, Slot.HPC);
            }

            @Override
            public void insertHealthCard(Slot slot) {
                terminal.insert(slotNumber(slot), cards.card("900000000001"));
            }

            @Override
            public void removeCard(Slot slot) {
                terminal.remove(slotNumber(slot));
            }

            @Override
            public void unplug() throws Exception {
                terminal.unplug();
            }

            @Override
            public void replug() throws Exception {
                terminal.replug();
            }

            @Override
            public void muteCard(Slot slot) {
                terminal.mute(slotNumber(slot));
            }

            @Override
            public void garbleNextAnswer(Slot slot) {
                terminal.garbleNext(slotNumber(slot));
            }

            @Override
            public Duration noticeWithin() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration muteCardTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public void close() throws Exception {
                NetTermTestAccess.stop(plugin);
                terminal.close();
            }
        };
    }

    private static int slotNumber(Slot s) {
        return switch (s) {
            case SAM -> 0;
            case HC -> 1;
            case HPC -> 2;
        };
    }
}
