// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.sam.SamPlugin;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SecureChannel;
import org.opennhi.contracts.sam.SignatureType;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The SAM mode switched live under load: the dedicated reader (serial emulator on a socat pty) holds a physical
 * test SAM card and a test HC, the home holds a cloud SAM file of the same institution from the IDC simulator
 * running in the platform, four callers loop over signatures and HC authentications with protected writes,
 * and the mode goes cloud ↔ physical ten times. Not one call may fail, and both SAMs must have served.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SamSwitchIT {
    private static final String HOSPITAL = "9999999999";
    private static final String PHYSICAL_SAM = "900099999999";
    private static final String HC = "900000000001";
    private static final byte[] PUT_PHONE = HexFormat.of().parseHex("80DA11001003003032323730363538363620202020");

    @Inject
    private BundleContext context;
    @Inject
    private SamService sam;
    @Inject
    private ReaderService readers;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private NhiHome home;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        return PlatformOptions.platform("opennhi.itest.sim.card", "opennhi.itest.sim.reader", "opennhi.itest.sim.idc")
                .toArray(new Option[0]);
    }

    @Test
    public void fourCallersLoopWhileTheSamModeSwitchesAndNoCallFails() throws Exception {
        Path work = Files.createTempDirectory("sam-switch-");
        try {
            new SimulatedIdc(context, configAdmin, work.resolve("idc")).installCloudSam(home, HOSPITAL);
            startDedicatedReader(work);

            setMode(PlatformSettings.SAM_MODE_PHYSICAL);
            Await.until("the physical SAM authenticated", () -> plugin("physical").status() == SamStatus.AUTHENTICATED);
            assertEquals(PHYSICAL_SAM, sam.identity().orElseThrow().samId());
            setMode(PlatformSettings.SAM_MODE_CLOUD);
            Await.until("the cloud SAM authenticated", () -> plugin("cloud").status() == SamStatus.AUTHENTICATED);
            assertEquals(HOSPITAL, sam.identity().orElseThrow().hospitalId());

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong calls = new AtomicLong();
            AtomicInteger switchesDone = new AtomicInteger();
            Map<String, AtomicLong> byMode = new ConcurrentHashMap<>();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            ExecutorService callers = Executors.newFixedThreadPool(4);
            List<Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                boolean withCard = c == 0; // one caller authenticates the HC and writes; the others sign
                loops.add(callers.submit(() -> {
                    byte[] visit = "1151122103000 0001 9999999999 900000000001".getBytes(StandardCharsets.US_ASCII);
                    while (running.get()) {
                        String mode = sam.mode();
                        try {
                            if (withCard) {
                                try (CardSession hc = readers.openSession(Slot.HC, Duration.ofSeconds(30))) {
                                    SecureChannel channel = sam.authenticateCard(hc);
                                    ResponseApdu written = hc.transmit(channel.protect(PUT_PHONE));
                                    if (!written.isOk()) {
                                        failures.add(mode + ": protected write answered " + written);
                                    }
                                }
                            } else if (sam.sign(SignatureType.VISIT_RAW, visit).length != 128) {
                                failures.add(mode + ": a signature of the wrong length");
                            }
                            calls.incrementAndGet();
                            byMode.computeIfAbsent(mode, m -> new AtomicLong()).incrementAndGet();
                        } catch (Exception e) {
                            failures.add("after switch " + switchesDone.get() + " (" + mode + "): " + e.getMessage());
                        }
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 10; i++) {
                long before = calls.get();
                setMode(i % 2 == 0 ? PlatformSettings.SAM_MODE_PHYSICAL : PlatformSettings.SAM_MODE_CLOUD);
                switchesDone.incrementAndGet();
                String mode = i % 2 == 0 ? "physical" : "cloud";
                Await.until("the SAM service uses " + mode, () -> mode.equals(sam.mode()));
                long target = before + 20;
                Await.until("calls go on after switch " + (i + 1), () -> calls.get() >= target);
            }
            running.set(false);
            for (Future<?> f : loops) {
                f.get(2, TimeUnit.MINUTES);
            }
            callers.shutdown();
            Map<String, Long> distinct = new TreeMap<>();
            synchronized (failures) {
                failures.forEach(f -> distinct.merge(f, 1L, Long::sum));
            }
            assertEquals(failures.size() + " failed calls of " + calls.get() + ": " + distinct, 0, failures.size());
            assertTrue("both SAMs served: " + byMode, byMode.containsKey("cloud") && byMode.containsKey("physical")
                    && byMode.get("cloud").get() > 20 && byMode.get("physical").get() > 20);
            System.out.println("SamSwitchIT: " + calls.get() + " calls, by mode " + byMode);
        } finally {
            setMode(PlatformSettings.SAM_MODE_CLOUD);
        }
    }

    private void startDedicatedReader(Path work) throws Exception {
        DedicatedReaderDesk.plugEmulator(context, configAdmin, work, PHYSICAL_SAM, HC);
        Configs.update(configAdmin, PlatformSettings.PID, "readerType", PlatformSettings.READER_TYPE_NHI_COM);
        Await.until("the dedicated reader holds the SAM card and the HC", () -> "nhi-com".equals(readers.readerType())
                && readers.slot(Slot.SAM).cardPresent() && readers.slot(Slot.HC).cardPresent());
    }

    private SamPlugin plugin(String mode) {
        try {
            for (ServiceReference<SamPlugin> ref : context.getServiceReferences(SamPlugin.class,
                    "(" + SamPlugin.MODE_PROPERTY + "=" + mode + ")")) {
                return context.getService(ref);
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no " + mode + " SAM plugin");
    }

    private void setMode(String mode) throws IOException {
        Configs.update(configAdmin, PlatformSettings.PID, "samMode", mode);
    }
}
