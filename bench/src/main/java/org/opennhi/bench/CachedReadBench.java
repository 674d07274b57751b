// SPDX-License-Identifier: Apache-2.0
package org.opennhi.bench;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Latency of a repeated hisGetBasicData over the running platform's real HTTP stack (Jetty, the Felix whiteboard,
 * the gateway's checks, api-v5, JSON) for the card already read, next to csGetVersionEx (same stack, no card) and
 * {@code GET /status}, each side by side with its floor: bare Jetty answering the same bytes ({@link FloorServer}),
 * in a JVM with the platform's own JVM options, measured in the same rounds with the same client. Cases take
 * turns in blocks of calls, round after round, so all see the same machine. One kept-alive connection per client,
 * paced under the gateway's default rate limit (200 requests/s). Clients: a minimal buffered HTTP/1.1 client on a
 * plain socket (what the servers cost), HttpURLConnection (what clients/java-client uses), java.net.http.
 * Starts the distribution in demo mode on a new home and stops it. Arguments: [rounds=10] [callsPerRound=50]
 */
public final class CachedReadBench {
    private static final long PACE_MS = 6; // under 170 requests/s
    private static final String[][] CALLS = {{"POST", "/v5/hisGetBasicData"}, {"POST", "/v5/csGetVersionEx"},
        {"GET", "/status"}};

    private CachedReadBench() {
    }

    interface Client {
        String call(String method, String path) throws Exception;
    }

    record Case(String name, Client client, String method, String path, long[] ns) {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = Machine.smoke();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : smoke ? 1 : 10;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : smoke ? 5 : 50;
        int warmUp = smoke ? 5 : 300;
        Machine.header("http-cached");
        Path work = Files.createTempDirectory("nhi-bench-http-");
        // the token holder's rate budget (200/s, there against runaway HIS loops) would cap the 8-client case:
        // lifted for this home only, as an operator would in INI/config (Felix ConfigAdmin's files)
        Path gateway = Files.createDirectories(work.resolve("home/INI/config/opennhi")).resolve("gateway.config");
        Files.writeString(gateway, "service.pid=\"opennhi.gateway\"\nrequestsPerSecond=I\"1000000\"\n"
                + "burst=I\"1000000\"\n");
        try (Platform platform = Platform.start(work.resolve("home"), true, "", true, Map.of())) {
            platform.awaitOutput("demo: ready.", 120_000);
            String token = platform.token();
            Client raw = new RawClient(platform.port, token);
            // the first call reads the card (cold); every later one must come from the engine's cache
            String first = raw.call("POST", "/v5/hisGetBasicData");
            for (int i = 0; i < 100 && !first.contains("\"code\":0"); i++) { // the demo's card may still be going in
                Thread.sleep(100);
                first = raw.call("POST", "/v5/hisGetBasicData");
            }
            if (!first.contains("\"code\":0") || !first.contains("\"bufferBase64\"")) {
                throw new IllegalStateException("hisGetBasicData did not answer code 0 with data: " + first);
            }
            Path answers = Files.createDirectories(work.resolve("floor"));
            for (String[] c : CALLS) {
                Files.writeString(answers.resolve(c[1].substring(c[1].lastIndexOf('/') + 1) + ".json"),
                        raw.call(c[0], c[1]));
            }
            Process floor = startFloor(answers, platform.jvmOptions());
            try {
                int floorPort = floorPort(floor);
                System.out.println("http-cached: platform pid " + platform.pid() + " JVM options "
                        + platform.jvmOptions() + "; floor pid " + floor.pid() + " on port " + floorPort);
                measure(raw, platform.port, token, new RawClient(floorPort, token), rounds, perRound, warmUp, first);
                throughput(platform.port, floorPort, token, smoke ? 1 : 5, smoke ? 1 : 3, first);
            } finally {
                floor.getOutputStream().close();
                if (!floor.waitFor(10, TimeUnit.SECONDS)) {
                    floor.destroyForcibly();
                }
            }
        } finally {
            Platform.delete(work);
        }
        Machine.footer("http-cached");
    }

    private static void measure(Client raw, int port, String token, Client floor, int rounds, int perRound,
            int warmUp, String first) throws Exception {
        int n = rounds * perRound;
        List<Case> cases = new ArrayList<>();
        Client url = new UrlConnectionClient(port, token);
        Client jdk = new JdkClient(port, token);
        for (String[] c : CALLS) {
            cases.add(new Case(c[0] + " " + c[1] + " (floor: bare Jetty, socket client)", floor, c[0], c[1],
                    new long[n]));
            cases.add(new Case(c[0] + " " + c[1] + " (platform, socket client)", raw, c[0], c[1], new long[n]));
            cases.add(new Case(c[0] + " " + c[1] + " (platform, HttpURLConnection)", url, c[0], c[1], new long[n]));
            cases.add(new Case(c[0] + " " + c[1] + " (platform, java.net.http)", jdk, c[0], c[1], new long[n]));
        }
        for (int i = 0; i < warmUp; i++) { // JIT on all sides
            for (Case c : cases) {
                c.client().call(c.method(), c.path());
            }
            Thread.sleep(PACE_MS * cases.size());
        }
        for (int r = 0; r < rounds; r++) {
            for (Case c : cases) {
                for (int i = 0; i < perRound; i++) {
                    long s = System.nanoTime();
                    String body = c.client().call(c.method(), c.path());
                    c.ns()[r * perRound + i] = System.nanoTime() - s;
                    if (c.path().endsWith("hisGetBasicData") && !first.equals(body)) {
                        throw new IllegalStateException("the cached answer changed: " + body);
                    }
                    Thread.sleep(PACE_MS);
                }
            }
        }
        System.out.printf("calls per case: %d (%d rounds of %d in a row, cases taking turns)%n", n, rounds, perRound);
        System.out.println("| request (server, client) | p50 | p90 | p99 |");
        System.out.println("|---|---|---|---|");
        for (Case c : cases) {
            long[] s = c.ns();
            System.out.printf("| %s | %d µs | %d µs | %d µs |%n", c.name(), pct(s, 50), pct(s, 90), pct(s, 99));
        }
        for (int i = 0; i < cases.size(); i += 4) {
            long f = pct(cases.get(i).ns(), 50);
            long p = pct(cases.get(i + 1).ns(), 50);
            System.out.printf("ratio to floor, p50, socket client: %s %s: %.2f (%d µs / %d µs)%n",
                    cases.get(i).method(), cases.get(i).path(), (double) p / f, p, f);
        }
    }

