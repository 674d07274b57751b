// SPDX-License-Identifier: Apache-2.0
package org.opennhi.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.ZipInputStream;

import javax.net.ssl.SSLEngine;

import org.opennhi.sim.idc.IdcOptions;
import org.opennhi.sim.idc.IdcSimulator;
import org.opennhi.sim.idc.internal.cli.IdcHttp;
import org.opennhi.idc.client.CloudSamCard;
import org.opennhi.idc.client.SamFile;

import com.google.gson.JsonObject;

/**
 * Visit signatures (VISIT_RAW: SHA256withRSA, RSA-1024, 128 bytes) per second through the IDC simulator over
 * HTTPS with 1 and 8 concurrent clients, next to the JDK signing the same kind of signature in-process with
 * 1 and 8 threads, in the same run on the same machine.
 *
 * Run (after building the module):
 *   bench/idc-signatures/run.sh [warmup s] [measure s] [rounds]
 *       [name=other/idc-sim.jar ...]
 * Each {@code name=jar} adds another build of the simulator (e.g. the one before a change), measured with 1 and 8
 * clients in every round of the same run.
 *
 * Clients are plain blocking HTTP/1.1 over one kept-alive TLS connection each ({@link BenchTlsClient}: SSLEngine over a
 * SocketChannel), so that client-side CPU (which shares the machine with the server) stays small. Each request
 * signs 64 bytes. Before the first round every case runs unmeasured until the JIT compiler has settled; each round
 * then measures raw and HTTPS back to back, and both the medians of the rates and the median of the per-round
 * ratios are printed.
 */
