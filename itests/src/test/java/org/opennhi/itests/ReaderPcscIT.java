// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.ReaderMapping;
import org.opennhi.contracts.reader.Availability;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.reader.pcsc.ChipReaders;
import org.opennhi.sim.card.CardInfo;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.sim.vpcd.VpcdBridge;
import org.opennhi.sim.vpcd.pcscd.PrivatePcscd;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The PC/SC reader plugin behind the reader service, against a real pcscd with vsmartcard's vpcd driver and
 * the simulated cards: mapping and rescan, events, exclusive sessions under load, and recovery when the
 * virtual reader or pcscd itself goes away and comes back — all without restarting the platform.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReaderPcscIT {
    private static final String READER_0 = "Virtual PCD 00 00";
    private static final String READER_1 = "Virtual PCD 00 01";
    private static final byte[] SELECT_HC = HexFormat.of().parseHex("00A4040010D1580000010000000000000000001100");
    private static final byte[] GET_BASIC = HexFormat.of().parseHex("00CA11000200" + "00");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static PrivatePcscd pcscd;
    private static VpcdBridge bridge;
    private static SimulatedCards world;

    @Inject
    private BundleContext context;
    @Inject
    private ReaderService readers;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private NhiHome home;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        return ChipReaderDesk.options("opennhi.itest.sim.card", "opennhi.itest.sim.vpcd");
    }

    @Before
    public void world() throws IOException, InterruptedException {
        if (pcscd == null) {
            pcscd = PrivatePcscd.start(Path.of(System.getProperty("opennhi.itest.pcscd")));
            world = SimulatedCards.open(Files.createTempDirectory("cards-"));
            bridge = new VpcdBridge("localhost", pcscd.port(0), 2);
            // Pax Exam runs every test method as a request of its own, so @AfterClass would run after each
            Runtime.getRuntime().addShutdownHook(new Thread(ReaderPcscIT::stop, "stop-private-pcscd"));
        }
        bridge.slot(0).remove();
        bridge.slot(1).remove();
        // as at a real desk: a card is out before the next goes in
        Await.until("no card left from the last test", () -> readers.slots().values().stream()
                .noneMatch(s -> s.cardPresent()));
    }

    @org.junit.Rule
    public org.junit.rules.TestWatcher pcscdLog = new org.junit.rules.TestWatcher() {
        @Override
        protected void failed(Throwable e, org.junit.runner.Description d) {
            System.err.println("pcscd output at the failure of " + d.getMethodName() + ":\n"
                    + (pcscd == null ? "(not started)" : pcscd.log()));
        }
    };

    private static void stop() {
        if (bridge != null) {
            bridge.close();
        }
        if (pcscd != null) {
            pcscd.close();
        }
    }

    @Test
    public void rescanMapsTheCardsWhereverTheyAreAndSavesTheMapping() throws Exception {
        configAdmin.getConfiguration(ReaderMapping.PID, "?").delete();
        bridge.slot(0).insert(world.card(card(CardKind.HC)));
        bridge.slot(1).insert(world.card(card(CardKind.HPC)));
        Await.until("HC found in reader 0", () -> READER_0.equals(readers.slot(Slot.HC).readerName())
                && readers.slot(Slot.HC).cardPresent());
        Await.until("HPC found in reader 1", () -> READER_1.equals(readers.slot(Slot.HPC).readerName()));
        Await.until("mapping saved", () -> READER_0.equals(mapping().get("hcReaderName"))
                && READER_1.equals(mapping().get("hpcReaderName")));
        Path readerCfg = home.iniFolder().resolve("ReaderCFG0.ini");
        Await.until("ReaderCFG0.ini written", () -> read(readerCfg).contains("HC_ReaderName=" + READER_0)
                && read(readerCfg).contains("HPC_ReaderName=" + READER_1));

        // the cards change places: rescan follows them
        bridge.slot(0).remove();
        bridge.slot(1).remove();
        Await.until("both cards out", () -> !readers.slot(Slot.HC).cardPresent() && !readers.slot(Slot.HPC)
                .cardPresent());
        bridge.slot(1).insert(world.card(card(CardKind.HC)));
        bridge.slot(0).insert(world.card(card(CardKind.HPC)));
        Await.until("both cards seen again", () -> readers.slot(Slot.HC).cardPresent()
                && readers.slot(Slot.HPC).cardPresent());
        String answer = rescan();
        assertTrue(answer, answer.contains(READER_1));
        Await.until("HC now in reader 1", () -> READER_1.equals(readers.slot(Slot.HC).readerName()));
        assertEquals(READER_0, readers.slot(Slot.HPC).readerName());
        Await.until("ReaderCFG0.ini follows", () -> read(readerCfg).contains("HC_ReaderName=" + READER_1));
        try (CardSession hc = readers.openSession(Slot.HC, WAIT)) {
            assertEquals(0x9000, hc.transmit(SELECT_HC).sw());
        }
    }

    @Test
    public void cardInsertAndRemoveEventsArrive() throws Exception {
        mapReaders();
        BlockingQueue<ReaderEvent> heard = new LinkedBlockingQueue<>();
        ServiceRegistration<ReaderEventListener> reg = context.registerService(ReaderEventListener.class,
                heard::add, null);
        try {
            bridge.slot(0).insert(world.card(card(CardKind.HC)));
            ReaderEvent in = next(heard, ReaderEvent.Type.CARD_INSERTED);
            assertEquals(Slot.HC, in.slot());
            assertEquals(READER_0, in.readerName());
            assertArrayEquals(world.card(card(CardKind.HC)).atr(), readers.slot(Slot.HC).atr());
            bridge.slot(0).remove();
            ReaderEvent out = next(heard, ReaderEvent.Type.CARD_REMOVED);
            assertEquals(Slot.HC, out.slot());
            Await.until("HC slot empty", () -> !readers.slot(Slot.HC).cardPresent());
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void thirtyTwoCallersGetIntactSequencesAndNoneStarves() throws Exception {
        mapReaders();
        RecordingCard hc = new RecordingCard(world.card(card(CardKind.HC)));
        bridge.slot(0).insert(hc);
        Await.until("HC present", () -> readers.slot(Slot.HC).cardPresent());
        hc.log.clear();
        int callers = 32;
        int rounds = 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int id = c;
            done.add(pool.submit(() -> {
                for (int r = 0; r < rounds; r++) {
                    try (CardSession s = readers.openSession(Slot.HC, WAIT)) {
                        s.transmit(new byte[] {(byte) 0x80, (byte) 0xF0, (byte) id, 0});
                        assertEquals(0x9000, s.transmit(SELECT_HC).sw());
                        ResponseApdu basic = s.transmit(GET_BASIC);
                        assertEquals(0x9000, basic.sw());
                        assertEquals(57, basic.data().length);
                        s.transmit(new byte[] {(byte) 0x80, (byte) 0xF1, (byte) id, 0});
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        // the card's own log: every sequence is start marker, SELECT, GET DATA, end marker of one caller
        assertEquals(callers * rounds * 4, hc.log.size());
        int[] served = new int[callers];
        for (int i = 0; i < hc.log.size(); i += 4) {
            byte[] start = hc.log.get(i);
            byte[] end = hc.log.get(i + 3);
            assertEquals("sequence at " + i + " starts with a marker", (byte) 0xF0, start[1]);
            assertArrayEquals(SELECT_HC, hc.log.get(i + 1));
            assertArrayEquals(GET_BASIC, hc.log.get(i + 2));
            assertEquals((byte) 0xF1, end[1]);
            assertEquals("sequence at " + i + " ends with its own caller's marker", start[2], end[2]);
            served[start[2]]++;
        }
        for (int c = 0; c < callers; c++) {
            assertEquals("caller " + c + " was served every round", rounds, served[c]);
        }
    }

    @Test
    public void recoversWhenTheVirtualReaderGoesAwayAndComesBack() throws Exception {
        mapReaders();
        bridge.slot(0).insert(world.card(card(CardKind.HC)));
        Await.until("HC present", () -> readers.slot(Slot.HC).cardPresent());
        bridge.slot(0).remove();
        Await.until("HC gone", () -> !readers.slot(Slot.HC).cardPresent());
        bridge.slot(0).insert(world.card(card(CardKind.HC)));
        Await.until("HC back", () -> readers.slot(Slot.HC).cardPresent());
        try (CardSession s = readers.openSession(Slot.HC, WAIT)) {
            assertEquals(0x9000, s.transmit(SELECT_HC).sw());
        }
    }

    @Test
    public void recoversFromARestartOfPcscd() throws Exception {
        mapReaders();
        bridge.slot(0).insert(world.card(card(CardKind.HC)));
        Await.until("HC present", () -> readers.slot(Slot.HC).cardPresent());
        bridge.close();
        pcscd.close();
        Await.until("readers reported offline", () -> readers.status().availability() == Availability.OFFLINE);
        assertFalse(readers.slot(Slot.HC).cardPresent());
        pcscd = PrivatePcscd.start(Path.of(System.getProperty("opennhi.itest.pcscd")), pcscd.port(0));
        bridge = new VpcdBridge("localhost", pcscd.port(0), 2);
        bridge.slot(0).insert(world.card(card(CardKind.HC)));
        Await.until("readers back online with the card", () -> readers.status().availability() == Availability.ONLINE
                && readers.slot(Slot.HC).cardPresent());
        try (CardSession s = readers.openSession(Slot.HC, WAIT)) {
            assertEquals(0x9000, s.transmit(SELECT_HC).sw());
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private void mapReaders() throws Exception {
        Configuration c = configAdmin.getConfiguration(ReaderMapping.PID, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("hcReaderName", READER_0);
        props.put("hpcReaderName", READER_1);
        c.updateIfDifferent(props);
        Await.until("mapping applied", () -> READER_0.equals(readers.slot(Slot.HC).readerName())
                && READER_1.equals(readers.slot(Slot.HPC).readerName()));
    }

    private Dictionary<String, Object> mapping() {
        try {
            Dictionary<String, Object> p = configAdmin.getConfiguration(ReaderMapping.PID, "?").getProperties();
            return p == null ? new Hashtable<>() : p;
        } catch (IOException e) {
            return new Hashtable<>();
        }
    }

    /** Calls the plugin's rescan as the console does: through its ChipReaders service. */
    private String rescan() {
        ServiceReference<ChipReaders> ref = context.getServiceReference(ChipReaders.class);
        ChipReaders chips = context.getService(ref);
        try {
            return chips.rescan();
        } finally {
            context.ungetService(ref);
        }
    }

    private static String card(CardKind kind) {
        for (CardInfo info : world.list()) {
            if (info.kind() == kind && info.number().startsWith("9")) {
                return info.number();
            }
        }
        throw new AssertionError("no test " + kind + " among the fixtures");
    }

    private static ReaderEvent next(BlockingQueue<ReaderEvent> events, ReaderEvent.Type type)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + Await.DEFAULT_MS;
        while (System.currentTimeMillis() < deadline) {
            ReaderEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.type() == type) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " event");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
