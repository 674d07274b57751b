// SPDX-License-Identifier: Apache-2.0
package org.opennhi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The audit trail's cost on the hottest call (issue 18: at most 2 % of a cached hisGetBasicData): one demo
 * platform answers a repeated cached hisGetBasicData over its real HTTP stack while its per-call audit
 * ({@code opennhi.events} {@code auditCalls}, a file in the home's config folder) is switched on and off between
 * rounds in the order on, off, off, on (the side that follows a switch first gains or loses alike), so both sides see the same JVM, JIT and machine. Each round checks that the audit file grew only when
 * on. The gateway's rate limit is raised for this home only, so calls go back to back on one kept-alive
 * connection. Arguments: [rounds=6] [callsPerRound=2000]
 */
public final class AuditBench {
    private AuditBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = Machine.smoke();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : smoke ? 2 : 6;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : smoke ? 20 : 2000;
        Machine.header("audit");
        Path work = Files.createTempDirectory("nhi-bench-audit-");
        Path home = work.resolve("home");
        Path cfg = Files.createDirectories(home.resolve("INI/config/opennhi"));
        Files.writeString(cfg.resolve("gateway.config"),
                "burst=I\"10000000\"\nrequestsPerSecond=I\"10000000\"\nservice.pid=\"opennhi.gateway\"\n");
        try (Platform platform = Platform.start(home, true, "", true, Map.of())) {
            platform.awaitOutput("demo: ready.", 120_000);
            CachedReadBench.RawClient client = new CachedReadBench.RawClient(platform.port, platform.token());
            String first = client.call("POST", "/v5/hisGetBasicData");
            for (int i = 0; i < 100 && !first.contains("\"code\":0"); i++) { // the demo's card may still be going in
                Thread.sleep(100);
                first = client.call("POST", "/v5/hisGetBasicData");
            }
            if (!first.contains("\"code\":0")) {
                throw new IllegalStateException("hisGetBasicData did not answer code 0: " + first);
            }
            Path audit = home.resolve("LOG/audit.jsonl");
            long[][] ns = new long[2][rounds * perRound];
            long[] writerNs = new long[2];
            StringBuilder perRoundP50 = new StringBuilder("round p50s (on/off):");
            for (int r = 0; r < rounds * 2; r++) {
                boolean on = r % 4 == 0 || r % 4 == 3; // on, off, off, on: neither side always goes first
                auditCalls(platform, on);
                Thread.sleep(smoke ? 1_000 : 2_000); // the events component takes the new configuration
                for (int i = 0; i < (smoke ? 20 : 500); i++) { // warm after the switch
                    client.call("POST", "/v5/hisGetBasicData");
                }
                Thread.sleep(300);
                long before = Files.size(audit);
                long writerBefore = writerCpuNs(platform.pid());
                for (int i = 0; i < perRound; i++) {
                    long s = System.nanoTime();
                    String body = client.call("POST", "/v5/hisGetBasicData");
                    ns[on ? 0 : 1][(r / 2) * perRound + i] = System.nanoTime() - s;
                    if (!first.equals(body)) {
                        throw new IllegalStateException("the cached answer changed: " + body);
                    }
                }
                int from = (r / 2) * perRound;
                perRoundP50.append(String.format(" %s %.0f", on ? "on" : "off",
                        pctNs(Arrays.copyOfRange(ns[on ? 0 : 1], from, from + perRound), 50) / 1000.0));
                Thread.sleep(300);
                writerNs[on ? 0 : 1] += writerCpuNs(platform.pid()) - writerBefore;
                long grew = Files.size(audit) - before;
                if (on != grew > 0) {
                    throw new IllegalStateException("audit " + (on ? "on" : "off") + " but the file grew " + grew
                            + " bytes in the round");
                }
            }
            System.out.printf("calls per side: %d (%d rounds of %d, audit on and off taking turns: on, off, off, on,"
                    + " ...)%n", rounds * perRound, rounds, perRound);
            System.out.println(perRoundP50 + " µs");
            System.out.println("| hisGetBasicData, cached, /v5 | p50 | p90 | mean |");
            System.out.println("|---|---|---|---|");
            double[] mean = new double[2];
            long[] p50 = new long[2];
            for (int side = 0; side < 2; side++) {
                mean[side] = Arrays.stream(ns[side]).average().orElse(0) / 1000;
                p50[side] = pctNs(ns[side], 50);
                System.out.printf("| audit %s | %.1f µs | %.1f µs | %.1f µs |%n", side == 0 ? "on" : "off",
                        p50[side] / 1000.0, pctNs(ns[side], 90) / 1000.0, mean[side]);
            }
            System.out.printf("audit cost, p50: %+.2f %% (%.1f µs on, %.1f µs off); mean: %+.2f %%%n",
                    100.0 * (p50[0] - p50[1]) / p50[1], p50[0] / 1000.0, p50[1] / 1000.0,
                    100.0 * (mean[0] - mean[1]) / mean[1]);
            // robust against a busy machine: the CPU the events writer thread spent per call with the audit on
            // less with it off (the call path itself only queues the record), against what the whole call takes
            double on = writerNs[0] / 1000.0 / (rounds * perRound);
            double off = writerNs[1] / 1000.0 / (rounds * perRound);
            System.out.printf("events writer CPU per call: %.2f µs on, %.2f µs off; the audit's share %.2f µs = %.2f %%"
                    + " of the p50 with audit off%n", on, off, on - off, 100.0 * (on - off) * 1000 / p50[1]);
        } finally {
            Platform.delete(work);
        }
        Machine.footer("audit");
    }

    /** Switches the per-call audit live, as an operator does: {@code PUT /settings/audit}. */
    private static void auditCalls(Platform platform, boolean on) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + platform.port
                        + "/settings/audit")).header("Authorization", "Bearer " + platform.token())
                        .header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"auditCalls\":" + on + "}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("PUT /settings/audit answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** @return CPU time so far of the platform's audit writer ({@code opennhi-events}), from the kernel's schedstat */
    private static long writerCpuNs(long pid) throws java.io.IOException {
        long ns = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(t.resolve("comm")).trim().equals("opennhi-events")) {
                        ns += Long.parseLong(Files.readString(t.resolve("schedstat")).trim().split(" ")[0]);
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // a thread that ended between the listing and the read
                }
            }
        }
        return ns;
    }

    private static long pctNs(long[] ns, int p) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
