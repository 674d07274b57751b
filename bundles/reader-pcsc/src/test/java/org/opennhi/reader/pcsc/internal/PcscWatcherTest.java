// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.reader.Availability;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.sim.card.CardInfo;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.sim.vpcd.VpcdBridge;
import org.opennhi.sim.vpcd.pcscd.PrivatePcscd;

/** The watcher against a real private pcscd with vpcd and simulated cards. */
public class PcscWatcherTest {
    private static final String READER_0 = "Virtual PCD 00 00";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private PrivatePcscd pcscd;
    private VpcdBridge bridge;
    private SimulatedCards world;
    private PcscWatcher watcher;
    private final BlockingQueue<ReaderEvent> events = new LinkedBlockingQueue<>();

    @Before
    public void start() throws Exception {
        pcscd = PrivatePcscd.start(Path.of(System.getProperty("private.pcscd.dir")));
        world = SimulatedCards.open(tmp.newFolder("cards").toPath());
        bridge = new VpcdBridge("localhost", pcscd.port(0), 2);
        watcher = new PcscWatcher(100, "*", events::add, () -> { });
        watcher.start();
    }

    @After
    public void stop() {
        watcher.close();
        bridge.close();
        pcscd.close();
    }

    @Test
    public void seesReadersCardsTheirAtrAndKind() throws Exception {
        await("both readers", () -> watcher.readers().size() == 2);
        assertEquals(Availability.ONLINE, watcher.status().availability());
        VirtualCard hc = world.card(number(CardKind.HC));
        bridge.slot(0).insert(hc);
        await("HC seen", () -> watcher.readers().get(READER_0).cardPresent());
        assertArrayEquals(hc.atr(), watcher.readers().get(READER_0).atr());
        assertEquals(org.opennhi.reader.pcsc.internal.CardKind.HC, watcher.readers().get(READER_0).kind());
        bridge.slot(1).insert(world.card(number(CardKind.HPC)));
        await("HPC seen", () -> watcher.readers().get("Virtual PCD 00 01").kind()
                == org.opennhi.reader.pcsc.internal.CardKind.HPC);
    }

    @Test
    public void reportsRemovalAndReinsertion() throws Exception {
        bridge.slot(0).insert(world.card(number(CardKind.HC)));
        awaitEvent(ReaderEvent.Type.CARD_INSERTED);
        bridge.slot(0).remove();
        awaitEvent(ReaderEvent.Type.CARD_REMOVED);
        bridge.slot(0).insert(world.card(number(CardKind.HC)));
        awaitEvent(ReaderEvent.Type.CARD_INSERTED);
        assertTrue(watcher.readers().get(READER_0).cardPresent());
    }

    @Test
    public void recoversFromAPcscdRestart() throws Exception {
        bridge.slot(0).insert(world.card(number(CardKind.HC)));
        await("HC seen", () -> watcher.readers().containsKey(READER_0) && watcher.readers().get(READER_0).cardPresent());
        bridge.close();
        pcscd.close();
        await("offline", () -> watcher.status().availability() == Availability.OFFLINE);
        pcscd = PrivatePcscd.start(Path.of(System.getProperty("private.pcscd.dir")));
        bridge = new VpcdBridge("localhost", pcscd.port(0), 2);
        bridge.slot(0).insert(world.card(number(CardKind.HC)));
        await("HC seen after the restart", () -> watcher.readers().containsKey(READER_0)
                && watcher.readers().get(READER_0).cardPresent());
        assertEquals(Availability.ONLINE, watcher.status().availability());
    }

    private void awaitEvent(ReaderEvent.Type type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            ReaderEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.type() == type) {
                return;
            }
        }
        throw new AssertionError("no " + type + "; pcscd said:\n" + pcscd.log());
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not reached: " + what + "; status " + watcher.status() + "; readers "
                        + watcher.readers().keySet() + "; pcscd said:\n" + pcscd.log());
            }
            Thread.sleep(20);
        }
    }

    private String number(CardKind kind) {
        List<CardInfo> all = world.list();
        return all.stream().filter(c -> c.kind() == kind && c.number().startsWith("9")).findFirst().orElseThrow()
                .number();
    }
}
