// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.opennhi.reader.nhicom.internal.DedicatedReaderTest.await;
import static org.opennhi.reader.nhicom.internal.DedicatedReaderTest.expect;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.opennhi.contracts.reader.Availability;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.card.crypto.CardKind;

/** A port that is missing, not configured, or held by another program: offline with the reason, then back. */
public class PortStateTest {
    private static final byte[] SELECT_HC = java.util.HexFormat.of().parseHex("00A4040010D1580000010000000000000000001100");

    @Test
    public void noPortConfiguredIsOfflineWithTheReason() throws Exception {
        NhiComReaderPlugin plugin = new NhiComReaderPlugin(EmulatedReader.config("", 300));
        try {
            await(() -> plugin.status().availability() == Availability.OFFLINE);
            assertTrue(plugin.status().reason(), plugin.status().reason().contains("no serial port is configured"));
            expect(ResultCode.NO_READER_OR_PCSC_ERROR, () -> plugin.openSession(Slot.HC, Duration.ofSeconds(1)));
            expect(ResultCode.NO_READER_OR_PCSC_ERROR, plugin::clock);
            assertEquals(Availability.OFFLINE, plugin.slot(Slot.SAM).status().availability());
        } finally {
            plugin.deactivate();
        }
    }

    @Test
    public void csOpenComOpensComNPlusOneAndGives9205WhenNoReaderIsThere() throws Exception {
        EmulatedReader reader = new EmulatedReader();
        NhiComReaderPlugin plugin = new NhiComReaderPlugin(EmulatedReader.config(reader.hostEnd().toString(), 300));
        try {
            await(() -> plugin.status().availability() == Availability.ONLINE);
            expect(ResultCode.BAD_PARAMETER, () -> plugin.openCom(-1, Duration.ofSeconds(1)));
            // COM201 is /dev/ttyS200 here: no such port
            expect(ResultCode.READER_PORT_OPEN_FAILED, () -> plugin.openCom(200, Duration.ofSeconds(1)));
            assertTrue(plugin.status().reason(), plugin.status().reason().contains("/dev/ttyS200 does not exist"));
        } finally {
            plugin.deactivate();
            reader.close();
        }
    }

    @Test
    public void aMissingPortIsOfflineUntilTheReaderAppearsOnIt() throws Exception {
        EmulatedReader reader = new EmulatedReader();
        reader.unplug();
        NhiComReaderPlugin plugin = new NhiComReaderPlugin(EmulatedReader.config(reader.hostEnd().toString(), 300));
        try {
            await(() -> plugin.status().availability() == Availability.OFFLINE);
            assertTrue(plugin.status().reason(), plugin.status().reason().contains("does not exist"));
            expect(ResultCode.NO_READER_OR_PCSC_ERROR, () -> plugin.openSession(Slot.HC, Duration.ofSeconds(1)));
            reader.replug();
            reader.insert(Slot.HC, reader.cards(CardKind.HC).get(0));
            await(() -> plugin.slot(Slot.HC).cardPresent());
        } finally {
            plugin.deactivate();
            reader.close();
        }
    }

    @Test
    public void aPortHeldByAnotherProgramGives9205AndIsRetriedUntilFreed() throws Exception {
        EmulatedReader reader = new EmulatedReader();
        // another program holds the port the usual way, with an exclusive lock on it
        Process holder = new ProcessBuilder("flock", "-n", reader.hostEnd().toString(), "sleep", "60").start();
        NhiComReaderPlugin plugin = null;
        try {
            // wait until the other program really holds the lock (flock may still be starting)
            await(() -> holder.isAlive() && reader.hostEnd().toFile().exists() && lockedByAnother(reader.hostEnd()));
            plugin = new NhiComReaderPlugin(EmulatedReader.config(reader.hostEnd().toString(), 300));
            NhiComReaderPlugin p = plugin;
            await(() -> p.status().availability() == Availability.OFFLINE
                    && p.status().reason().contains("9205"));
            assertTrue(p.status().reason(), p.status().reason().contains("cannot be opened"));
            expect(ResultCode.READER_PORT_OPEN_FAILED, () -> p.openSession(Slot.HC, Duration.ofSeconds(1)));
            expect(ResultCode.READER_PORT_OPEN_FAILED, p::clock);
            stop(holder);
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            reader.insert(Slot.HC, reader.cards(CardKind.HC).get(0));
            await(() -> p.status().availability() == Availability.ONLINE && p.slot(Slot.HC).cardPresent());
            try (CardSession session = p.openSession(Slot.HC, Duration.ofSeconds(5))) {
                assertTrue(session.transmit(SELECT_HC)
                        .isOk());
            }
        } finally {
            stop(holder);
            if (plugin != null) {
                plugin.deactivate();
            }
            reader.close();
        }
    }

    /** flock runs its command as a child that inherits the lock: end both. */
    private static void stop(Process holder) {
        holder.descendants().forEach(ProcessHandle::destroyForcibly);
        holder.destroyForcibly();
    }

    /** @return true when {@code flock -n} cannot take the port's lock, i.e. another process holds it */
    private static boolean lockedByAnother(java.nio.file.Path port) {
        try {
            Process probe = new ProcessBuilder("flock", "-n", port.toString(), "true").start();
            return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() != 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
