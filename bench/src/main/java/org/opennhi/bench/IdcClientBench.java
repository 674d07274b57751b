// SPDX-License-Identifier: Apache-2.0
package org.opennhi.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import javax.net.ssl.HttpsURLConnection;

import org.opennhi.sim.idc.IdcOptions;
import org.opennhi.sim.idc.IdcSimulator;

/**
 * What the platform's IDC client costs per call (issue 17, the cold path): one kept-alive HTTPS connection to the
 * IDC simulator asking {@code GET /v1/health} (no work at the IDC), through (a) {@code java.net.http.HttpClient}
 * as {@code IdcConnection} uses it, (b) the JDK's blocking {@code HttpsURLConnection} (keep-alive), and (c) the
 * floor: a lean blocking TLS client ({@link BenchTlsClient}). The cases alternate in each round; the
 * medians of the per-round medians are printed, with the ratio to the floor.
 *
 * Run: bench/idc-client/run.sh [rounds=5] [calls per round and case=2000]
 */
public final class IdcClientBench {
    private IdcClientBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = System.getenv("BENCH_SMOKE") != null;
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : smoke ? 1 : 5;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : smoke ? 50 : 2000;
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path data = Files.createTempDirectory("idc-client-bench");
        try (IdcSimulator idc = IdcSimulator.start(IdcOptions.defaults(data).withForceWrites(false));
                SignatureBench.Op floor = SignatureBench.httpsNoSigning(SignatureBench.Target.of(idc))) {
            URI health = idc.baseUri().resolve("/v1/health");
            HttpClient jdkHttp = HttpClient.newBuilder().sslContext(idc.clientTlsContext())
                    .connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build();
            SignatureBench.Op javaNetHttp = () -> {
                HttpResponse<String> r = jdkHttp.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("status " + r.statusCode());
                }
            };
            URL url = health.toURL();
            javax.net.ssl.SSLSocketFactory factory = idc.clientTlsContext().getSocketFactory(); // one: kept alive
            SignatureBench.Op urlConnection = () -> {
                HttpsURLConnection c = (HttpsURLConnection) url.openConnection();
                c.setSSLSocketFactory(factory);
                c.setConnectTimeout(3000);
                c.setReadTimeout(5000);
                try (InputStream in = c.getInputStream()) {
                    in.readAllBytes(); // read to the end, so the connection goes back to the keep-alive cache
                }
                if (c.getResponseCode() != 200) {
                    throw new IllegalStateException("status " + c.getResponseCode());
                }
            };
            String[] names = {"java.net.http (IdcConnection)", "HttpsURLConnection", "floor: lean TLS client"};
            SignatureBench.Op[] ops = {javaNetHttp, urlConnection, floor};
            for (SignatureBench.Op op : ops) {
                time(op, Math.max(200, calls)); // JIT warm-up, unmeasured
            }
            double[][] medians = new double[ops.length][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < ops.length; i++) {
                    medians[i][round] = median(time(ops[i], calls));
                }
                System.out.printf("round %d: %s %.0f us | %s %.0f us | %s %.0f us%n", round + 1, names[0],
                        medians[0][round], names[1], medians[1][round], names[2], medians[2][round]);
            }
            double floorMedian = median(medians[2]);
            System.out.printf("nproc %d, %d rounds x %d calls; %s%n", Runtime.getRuntime().availableProcessors(),
                    rounds, calls, Machine.load());
            for (int i = 0; i < ops.length; i++) {
                double m = median(medians[i]);
                System.out.printf("%-32s median %7.0f us  (%.2fx the floor)%n", names[i], m, m / floorMedian);
            }
        }
    }

    private static double[] time(SignatureBench.Op op, int calls) throws Exception {
        double[] micros = new double[calls];
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            op.run();
            micros[i] = (System.nanoTime() - t) / 1000.0;
        }
        return micros;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
