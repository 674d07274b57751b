// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opennhi.contracts.platform.ReaderMapping;
import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.sim.card.CardInfo;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.sim.vpcd.VpcdBridge;
import org.opennhi.sim.vpcd.pcscd.PrivatePcscd;
import org.opennhi.testkit.reader.ReaderHarness;
import org.opennhi.testkit.reader.ReaderPluginConformance;

/**
 * The PC/SC plugin through the conformance kit: a private pcscd with vsmartcard's vpcd driver, two virtual
 * readers holding simulated health cards. Unplugging stops pcscd itself, the harshest way a chip reader can
 * vanish; replugging starts it again.
 */
public class PcscConformanceTest extends ReaderPluginConformance {
    private static final String[] READERS = {"Virtual PCD 00 00", "Virtual PCD 00 01"};

    @Override
    protected ReaderHarness createHarness() throws Exception {
        return new Harness();
    }

    private static final class Harness implements ReaderHarness {
        private final Path pcscdDir = Path.of(System.getProperty("private.pcscd.dir"));
        private final SimulatedCards world = SimulatedCards.open(Files.createTempDirectory("conformance-cards"));
        private final Map<Slot, ControllableCard> inserted = new EnumMap<>(Slot.class);
        private final List<String> healthCards;
        private final PcscReaderPlugin plugin;
        private PrivatePcscd pcscd;
        private VpcdBridge bridge;

        Harness() throws Exception {
            healthCards = world.list().stream().filter(c -> c.kind() == CardKind.HC).map(CardInfo::number).toList();
            pcscd = PrivatePcscd.start(pcscdDir);
            bridge = new VpcdBridge("localhost", pcscd.port(0), 2);
            plugin = new PcscReaderPlugin(config(), found -> { });
            plugin.bindMapping(new ReaderMapping() {
                @Override
                public String hcReaderName() {
                    return READERS[0];
                }

                @Override
                public String hpcReaderName() {
                    return READERS[1];
                }
            });
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
        public synchronized void insertHealthCard(Slot slot) {
            ControllableCard card = new ControllableCard(world.card(healthCards.get(index(slot))));
            inserted.put(slot, card);
            bridge.slot(index(slot)).insert(card);
        }

        @Override
        public synchronized void removeCard(Slot slot) {
            ControllableCard card = inserted.remove(slot);
            if (card != null) {
                card.release();
            }
            bridge.slot(index(slot)).remove();
        }

        @Override
        public synchronized void unplug() {
            bridge.close();
            pcscd.close();
        }

        @Override
        public synchronized void replug() throws Exception {
            pcscd = PrivatePcscd.start(pcscdDir, pcscd.port(0));
            bridge = new VpcdBridge("localhost", pcscd.port(0), 2);
            inserted.forEach((slot, card) -> bridge.slot(index(slot)).insert(card));
        }

        @Override
        public synchronized void muteCard(Slot slot) {
            inserted.get(slot).mute();
        }

        @Override
        public synchronized void garbleNextAnswer(Slot slot) {
            inserted.get(slot).garbleNext();
        }

        @Override
        public Duration noticeWithin() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Duration muteCardTimeout() {
            return Duration.ofMillis(config().answerTimeoutMillis());
        }

        @Override
        public synchronized void close() {
            plugin.deactivate();
            inserted.values().forEach(ControllableCard::release);
            bridge.close();
            pcscd.close();
        }

        private static int index(Slot slot) {
            return slot == Slot.HC ? 0 : 1;
        }
    }

    static PcscConfig config() {
        return new PcscConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PcscConfig.class;
            }

            @Override
            public long watchMillis() {
                return 100;
            }

            @Override
            public String protocol() {
                return "*";
            }

            @Override
            public long answerTimeoutMillis() {
                return 2000;
            }

            @Override
            public boolean autoRescan() {
                return false;
            }
        };
    }
}
