// SPDX-License-Identifier: Apache-2.0
package org.opennhi.bench;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.smartcardio.CardChannel;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;

import com.sun.net.httpserver.HttpServer;

import org.opennhi.api.v5.internal.V5Facade;
import org.opennhi.api.v5.internal.V5Http;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.engine.internal.Engine;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.SimulatedSam;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.sim.vpcd.VpcdBridge;
import org.opennhi.sim.vpcd.pcscd.PrivatePcscd;

/**
 * The 5.1.x functions on a private pcscd + vpcd + simulated HC: APDUs each sends, and its latency over Java
 * (the facade) and over HTTP (JSON on loopback), next to the raw APDU floor — the same APDUs replayed through
 * javax.smartcardio in the same run. Cold calls start with an empty cache and freshly issued cards; cached calls
 * repeat a read of the same inserted card. Arguments: [iterations=30]
 */
public final class VisitApiBench {
    static final String HC = "900000000001";
    static List<byte[]> log = new CopyOnWriteArrayList<>();

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
        int n = args.length > 0 ? Integer.parseInt(args[0]) : Machine.smoke() ? 2 : 30;
        Machine.header("visit-api");
        try (PrivatePcscd pcscd = PrivatePcscd.start(Path.of(System.getenv("BENCH_PCSCD_DIR")))) {
            // stopped by the try on the way out, and by the hook if the bench is interrupted (pcscd holds ports)
            Runtime.getRuntime().addShutdownHook(new Thread(pcscd::close, "bench-pcscd-stop"));
            SimulatedCards world = SimulatedCards.open(Files.createTempDirectory("bench-cards"));
            VirtualCard card = world.card(HC);
            VirtualCard recording = new VirtualCard() {
                public CardKind kind() { return card.kind(); }
                public String number() { return card.number(); }
                public byte[] atr() { return card.atr(); }
                public void reset() { card.reset(); }
                public byte[] transmit(byte[] c) { log.add(c.clone()); return card.transmit(c); }
            };
            try (VpcdBridge bridge = new VpcdBridge("localhost", pcscd.port(0), 2)) {
                bridge.slot(0).insert(recording);
                ReaderService readers = ReaderApduBench.readerService();
                long deadline = System.currentTimeMillis() + 20_000;
                while (!readers.slot(Slot.HC).cardPresent()) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("no card seen");
                    }
                    Thread.sleep(20);
                }
                SimulatedSam sam = new SimulatedSam(world.fixtures().institutions().get(0));
                org.opennhi.hpc.internal.HpcGate hpcAuth = new org.opennhi.hpc.internal.HpcGate(Clock.systemUTC(),
                        () -> readers.slot(Slot.HPC).cardPresent(), e -> { }, false, Duration.ofHours(8));
                Engine engine = new Engine(readers, sam.asService(), hpcAuth, Optional::empty,
                        Clock.system(ZoneId.of("Asia/Taipei")), Duration.ofSeconds(10), r -> { });
                V5Facade java = new V5Facade(engine, Optional::empty, "bench");
                V5Http http = new V5Http(engine, "bench");
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/v5/", ex -> {
                    byte[] body = ex.getRequestBody().readAllBytes();
                    V5Http.Answer a = http.call(ex.getRequestURI().getPath().substring(4),
                            new String(body, StandardCharsets.UTF_8));
                    byte[] out = a.body().toString().getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(a.status(), out.length);
                    try (OutputStream o = ex.getResponseBody()) {
                        o.write(out);
                    }
                });
                server.start();
                URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v5/");
                CardChannel raw = TerminalFactory.getInstance("PC/SC", null).terminals()
                        .getTerminal("Virtual PCD 00 00").connect("*").getBasicChannel();

                System.out.printf("%-28s %6s %12s %12s %12s%n", "function (n=" + n + ")", "APDUs", "raw floor",
                        "Java p50", "HTTP p50");
                Case[] cases = {
                    new Case("1.1 hisGetBasicData cold", "hisGetBasicData", "{}", true, false,
                            () -> java.hisGetBasicData(new byte[72], new int[] {72})),
                    new Case("1.1 hisGetBasicData cached", "hisGetBasicData", "{}", false, false,
                            () -> java.hisGetBasicData(new byte[72], new int[] {72})),
                    new Case("1.38 hisGetRegisterBasic2 cold", "hisGetRegisterBasic2", "{}", true, false,
                            () -> java.hisGetRegisterBasic2(new byte[9], new int[] {9})),
                    new Case("1.2 hisGetRegisterBasic cold", "hisGetRegisterBasic", "{}", true, false,
                            () -> java.hisGetRegisterBasic(new byte[78], new int[] {78})),
                    new Case("1.37 hisGetSeqNumber256 cold", "hisGetSeqNumber256", "{\"cTreatItem\":\"01\"}", true,
                            true, () -> java.hisGetSeqNumber256("01", " ", "1", new byte[296], new int[] {296})),
                    new Case("1.37 after 1.1 (warm cache)", "hisGetSeqNumber256", "{\"cTreatItem\":\"01\"}", false,
                            true, () -> java.hisGetSeqNumber256("01", " ", "1", new byte[296], new int[] {296})),
                };
                for (Case c : cases) {
                    run(c, n, world, engine, java, base, raw, readers);
                }
                server.stop(0);
            }
        }
        Machine.footer("visit-api");
    }

    record Case(String label, String function, String body, boolean cold, boolean resetCards, Call java) {
    }

    interface Call {
        int run() throws Exception;
    }

    static void prepare(Case c, SimulatedCards world, Engine engine, V5Facade java) throws Exception {
        if (c.resetCards()) {
            world.reset();
            engine.reset(3);
        }
        if (c.cold()) {
            engine.reset(3);
        } else {
            // warm: the card's public and status data are in the cache, as after a registration read
            java.hisGetBasicData(new byte[72], new int[] {72});
        }
    }

    static void run(Case c, int n, SimulatedCards world, Engine engine, V5Facade java, URI base,
            CardChannel raw, ReaderService readers) throws Exception {
        double[] javaUs = new double[n];
        double[] httpUs = new double[n];
        double[] rawUs = new double[n];
        int apdus = -1;
        for (int i = 0; i < n; i++) {
            prepare(c, world, engine, java);
            log.clear();
            long t0 = System.nanoTime();
            int rc = c.java().run();
            javaUs[i] = (System.nanoTime() - t0) / 1000.0;
            if (rc != 0) {
                throw new IllegalStateException(c.label() + " answered " + rc);
            }
            List<byte[]> sent = new ArrayList<>(log);
            apdus = sent.size();
            // the raw floor: the same APDUs straight through javax.smartcardio (their answers do not matter)
            try (CardSession hold = readers.openSession(Slot.HC, Duration.ofSeconds(10))) {
                long r0 = System.nanoTime();
                for (byte[] apdu : sent) {
                    raw.transmit(new CommandAPDU(apdu));
                }
                rawUs[i] = (System.nanoTime() - r0) / 1000.0;
            }
            prepare(c, world, engine, java);
            long h0 = System.nanoTime();
            String answer = post(base.resolve(c.function()), c.body());
            httpUs[i] = (System.nanoTime() - h0) / 1000.0;
            if (!answer.contains("\"code\":0")) {
                throw new IllegalStateException(c.label() + " over HTTP: " + answer);
            }
        }
        System.out.printf("%-28s %6d %9.0f us %9.0f us %9.0f us%n", c.label(), apdus, pct(rawUs, 50),
                pct(javaUs, 50), pct(httpUs, 50));
    }

    /** One POST on a kept-alive connection, as a HIS's HTTP library sends it. */
    static String post(URI uri, String body) throws Exception {
        java.net.HttpURLConnection con = (java.net.HttpURLConnection) uri.toURL().openConnection();
        con.setRequestMethod("POST");
        con.setDoOutput(true);
        con.setRequestProperty("Content-Type", "application/json");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        con.setFixedLengthStreamingMode(b.length);
        try (OutputStream o = con.getOutputStream()) {
            o.write(b);
        }
        try (java.io.InputStream in = con.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
