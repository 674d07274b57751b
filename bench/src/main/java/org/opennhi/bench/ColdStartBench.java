// SPDX-License-Identifier: Apache-2.0
package org.opennhi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up and warm speed of the distribution under JVM option sets side by side (issue 17, item 7). Each round
 * starts every candidate in turn, so machine load hits all alike. Per candidate and round: a demo start on a new
 * home (ms to the first authorised {@code GET /status} 200, polled from this JVM, and to "demo: ready."), then
 * the warm latency of a cached hisGetBasicData (buffered socket client, after a warm-up long enough for C2 to
 * compile the hot paths), the platform's RSS, then a restart on that home (ms to "demo: ready.").
 * The CDS archive the launcher makes is made once, unmeasured, before round 1, as an installation's first start
 * does. Each platform is stopped before the next starts.
 * Arguments: [rounds=3] [warmUpCalls=4000] [measuredCalls=1000] [candidate names...] (default: all)
 */
public final class ColdStartBench {
    /** Option sets: NHI_JAVA_OPTS after the launcher's own (so they override it), and whether CDS is on. */
    record Candidate(String name, String javaOptions, boolean cds) {
    }

    static final List<Candidate> CANDIDATES = List.of(
            new Candidate("launcher", "", true),
            new Candidate("c1-only", "-XX:TieredStopAtLevel=1", true),
            new Candidate("tiered", "-XX:TieredStopAtLevel=4", true),
            new Candidate("tiered-late-c2", "-XX:TieredStopAtLevel=4 -XX:Tier4InvocationThreshold=15000"
                    + " -XX:Tier4MinInvocationThreshold=2000 -XX:Tier4CompileThreshold=30000", true),
            new Candidate("tiered-no-cds", "-XX:TieredStopAtLevel=4", false),
            new Candidate("c1-only-no-cds", "-XX:TieredStopAtLevel=1", false));

    record Result(long statusMs, long readyMs, long warmP50Us, long warmP90Us, long rssMiB, long restartReadyMs) {
    }

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = Machine.smoke();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : smoke ? 1 : 3;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : smoke ? 20 : 4000;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : smoke ? 20 : 1000;
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String name = args[i];
            candidates.add(CANDIDATES.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no candidate " + name + " in " + CANDIDATES)));
        }
        if (candidates.isEmpty()) {
            candidates.addAll(smoke ? CANDIDATES.subList(0, 1) : CANDIDATES);
        }
        Machine.header("cold-start");
        System.out.printf("cold-start: %d rounds, %d warm-up and %d measured hisGetBasicData per start%n", rounds,
                warmUp, measured);
        Path work = Files.createTempDirectory("nhi-bench-start-");
        Map<String, List<Result>> results = new LinkedHashMap<>();
        try {
            if (!smoke) {
                try (Platform prime = Platform.start(work.resolve("prime"), true, "", true, Map.of())) {
                    prime.awaitOutput("demo: ready.", 120_000); // its stop writes the CDS archive, if there is none
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (Candidate c : candidates) {
                    Result res = once(work.resolve(c.name() + "-" + r), c, warmUp, measured);
                    results.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(res);
                    System.out.printf("round %d %-16s /status 200 %5d ms, demo ready %5d ms, warm p50 %4d µs p90 %4d"
                            + " µs, RSS %3d MiB, restart ready %5d ms%n", r + 1, c.name(), res.statusMs(),
                            res.readyMs(), res.warmP50Us(), res.warmP90Us(), res.rssMiB(), res.restartReadyMs());
                }
            }
        } finally {
            Platform.delete(work);
        }
        System.out.println("| options (NHI_JAVA_OPTS after the launcher's; CDS) | first /status 200 | first demo ready"
                + " | restart demo ready | warm hisGetBasicData p50 / p90 | RSS warm |");
        System.out.println("|---|---|---|---|---|---|");
        for (Candidate c : candidates) {
            List<Result> rs = results.get(c.name());
            System.out.printf("| %s: `%s`; CDS %s | %d ms | %d ms | %d ms | %d / %d µs | %d MiB |%n", c.name(),
                    c.javaOptions().isEmpty() ? "(none)" : c.javaOptions(), c.cds() ? "on" : "off",
                    median(rs, Result::statusMs), median(rs, Result::readyMs), median(rs, Result::restartReadyMs),
                    median(rs, Result::warmP50Us), median(rs, Result::warmP90Us), median(rs, Result::rssMiB));
        }
        System.out.println("(medians over the rounds)");
        Machine.footer("cold-start");
    }

    private static Result once(Path home, Candidate c, int warmUp, int measured) throws Exception {
        // the gateway's rate limit (200/s) would answer 429 to an unpaced warm-up: raised for this home only
        Path cfg = Files.createDirectories(home.resolve("INI/config/opennhi"));
        Files.writeString(cfg.resolve("gateway.config"),
                "burst=I\"10000000\"\nrequestsPerSecond=I\"10000000\"\nservice.pid=\"opennhi.gateway\"\n");
        long status;
        long ready;
        long[] ns = new long[measured];
        long rss;
        try (Platform p = Platform.start(home, true, c.javaOptions(), c.cds(), Map.of())) {
            status = p.awaitStatus200(120_000);
            ready = p.awaitOutput("demo: ready.", 120_000);
            CachedReadBench.RawClient client = new CachedReadBench.RawClient(p.port, p.token());
            String first = client.call("POST", "/v5/hisGetBasicData");
            for (int i = 0; i < 100 && !first.contains("\"code\":0"); i++) {
                Thread.sleep(100);
                first = client.call("POST", "/v5/hisGetBasicData");
            }
            for (int i = 0; i < warmUp; i++) {
                client.call("POST", "/v5/hisGetBasicData");
            }
            for (int i = 0; i < measured; i++) {
                long t0 = System.nanoTime();
                client.call("POST", "/v5/hisGetBasicData");
                ns[i] = System.nanoTime() - t0;
            }
            rss = rssMiB(p.pid());
        }
        long restart = -1;
        if (Machine.smoke()) {
            return new Result(status, ready, CachedReadBench.pct(ns, 50), CachedReadBench.pct(ns, 90), rss, restart);
        }
        try (Platform p = Platform.start(home, true, c.javaOptions(), c.cds(), Map.of())) {
            restart = p.awaitOutput("demo: ready.", 120_000);
        }
        return new Result(status, ready, CachedReadBench.pct(ns, 50), CachedReadBench.pct(ns, 90), rss, restart);
    }

    private static long rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static long median(List<Result> rs, java.util.function.ToLongFunction<Result> f) {
        long[] v = rs.stream().mapToLong(f).sorted().toArray();
        return v[v.length / 2];
    }
}
