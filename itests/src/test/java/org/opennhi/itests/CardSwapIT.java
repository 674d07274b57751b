// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.ReaderMapping;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.engine.CardEngine;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.reader.ReaderEmulator;
import org.opennhi.sim.reader.ScriptedKeypad;
import org.opennhi.sim.reader.pty.PtyPair;
import org.opennhi.sim.readersim.SimReader;
import org.opennhi.sim.vpcd.VpcdBridge;
import org.opennhi.sim.vpcd.pcscd.PrivatePcscd;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Issue 17: the wrong patient. Two fixture HCs are swapped back to back and the basic data is read right after
 * each swap, through the real card engine and the real reader plugins: the in-JVM reader, the dedicated reader
 * (its emulator on a socat pty) and pcscd + vpcd with swaps faster than pcscd polls. Not one answer may carry
 * the other card's data; a chip reader may answer "no card" (4013) while it catches up, and must always end up
 * showing the card.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CardSwapIT {
    private static final String A = "900000000001";
    private static final String B = "900000000008";
    private static final int SWAPS = Integer.getInteger("opennhi.itest.swaps", 10_000);
    private static final long VPCD_SECONDS = 40;
    /**
     * vpcd accepts one connection per pcscd poll (~400 ms): swapping faster than that for long fills its listen
     * backlog with connections of cards already gone, and no card reaches pcscd at all. So swaps here come every
     * {@value #VPCD_SWAP_MILLIS} ms: faster than pcscd polls, as fast as vpcd can follow for minutes.
     */
    private static final long VPCD_SWAP_MILLIS = 300;
    private static final int VPCD_BURSTS = Integer.getInteger("opennhi.itest.vpcdBursts", 20);
    private static final int VPCD_BURST_SWAPS = Integer.getInteger("opennhi.itest.vpcdBurstSwaps", 50);
    /** Pause between two swaps of a burst, at least and up to (ms). */
    private static final int VPCD_GAP_MIN = Integer.getInteger("opennhi.itest.vpcdGapMin", 10);
    private static final int VPCD_GAP_MAX = Integer.getInteger("opennhi.itest.vpcdGapMax", 40);

    @Inject
    private BundleContext context;
    @Inject
    private ReaderService readers;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private CardEngine engine;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        List<Option> options = PlatformOptions.platform("opennhi.itest.sim.card", "opennhi.itest.sim.vpcd",
                "opennhi.itest.sim.reader", "opennhi.itest.sim.readersim");
        options.add(systemProperty("opennhi.itest.pcscd").value(System.getProperty("opennhi.itest.pcscd")));
        options.add(systemProperty("opennhi.itest.swaps").value(Integer.toString(SWAPS)));
        options.add(systemProperty("opennhi.itest.vpcdBursts").value(Integer.toString(VPCD_BURSTS)));
        options.add(systemProperty("opennhi.itest.vpcdBurstSwaps").value(Integer.toString(VPCD_BURST_SWAPS)));
        options.add(systemProperty("opennhi.itest.vpcdGapMin").value(Integer.toString(VPCD_GAP_MIN)));
        options.add(systemProperty("opennhi.itest.vpcdGapMax").value(Integer.toString(VPCD_GAP_MAX)));
        return options.toArray(new Option[0]);
    }

    /** Outcomes of reads right after swaps. */
    private static final class Tally {
        final Map<String, Integer> counts = new TreeMap<>();
        int wrong;

        void read(CardEngine engine, String expected, String other) {
            try {
                String number = engine.basicProfile().cardNumber();
                if (number.equals(expected)) {
                    counts.merge("the new card", 1, Integer::sum);
                } else {
                    wrong++;
                    counts.merge(number.equals(other) ? "THE OTHER CARD" : "an unknown card " + number, 1,
                            Integer::sum);
                }
            } catch (NhiException e) {
                counts.merge("code " + e.result().code(), 1, Integer::sum);
            }
        }
    }

    @Test
    public void inJvmReaderNeverAnswersTheOtherCard() throws Exception {
        Configs.update(configAdmin, "org.opennhi.sim.cards", "dir",
                Files.createTempDirectory("swap-sim-").resolve("cards").toString());
        Dictionary<String, Object> sim = new Hashtable<>();
        sim.put("hc", A);
        sim.put("hpc", "");
        configAdmin.getConfiguration("opennhi.reader.sim", "?").update(sim);
        Await.until("the in-JVM reader", () -> context.getServiceReference(SimReader.class) != null);
        SimReader hands = context.getService(context.getServiceReference(SimReader.class));
        SimulatedCards world = context.getService(context.getServiceReference(SimulatedCards.class));
        setType("sim");
        Await.until("the engine reads the in-JVM reader's card", () -> "sim".equals(readers.readerType())
                && readsOk());
        Tally t = swapAndRead("in-JVM reader", n -> hands.insert(Slot.HC, world.card(n)));
        assertEquals("answers with another card's data: " + t.counts, 0, t.wrong);
        assertEquals("every read answered the new card: " + t.counts, SWAPS, (int) t.counts.get("the new card"));
    }

    @Test
    public void dedicatedReaderNeverAnswersTheOtherCard() throws Exception {
        Path dir = Files.createTempDirectory("swap-emulator-");
        SimulatedCards world = SimulatedCards.open(dir.resolve("cards"));
        try (PtyPair pty = PtyPair.open(dir.resolve("pty"));
                ReaderEmulator emulator = ReaderEmulator.onDevice(pty.readerEnd(), new ScriptedKeypad(),
                        Clock.systemDefaultZone())) {
            emulator.start();
            org.opennhi.sim.reader.protocol.Slot hc = org.opennhi.sim.reader.protocol.Slot.HC;
            emulator.insert(hc, world.card(A));
            Configs.update(configAdmin, "opennhi.reader.nhicom", "port", pty.hostEnd().toString());
            setType(PlatformSettings.READER_TYPE_NHI_COM);
            Await.until("the engine reads the dedicated reader's card", () -> "nhi-com".equals(readers.readerType())
                    && readsOk());
            Tally t = swapAndRead("dedicated reader", n -> emulator.insert(hc, world.card(n)));
            assertEquals("answers with another card's data: " + t.counts, 0, t.wrong);
            assertEquals("every read answered the new card: " + t.counts, SWAPS, (int) t.counts.get("the new card"));
        } finally {
            setType(PlatformSettings.READER_TYPE_PCSC);
        }
    }

    @Test
    public void chipReaderSwapsFasterThanPcscdPollsNeverAnswerTheOtherCardAndTheCardIsAlwaysSeen() throws Exception {
        Path dir = Files.createTempDirectory("swap-vpcd-");
        SimulatedCards world = SimulatedCards.open(dir.resolve("cards"));
        try (PrivatePcscd pcscd = PrivatePcscd.start(Path.of(System.getProperty("opennhi.itest.pcscd")));
                VpcdBridge bridge = new VpcdBridge("localhost", pcscd.port(0), 1, 0)) {
            Configs.update(configAdmin, ReaderMapping.PID, "hcReaderName", "Virtual PCD 00 00");
            setType(PlatformSettings.READER_TYPE_PCSC);
            bridge.slot(0).insert(world.card(A));
            Await.until("the engine reads the chip reader's card", () -> "pcsc".equals(readers.readerType())
                    && readsOk());

            // (b) a read right after every swap, for a fixed time
            Tally t = new Tally();
            long end = System.nanoTime() + VPCD_SECONDS * 1_000_000_000L;
            int swaps = 0;
            long t0 = System.nanoTime();
            while (System.nanoTime() < end) {
                String in = swaps % 2 == 0 ? B : A;
                long next = System.nanoTime() + VPCD_SWAP_MILLIS * 1_000_000L;
                bridge.slot(0).insert(world.card(in));
                swaps++;
                t.read(engine, in, in.equals(A) ? B : A);
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000L));
            }
            System.out.printf("pcscd+vpcd: %d swaps with a read right after each in %.1f s: %s%n", swaps,
                    (System.nanoTime() - t0) / 1e9, t.counts);
            assertEquals("answers with another card's data: " + t.counts, 0, t.wrong);
            assertTrue("only the new card or 4013: " + t.counts, t.counts.keySet().stream()
                    .allMatch(k -> k.equals("the new card") || k.equals("code 4013")));

            // (c) quick swaps in bursts: after each burst the slot shows the card that went in last
            int bursts = VPCD_BURSTS;
            int seen = 0;
            long longest = 0;
            t0 = System.nanoTime();
            for (int b = 0; b < bursts; b++) {
                String last = null;
                for (int i = 0; i < VPCD_BURST_SWAPS; i++) {
                    last = (b * VPCD_BURST_SWAPS + i) % 2 == 0 ? B : A;
                    bridge.slot(0).insert(world.card(last));
                    Thread.sleep(ThreadLocalRandom.current().nextInt(VPCD_GAP_MIN, VPCD_GAP_MAX));
                }
                String expected = last;
                long settle = System.nanoTime();
                try {
                    Await.until("burst " + b + ": the slot shows " + expected, 15_000, () -> readers.slot(Slot.HC)
                            .cardPresent() && reads(expected));
                } catch (AssertionError e) {
                    Thread.getAllStackTraces().forEach((th, st) -> {
                        if (th.getName().startsWith("opennhi-pcsc") || th.getName().startsWith("vpcd")) {
                            System.out.println("THREAD " + th.getName() + " " + th.getState() + " "
                                    + java.util.Arrays.toString(st).replace(", ", "\n    "));
                        }
                    });
                    System.out.println("SLOT " + readers.slot(Slot.HC) + " bridge " + bridge.describe()
                            + "\nPCSCD " + pcscd.log());
                    throw e;
                }
                longest = Math.max(longest, System.nanoTime() - settle);
                seen++;
            }
            System.out.printf("pcscd+vpcd: %d quick swaps in %d bursts in %.1f s; the slot showed the last card after"
                    + " %d of %d bursts (longest wait %d ms)%n", bursts * VPCD_BURST_SWAPS, bursts, (System.nanoTime() - t0) / 1e9,
                    seen, bursts, longest / 1_000_000);
        } finally {
            Configs.update(configAdmin, ReaderMapping.PID, "hcReaderName", "");
        }
    }

    private Tally swapAndRead(String reader, Consumer<String> insert) {
        Tally t = new Tally();
        long t0 = System.nanoTime();
        for (int i = 0; i < SWAPS; i++) {
            String in = i % 2 == 0 ? B : A;
            insert.accept(in);
            t.read(engine, in, in.equals(A) ? B : A);
        }
        System.out.printf("%s: %d swaps with a read right after each in %.1f s: %s%n", reader, SWAPS,
                (System.nanoTime() - t0) / 1e9, t.counts);
        return t;
    }

    private boolean readsOk() {
        try {
            engine.basicProfile();
            return true;
        } catch (NhiException e) {
            return false;
        }
    }

    private boolean reads(String number) {
        try {
            return engine.basicProfile().cardNumber().equals(number);
        } catch (NhiException e) {
            return false;
        }
    }

    private void setType(String type) throws IOException {
        Configs.update(configAdmin, PlatformSettings.PID, "readerType", type);
    }
}
