// SPDX-License-Identifier: Apache-2.0
package org.opennhi.bench;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.smartcardio.CardChannel;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;

import org.opennhi.contracts.platform.ReaderMapping;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.sim.vpcd.VpcdBridge;
import org.opennhi.sim.vpcd.pcscd.PrivatePcscd;

/**
 * Per-APDU time through our reader service (front + PC/SC plugin) next to raw javax.smartcardio on the same
 * pcscd + vpcd + virtual card, in alternating rounds of one run so machine noise hits both alike.
 * Arguments: [rounds=5] [apdusPerRound=2000] [idleMillis=0]. With idleMillis above 0, APDUs go in bursts of 8 (a
 * cold read) after the machine sat idle that long, so each burst pays for waking the threads involved.
 */
public final class ReaderApduBench {
    static final byte[] SELECT_HC = HexFormat.of().parseHex("00A4040010D1580000010000000000000000001100");

    /** Ends the JVM either way: the PC/SC plugin's and the engine's threads are not daemons. */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : Machine.smoke() ? 1 : 5;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : Machine.smoke() ? 100 : 2000;
        idleMillis = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path dir = Path.of(System.getenv("BENCH_PCSCD_DIR"));
        Machine.header("reader-apdu");
        try (PrivatePcscd pcscd = PrivatePcscd.start(dir)) {
            // stopped by the try on the way out, and by the hook if the bench is interrupted (pcscd holds ports)
            Runtime.getRuntime().addShutdownHook(new Thread(pcscd::close, "bench-pcscd-stop"));
            SimulatedCards world = SimulatedCards.open(Files.createTempDirectory("bench-cards"));
            String hc = world.list().stream().filter(c -> c.kind() == CardKind.HC).findFirst().orElseThrow().number();
            try (VpcdBridge bridge = new VpcdBridge("localhost", pcscd.port(0), 2)) {
                bridge.slot(0).insert(world.card(hc));
                ReaderService service = readerService();
                long deadline = System.currentTimeMillis() + 20_000;
                while (!service.slot(Slot.HC).cardPresent()) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("the reader service never saw the card: " + service.status());
                    }
                    Thread.sleep(20);
                }
                CardTerminal terminal = TerminalFactory.getInstance("PC/SC", null).terminals()
                        .getTerminal("Virtual PCD 00 00");
                CardChannel raw = terminal.connect("*").getBasicChannel();
                // warm both paths up
                try (CardSession hold = service.openSession(Slot.HC, Duration.ofSeconds(10))) {
                    rawRound(raw, n);
                }
                serviceRound(service, n);
                double[] rawMedians = new double[rounds];
                double[] oursMedians = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    double[] a;
                    // the JDK gives every connect in a JVM the same Card: hold the reader, as a session does,
                    // so the plugin's idle-card probe stays away while the raw channel is used
                    try (CardSession hold = service.openSession(Slot.HC, Duration.ofSeconds(10))) {
                        a = rawRound(raw, n);
                    }
                    double[] b = serviceRound(service, n);
                    rawMedians[r] = pct(a, 50);
                    oursMedians[r] = pct(b, 50);
                    System.out.printf("round %d: raw median %.1f us p99 %.1f us | reader service median %.1f us p99 %.1f us"
                            + " | overhead %+.1f%%%n", r + 1, pct(a, 50), pct(a, 99), pct(b, 50), pct(b, 99),
                            (pct(b, 50) / pct(a, 50) - 1) * 100);
                }
                Arrays.sort(rawMedians);
                Arrays.sort(oursMedians);
                double rawMed = rawMedians[rounds / 2];
                double oursMed = oursMedians[rounds / 2];
                System.out.printf("median of round medians: raw %.1f us, reader service %.1f us, overhead %+.1f%%"
                        + " (%d rounds x %d APDUs)%n", rawMed, oursMed, (oursMed / rawMed - 1) * 100, rounds, n);
            }
        }
        Machine.footer("reader-apdu");
    }

    static int idleMillis;

    /** In idle mode, sleeps before every burst of 8 APDUs. */
    static void idleBefore(int i) throws InterruptedException {
        if (idleMillis > 0 && i % 8 == 0) {
            Thread.sleep(idleMillis);
        }
    }

    static double[] rawRound(CardChannel channel, int n) throws Exception {
        double[] us = new double[n];
        for (int i = 0; i < n; i++) {
            idleBefore(i);
            long t0 = System.nanoTime();
            if (channel.transmit(new CommandAPDU(SELECT_HC)).getSW() != 0x9000) {
                throw new IllegalStateException("raw SELECT failed");
            }
            us[i] = (System.nanoTime() - t0) / 1000.0;
        }
        return us;
    }

    static double[] serviceRound(ReaderService service, int n) throws Exception {
        double[] us = new double[n];
        if (idleMillis > 0) {
            // as the card engine does: one session per call, after the reader sat idle
            for (int i = 0; i < n; i += 8) {
                Thread.sleep(idleMillis);
                try (CardSession s = service.openSession(Slot.HC, Duration.ofSeconds(10))) {
                    for (int j = i; j < Math.min(n, i + 8); j++) {
                        long t0 = System.nanoTime();
                        if (s.transmit(SELECT_HC).sw() != 0x9000) {
                            throw new IllegalStateException("SELECT through the reader service failed");
                        }
                        us[j] = (System.nanoTime() - t0) / 1000.0;
                    }
                }
            }
            return us;
        }
        try (CardSession s = service.openSession(Slot.HC, Duration.ofSeconds(10))) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                if (s.transmit(SELECT_HC).sw() != 0x9000) {
                    throw new IllegalStateException("SELECT through the reader service failed");
                }
                us[i] = (System.nanoTime() - t0) / 1000.0;
            }
        }
        return us;
    }

    static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** The platform's own classes, wired by hand as DS would (their constructors are package-private). */
    static ReaderService readerService() throws Exception {
        Class<?> pcscConfig = Class.forName("org.opennhi.reader.pcsc.internal.PcscConfig");
        Object config = annotation(pcscConfig, Map.of("watchMillis", 200L, "protocol", "*", "answerTimeoutMillis",
                15_000L, "autoRescan", false));
        Class<?> pluginClass = Class.forName("org.opennhi.reader.pcsc.internal.PcscReaderPlugin");
        Class<?> storeClass = Class.forName("org.opennhi.reader.pcsc.internal.MappingStore");
        Constructor<?> pc = pluginClass.getDeclaredConstructor(pcscConfig, storeClass);
        pc.setAccessible(true);
        Object plugin = pc.newInstance(config, null);
        Method bindMapping = pluginClass.getDeclaredMethod("bindMapping", ReaderMapping.class);
        bindMapping.setAccessible(true);
        bindMapping.invoke(plugin, new ReaderMapping() {
            @Override
            public String hcReaderName() {
                return "Virtual PCD 00 00";
            }

            @Override
            public String hpcReaderName() {
                return "Virtual PCD 00 01";
            }
        });
        Class<?> frontConfig = Class.forName("org.opennhi.reader.internal.ReaderServiceConfig");
        Class<?> frontClass = Class.forName("org.opennhi.reader.internal.ReaderServiceFront");
        Constructor<?> fc = frontClass.getDeclaredConstructor(frontConfig);
        fc.setAccessible(true);
        Object front = fc.newInstance(annotation(frontConfig, Map.of("maxHoldMillis", 600_000L)));
        Method bind = frontClass.getDeclaredMethod("bindPlugin", ReaderPlugin.class, Map.class);
        bind.setAccessible(true);
        Map<String, Object> props = new HashMap<>();
        props.put(ReaderPlugin.TYPE_PROPERTY, "pcsc");
        props.put("service.id", 1L);
        bind.invoke(front, plugin, props);
        return (ReaderService) front;
    }

    static Object annotation(Class<?> type, Map<String, Object> values) {
        InvocationHandler h = (proxy, m, a) -> m.getName().equals("annotationType") ? type : values.get(m.getName());
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type, Annotation.class}, h);
    }
}
