// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.ReaderMapping;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
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
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The official csUpRDType, live: a chip reader (pcscd + vpcd) and a dedicated reader (the serial emulator on
 * a socat pty) both hold a health card, eight callers loop over card sessions, and the reader type is switched
 * back and forth under them. Not one call may fail, and both readers must have served calls.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReaderSwitchIT {
    private static final byte[] SELECT_HC = HexFormat.of().parseHex("00A4040010D1580000010000000000000000001100");
    private static final byte[] GET_BASIC = HexFormat.of().parseHex("00CA1100020000");

    @Inject
    private BundleContext context;
    @Inject
    private ReaderService readers;
    @Inject
    private ConfigurationAdmin configAdmin;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        return ChipReaderDesk.options("opennhi.itest.sim.card", "opennhi.itest.sim.vpcd",
                "opennhi.itest.sim.reader");
    }

    @Test
    public void eightCallersLoopWhileTheReaderTypeSwitchesAndNoCallFails() throws Exception {
        Path work = Files.createTempDirectory("switch-");
        try (PrivatePcscd pcscd = PrivatePcscd.start(Path.of(System.getProperty("opennhi.itest.pcscd")));
                VpcdBridge bridge = new VpcdBridge("localhost", pcscd.port(0), 2)) {
            // the chip reader's card
            SimulatedCards world = SimulatedCards.open(work.resolve("chip-cards"));
            String hc = world.list().stream().filter(c -> c.kind() == CardKind.HC && c.number().startsWith("9"))
                    .map(CardInfo::number).findFirst().orElseThrow();
            Configs.update(configAdmin, ReaderMapping.PID, "hcReaderName", "Virtual PCD 00 00");
            bridge.slot(0).insert(world.card(hc));
            Await.until("the chip reader's card", () -> readers.slot(Slot.HC).cardPresent());

            // the dedicated reader: the emulator on a pty, the plugin on the other end
            DedicatedReaderDesk.plugEmulator(context, configAdmin, work, null, hc);
            setType(PlatformSettings.READER_TYPE_NHI_COM);
            Await.until("the dedicated reader's card", () -> "nhi-com".equals(readers.readerType())
                    && readers.slot(Slot.HC).cardPresent() && readers.slot(Slot.HC).readerName().contains("NHI reader"));
            setType(PlatformSettings.READER_TYPE_PCSC);
            Await.until("back on the chip reader", () -> "pcsc".equals(readers.readerType())
                    && readers.slot(Slot.HC).cardPresent());

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong calls = new AtomicLong();
            java.util.concurrent.atomic.AtomicInteger switchesDone = new java.util.concurrent.atomic.AtomicInteger();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            ExecutorService callers = Executors.newFixedThreadPool(8);
            List<Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                loops.add(callers.submit(() -> {
                    while (running.get()) {
                        try (CardSession s = readers.openSession(Slot.HC, Duration.ofSeconds(30))) {
                            ResponseApdu select = s.transmit(SELECT_HC);
                            ResponseApdu basic = s.transmit(GET_BASIC);
                            if (!select.isOk() || !basic.isOk() || basic.data().length != 57) {
                                failures.add("bad answer " + select + " / " + basic);
                            }
                            calls.incrementAndGet();
                        } catch (Exception e) {
                            failures.add("after switch " + switchesDone.get() + " to " + readers.readerType() + ": "
                                    + e.getMessage());
                        }
                    }
                    return null;
                }));
            }
            int switches = 10;
            long[] servedBetween = new long[switches];
            for (int i = 0; i < switches; i++) {
                long before = calls.get();
                setType(i % 2 == 0 ? PlatformSettings.READER_TYPE_NHI_COM : PlatformSettings.READER_TYPE_PCSC);
                switchesDone.incrementAndGet();
                String type = i % 2 == 0 ? "nhi-com" : "pcsc";
                Await.until("the service serves " + type, () -> type.equals(readers.readerType()));
                long target = before + 20;
                Await.until("calls go on after switch " + (i + 1), () -> calls.get() >= target);
                servedBetween[i] = calls.get() - before;
            }
            running.set(false);
            for (Future<?> f : loops) {
                f.get(2, TimeUnit.MINUTES);
            }
            callers.shutdown();
            java.util.Map<String, Long> distinct = new java.util.TreeMap<>();
            synchronized (failures) {
                failures.forEach(f -> distinct.merge(f, 1L, Long::sum));
            }
            assertEquals(failures.size() + " failed calls of " + calls.get() + ": " + distinct, 0, failures.size());
            assertTrue("calls were made after every switch: " + Arrays.toString(servedBetween),
                    Arrays.stream(servedBetween).allMatch(n -> n >= 20));
        } finally {
            setType(PlatformSettings.READER_TYPE_PCSC);
        }
    }

    private void setType(String type) throws IOException {
        Configs.update(configAdmin, PlatformSettings.PID, "readerType", type);
    }
}
