// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.testkit.reader.ReaderHarness;
import org.opennhi.testkit.reader.ReaderPluginConformance;

/**
 * The dedicated-reader plugin through the conformance kit: the real emulator on a real socat pty pair, a
 * health card in any of its three slots. Unplugging stops the emulator and socat, so the port's path vanishes;
 * a mute card holds the emulator as a real reader waiting for a card would; garbage is a malformed answer
 * from the reader (half a status word), which no retry can mend.
 */
public class NhiComConformanceTest extends ReaderPluginConformance {
    static final long RESPONSE_TIMEOUT_MILLIS = 300;

    @Override
    protected ReaderHarness createHarness() throws Exception {
        return new Harness();
    }

    private static final class Harness implements ReaderHarness {
        private final EmulatedReader reader = new EmulatedReader();
        private final List<String> healthCards = reader.cards(CardKind.HC);
        private final NhiComReaderPlugin plugin = new NhiComReaderPlugin(
                EmulatedReader.config(reader.hostEnd().toString(), RESPONSE_TIMEOUT_MILLIS));

        Harness() throws Exception {
        }

        @Override
        public ReaderPlugin plugin() {
            return plugin;
        }

        @Override
        public Set<Slot> slots() {
            return Set.of(Slot.SAM, Slot.HC, Slot.HPC);
        }

        @Override
        public void insertHealthCard(Slot slot) {
            reader.insert(slot, healthCards.get(slot.ordinal()));
        }

        @Override
        public void removeCard(Slot slot) {
            reader.remove(slot);
        }

        @Override
        public void unplug() {
            reader.unplug();
        }

        @Override
        public void replug() throws Exception {
            reader.replug();
        }

        @Override
        public void muteCard(Slot slot) {
            reader.card(slot).silence();
        }

        @Override
        public void garbleNextAnswer(Slot slot) {
            reader.card(slot).malformNextAnswer();
        }

        @Override
        public Duration noticeWithin() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Duration muteCardTimeout() {
            // every attempt waits its response timeout; the line may first finish one poll the same way
            return Duration.ofMillis(RESPONSE_TIMEOUT_MILLIS * 4 * 2 + 500);
        }

        @Override
        public void close() {
            plugin.deactivate();
            reader.close();
        }
    }
}