public final class SignatureBench {
    private static final byte[] DATA = "1151122103000|0001|9999999999|900000000001|visit-signature-bench-data-64"
            .substring(0, 64).getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path data = Files.createTempDirectory("idc-bench");
        try (IdcSimulator idc = IdcSimulator.start(IdcOptions.defaults(data).withForceWrites(false))) {
            IdcHttp http = new IdcHttp(idc.baseUri(), idc.clientTlsContext(), idc.adminToken());
            String session = authenticate(http);
            String body = "{\"type\":\"VISIT_RAW\",\"data\":\"" + Base64.getEncoder().encodeToString(DATA) + "\"}";

            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(1024);
            KeyPair key = g.generateKeyPair();

            System.out.printf("nproc %d, %d rounds, warm-up %d s, measure %d s per case%n",
                    Runtime.getRuntime().availableProcessors(), rounds, warmup, seconds);
            // Cases alternate within each round so that a change in machine load hits all of them alike;
            // the medians over the rounds are reported.
            double[][] r = new double[4][rounds];
            List<Other> others = new ArrayList<>();
            for (int i = 3; i < args.length; i++) {
                others.add(Other.start(args[i]));
            }
            warmUp(warmup, List.of(() -> rawSigner(key), () -> httpsSigner(Target.of(idc), session, body)), others,
                    body);
            for (int i = 0; i < rounds; i++) {
                System.out.printf("round %d%n", i + 1);
                for (Other o : others) {
                    o.measure(i, rounds, warmup, seconds, body);
                }
                r[0][i] = rate("  JDK raw SHA256withRSA-1024, 1 thread ", 1, warmup, seconds, () -> rawSigner(key));
                r[1][i] = rate("  IDC over HTTPS, 1 client              ", 1, warmup, seconds,
                        () -> httpsSigner(Target.of(idc), session, body));
                r[2][i] = rate("  JDK raw SHA256withRSA-1024, 8 threads", 8, warmup, seconds, () -> rawSigner(key));
                r[3][i] = rate("  IDC over HTTPS, 8 clients             ", 8, warmup, seconds,
                        () -> httpsSigner(Target.of(idc), session, body));
            }
            double overhead = rate("IDC over HTTPS, 8 clients, no signing (GET /v1/health)", 8, warmup, seconds,
                    () -> httpsNoSigning(Target.of(idc)));
            System.out.printf("HTTPS path alone: %.0f requests/s, i.e. about %.0f us of CPU per request on %d cores%n",
                    overhead, 1e6 * Runtime.getRuntime().availableProcessors() / overhead,
                    Runtime.getRuntime().availableProcessors());
            double raw1 = median(r[0]);
            double https1 = median(r[1]);
            double raw8 = median(r[2]);
            double https8 = median(r[3]);
            System.out.printf("median raw 1 thread %.0f/s, HTTPS 1 client %.0f/s, ratio %.2f%n", raw1, https1, https1 / raw1);
            System.out.printf("median raw 8 threads %.0f/s, HTTPS 8 clients %.0f/s, ratio %.2f%n", raw8, https8,
                    https8 / raw8);
            // Each round measures HTTPS right after raw, so a pair shares the machine's load of the moment; the
            // median of the per-round ratios is the figure that load swings between rounds distort least.
            double[] pair1 = new double[rounds];
            double[] pair8 = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                pair1[i] = r[1][i] / r[0][i];
                pair8[i] = r[3][i] / r[2][i];
            }
            System.out.printf("per-round ratios, 1 client: %s (median %.2f); 8 clients: %s (median %.2f)%n",
                    list(pair1), median(pair1), list(pair8), median(pair8));
            for (Other o : others) {
                System.out.printf("median %s: HTTPS 1 client %.0f/s, ratio %.2f; HTTPS 8 clients %.0f/s, ratio %.2f%n",
                        o.name, median(o.rates[0]), median(o.rates[0]) / raw1, median(o.rates[1]),
                        median(o.rates[1]) / raw8);
            }
            // The load-independent view: what one signature costs this process in CPU, raw vs over HTTPS
            // (client and server together); the ratio is the rate HTTPS would reach with the machine to itself.
            double cpuRaw1 = medianOf(CPU.get("JDK raw SHA256withRSA-1024, 1 thread"));
            double cpuHttps1 = medianOf(CPU.get("IDC over HTTPS, 1 client"));
            double cpuRaw8 = medianOf(CPU.get("JDK raw SHA256withRSA-1024, 8 threads"));
            double cpuHttps8 = medianOf(CPU.get("IDC over HTTPS, 8 clients"));
            System.out.printf("CPU per signature: raw %.0f us, HTTPS 1 client %.0f us (ratio %.2f); "
                    + "raw 8 threads %.0f us, HTTPS 8 clients %.0f us (ratio %.2f)%n", cpuRaw1, cpuHttps1,
                    cpuRaw1 / cpuHttps1, cpuRaw8, cpuHttps8, cpuRaw8 / cpuHttps8);
            double clients8 = medianOf(CALLER_CPU.get("IDC over HTTPS, 8 clients"));
            System.out.printf("of which the 8 clients' own threads %.0f us (TLS, HTTP and the kernel's work for their "
                    + "sockets); without them, raw/HTTPS CPU would be %.2f%n", clients8, cpuRaw8 / (cpuHttps8 - clients8));
            for (Other o : others) {
                o.simulator.close(); // its Jetty threads would keep the JVM alive
            }
        }
    }

    /**
     * Another build of the simulator ({@code name=path/to/idc-sim.jar} after the three numbers), started in its
     * own class loader and measured in every round right before this build's cases: the side-by-side view of a
     * change on a shared machine, where load swings between runs would hide it.
     */
    static final class Other {
        final String name;
        final Target target;
        final String session;
        final double[][] rates = new double[2][];
        final AutoCloseable simulator;

        Other(String name, Target target, String session, AutoCloseable simulator) {
            this.name = name;
            this.target = target;
            this.session = session;
            this.simulator = simulator;
        }

        static Other start(String spec) throws Exception {
            String[] nameJar = spec.split("=", 2);
            ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {Path.of(nameJar[1]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> options = loader.loadClass(IdcOptions.class.getName());
            Class<?> simulator = loader.loadClass(IdcSimulator.class.getName());
            Object o = options.getMethod("defaults", Path.class).invoke(null, Files.createTempDirectory("idc-bench"));
            o = options.getMethod("withForceWrites", boolean.class).invoke(o, false);
            Object idc = simulator.getMethod("start", options).invoke(null, o);
            Target target = new Target((Integer) simulator.getMethod("port").invoke(idc),
                    (javax.net.ssl.SSLContext) simulator.getMethod("clientTlsContext").invoke(idc));
            IdcHttp http = new IdcHttp((java.net.URI) simulator.getMethod("baseUri").invoke(idc), target.tls(),
                    (String) simulator.getMethod("adminToken").invoke(idc));
            return new Other(nameJar[0], target, authenticate(http), (AutoCloseable) idc);
        }

        void measure(int round, int rounds, int warmup, int seconds, String body) throws Exception {
            for (int c = 0; c < 2; c++) {
                int clients = c == 0 ? 1 : 8;
                if (rates[c] == null) {
                    rates[c] = new double[rounds];
                }
                rates[c][round] = rate(String.format("  %s over HTTPS, %d client%s", name, clients,
                        clients == 1 ? "" : "s"), clients, warmup, seconds, () -> httpsSigner(target, session, body));
            }
        }
    }

    /**
     * Runs the cases, unmeasured, until the JIT compiler has settled: on 2 cores C2 takes a minute or more to
     * compile the TLS, HTTP and signing paths, and every round measured before that counts compiler threads and
     * half-compiled code (the first rounds of a run used to be 20-40 % slower than the later ones). A pass is
     * quiet when the compiler worked less than 2 % of its time; at most 24 passes.
     */
    static void warmUp(int seconds, List<OpFactory> cases, List<Other> others, String body) throws Exception {
        int slice = Machine.smoke() ? 1 : Math.max(2, seconds);
        int passes = Machine.smoke() ? 1 : 24; // smoke: does it run at all, not are its figures settled
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            long jit0 = jit.getTotalCompilationTime();
            long t0 = System.nanoTime();
            for (OpFactory c : cases) {
                run(slice, 8, c);
            }
            for (Other o : others) {
                run(slice, 8, () -> httpsSigner(o.target, o.session, body));
            }
            long compiled = jit.getTotalCompilationTime() - jit0;
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("warm-up pass %d: %d s, JIT compiled for %d ms%n", pass, elapsed / 1000, compiled);
            if (compiled < elapsed / 50) {
                return;
            }
        }
        System.out.println("warm-up: the JIT has not settled after " + passes + " passes; rounds may still include"
                + " compiling");
    }

    /** CPU microseconds per operation, per case: other processes' load does not inflate these. */
    static final java.util.Map<String, List<Double>> CPU = new java.util.LinkedHashMap<>();
    /** Of that, the CPU microseconds of the calling threads: for HTTPS, what the clients cost. */
    static final java.util.Map<String, List<Double>> CALLER_CPU = new java.util.LinkedHashMap<>();

    /** CPU the calling threads (the clients, or the raw signers) used, user and kernel time. */
    static long threadsCpuNanos(List<Thread> threads) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : threads) {
            sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
        }
        return sum;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double medianOf(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String list(double[] values) {
        return java.util.Arrays.stream(values).mapToObj(v -> String.format("%.2f", v))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    interface Op extends AutoCloseable {
        void run() throws Exception;

        /** Ends the operation's connection, if it has one. */
        @Override
        default void close() throws Exception {
        }
    }

    interface OpFactory {
        Op create() throws Exception;
    }

    /** One measured case: operations per second, this process's CPU per operation, JIT time while measuring. */
    record Measured(double rate, double cpuMicros, double callerCpuMicros, long jitMillis) {
    }

    static double rate(String label, int threads, int warmup, int seconds, OpFactory factory) throws Exception {
        Measured m = measure(threads, warmup, seconds, factory);
        System.out.printf("%s: %8.0f signatures/s, %6.0f us of this process's CPU each, %3.0f us of it in the "
                + "calling threads%s%n", label, m.rate(), m.cpuMicros(), m.callerCpuMicros(),
                m.jitMillis() > 0 ? String.format(" (JIT compiled for %d ms)", m.jitMillis()) : "");
        CPU.computeIfAbsent(label.trim(), k -> new ArrayList<>()).add(m.cpuMicros());
        CALLER_CPU.computeIfAbsent(label.trim(), k -> new ArrayList<>()).add(m.callerCpuMicros());
        return m.rate();
    }

    /** Runs {@code factory}'s operation on {@code threads} threads, unmeasured (a warm-up slice). */
    static void run(int seconds, int threads, OpFactory factory) throws Exception {
        measure(threads, 0, seconds, factory);
    }

    static Measured measure(int threads, int warmup, int seconds, OpFactory factory) throws Exception {
        LongAdder done = new LongAdder();
        AtomicLong phase = new AtomicLong(0); // 0 warm-up, 1 measuring, 2 stop
        List<Thread> workers = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < threads; i++) {
            Op op = factory.create();
            Thread t = new Thread(() -> {
                try (op) {
                    while (phase.get() < 2) {
                        op.run();
                        if (phase.get() == 1) {
                            done.increment();
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            t.start();
            workers.add(t);
        }
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        Thread.sleep(warmup * 1000L);
        phase.set(1);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long jitStart = jit.getTotalCompilationTime();
        long callerStart = threadsCpuNanos(workers);
        Thread.sleep(seconds * 1000L);
        long count = done.sum();
        long cpu = processCpuNanos() - cpuStart;
        long callers = threadsCpuNanos(workers) - callerStart;
        long compiled = jit.getTotalCompilationTime() - jitStart;
        double elapsed = (System.nanoTime() - start) / 1e9;
        phase.set(2);
        for (Thread t : workers) {
            t.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("a case failed", errors.get(0));
        }
        return new Measured(count / elapsed, cpu / 1e3 / Math.max(1, count), callers / 1e3 / Math.max(1, count),
                compiled);
    }

    static Op rawSigner(KeyPair key) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        return () -> {
            s.initSign(key.getPrivate());
            s.update(DATA);
            if (s.sign().length != 128) {
                throw new IllegalStateException("not 128 bytes");
            }
        };
    }

    /** Where a client connects: this build's simulator, or another build's started in its own class loader. */
    record Target(int port, javax.net.ssl.SSLContext tls) {
        static Target of(IdcSimulator idc) {
            return new Target(idc.port(), idc.clientTlsContext());
        }
    }

    static Op httpsSigner(Target idc, String session, String body) throws Exception {
        return https(idc, ("POST /v1/signatures HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + session + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** A request that does no signing: what the HTTPS path itself costs. */
    static Op httpsNoSigning(Target idc) throws Exception {
        return https(idc, "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** One kept-alive TLS connection speaking minimal HTTP/1.1, sending {@code request} again and again. */
    static Op https(Target idc, byte[] request) throws Exception {
        BenchTlsClient tls = new BenchTlsClient(idc);
        ByteBuffer out = ByteBuffer.wrap(request);
        return new Op() {
            @Override
            public void run() throws Exception {
                tls.send(out.rewind());
                String answer = tls.receiveAnswer();
                if (!answer.startsWith("HTTP/1.1 200")) {
                    throw new IllegalStateException(answer);
                }
            }

            @Override
            public void close() throws IOException {
                tls.close();
            }
        };
    }

    static String authenticate(IdcHttp http) throws Exception {
        String no = http.get("/portal/applications?hospitalId=9999999999").json().getAsJsonArray("applications")
                .get(0).getAsJsonObject().get("applicationNo").getAsString();
        SamFile file;
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(
                http.get("/portal/applications/" + no + "/download").bytes()))) {
            zip.getNextEntry();
            file = SamFile.parse(zip.readAllBytes());
        }
        CloudSamCard card = new CloudSamCard(file, new SecureRandom());
        JsonObject begin = new JsonObject();
        begin.addProperty("samId", file.samId());
        begin.addProperty("machineId", "BENCH-PC");
        begin.addProperty("rndCard", card.challenge());
        IdcHttp.Answer b = http.post("/v1/sam/auth/begin", begin, null);
        JsonObject complete = new JsonObject();
        complete.addProperty("authId", b.str("authId"));
        complete.addProperty("cardCryptogram", card.answer(b.str("hostData")));
        return http.post("/v1/sam/auth/complete", complete, null).str("sessionToken");
    }
}