    /**
     * Eight clients at once, each on its own kept-alive connection, asking cached hisGetBasicData as fast as
     * they can for {@code seconds}: requests per second of the platform next to the floor's, in alternating
     * rounds; the medians of the rounds and their ratio (target ≥ 0.8).
     */
    private static void throughput(int port, int floorPort, String token, int seconds, int rounds, String first)
            throws Exception {
        int clients = 8;
        double[] platformRates = new double[rounds];
        double[] floorRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            floorRates[r] = rate(floorPort, token, clients, seconds, null);
            platformRates[r] = rate(port, token, clients, seconds, first);
        }
        Arrays.sort(platformRates);
        Arrays.sort(floorRates);
        double p = platformRates[rounds / 2];
        double f = floorRates[rounds / 2];
        System.out.printf("throughput, %d clients, cached hisGetBasicData: platform %.0f/s, floor %.0f/s, ratio %.2f"
                + " (median of %d rounds of %d s)%n", clients, p, f, p / f, rounds, seconds);
    }

    private static double rate(int port, String token, int clients, int seconds, String expected) throws Exception {
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                try {
                    Client c = new RawClient(port, token);
                    while (System.nanoTime() < end) {
                        String body = c.call("POST", "/v5/hisGetBasicData");
                        if (expected != null && !expected.equals(body)) {
                            throw new IllegalStateException("the cached answer changed: " + body);
                        }
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return done.get() / (double) seconds;
    }

    static long pct(long[] ns, int p) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)] / 1000;
    }

    private static Process startFloor(Path answers, List<String> jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FloorServer.class.getName(),
                answers.toString()));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static int floorPort(Process floor) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(floor.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("floor: port ")) {
                return Integer.parseInt(line.substring(12).trim());
            }
        }
        throw new IOException("the floor server ended before it listened");
    }

    /** HTTP/1.1 on one kept-alive socket, buffered, Content-Length bodies only (what both servers send). */
    static final class RawClient implements Client {
        private final InputStream in;
        private final OutputStream out;
        private final String host;
        private final String token;

        RawClient(int port, String token) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
            host = "127.0.0.1:" + port;
            this.token = token;
        }

        @Override
        public String call(String method, String path) throws IOException {
            String body = "POST".equals(method) ? "{}" : "";
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                    + "\r\n" + ("POST".equals(method) ? "Content-Type: application/json\r\n" : "")
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body;
            out.write(head.getBytes(StandardCharsets.US_ASCII)); // one write: one packet
            out.flush();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int status = -1;
            int length = -1;
            while (true) { // status line and headers, from the buffer
                line.reset();
                int b;
                while ((b = in.read()) != '\n') {
                    if (b < 0) {
                        throw new IOException("connection closed");
                    }
                    if (b != '\r') {
                        line.write(b);
                    }
                }
                String l = line.toString(StandardCharsets.ISO_8859_1);
                if (l.isEmpty()) {
                    break;
                }
                if (status < 0) {
                    status = Integer.parseInt(l.split(" ")[1]);
                } else if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(l.substring(15).trim());
                }
            }
            String text = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status + ": " + text);
            }
            return text;
        }
    }

    /** The JDK's HttpURLConnection (kept alive), as clients/java-client uses it. */
    static final class UrlConnectionClient implements Client {
        private final String base;
        private final String token;

        UrlConnectionClient(int port, String token) {
            this.base = "http://127.0.0.1:" + port;
            this.token = token;
        }

        @Override
        public String call(String method, String path) throws Exception {
            java.net.HttpURLConnection con = (java.net.HttpURLConnection) URI.create(base + path).toURL()
                    .openConnection();
            con.setRequestMethod(method);
            con.setRequestProperty("Authorization", "Bearer " + token);
            if ("POST".equals(method)) {
                con.setDoOutput(true);
                con.setRequestProperty("Content-Type", "application/json");
                try (OutputStream o = con.getOutputStream()) {
                    o.write("{}".getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = con.getResponseCode();
            String body;
            try (InputStream i = status < 400 ? con.getInputStream() : con.getErrorStream()) {
                body = new String(i.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status + ": " + body);
            }
            return body;
        }
    }

    /** The JDK's java.net.http client, as a newer Java HIS might use it. */
    static final class JdkClient implements Client {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final String token;

        JdkClient(int port, String token) {
            this.base = "http://127.0.0.1:" + port;
            this.token = token;
        }

        @Override
        public String call(String method, String path) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                    "Bearer " + token);
            HttpRequest request = "POST".equals(method)
                    ? b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build()
                    : b.GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        }
    }
}
