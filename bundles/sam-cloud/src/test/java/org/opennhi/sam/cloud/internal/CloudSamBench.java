// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.card.crypto.CardApplets;
import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.VirtualCardSession;

/**
 * Benchmark, not a test (surefire runs {@code *Test} only; {@code bench/sam-auth/run.sh} runs this): the cloud
 * SAM's csVerifySAMDC and an HC's authentication through it, against the IDC simulator on loopback over TLS,
 * with the virtual card in this JVM (so the figures are the IDC round trips and the crypto, not a reader's).
 */
public class CloudSamBench {
    private static final int WARMUP = Integer.getInteger("bench.warmup", 50);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void samAndCardAuthentication() throws Exception {
        try (EmbeddedIdc idc = new EmbeddedIdc(tmp.newFolder("idc").toPath())) {
            Path home = tmp.newFolder("NHI").toPath();
            idc.testSam("9999999999").writeTo(home.resolve("SAM/COMX1"));
            CloudSam sam = new CloudSam(new CloudSamSettings(home.resolve("SAM/COMX1"), home.resolve("INI"),
                    idc.baseUri(), idc.caFile(), Duration.ofSeconds(3), Duration.ofSeconds(10)), Clock.systemUTC(),
                    (s, why) -> { });
            SimulatedCards cards = SimulatedCards.open(tmp.newFolder("cards").toPath());
            VirtualCardSession hc = new VirtualCardSession(Slot.HC, cards.card("900000000001"));
            String number = CardApplets.identify(hc).cardNumber();

            long[] samAuth = measure(() -> sam.authenticate(Progress.NONE));
            long[] cardAuth = measure(() -> IdcCardAuthentication.authenticate(sam, hc, number));
            report("cloud SAM csVerifySAMDC (2 HTTPS requests, kept-alive connection)", samAuth);
            report("HC authentication through the cloud SAM (2 HTTPS requests, 2 card APDUs)", cardAuth);
        }
    }

    interface Op {
        void run() throws Exception;
    }

    static long[] measure(Op op) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            op.run();
        }
        long[] t = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            op.run();
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return t;
    }

    static void report(String what, long[] sorted) {
        System.out.printf("BENCH %-75s p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  (n=%d)%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 9 / 10] / 1e6,
                sorted[Math.min(sorted.length - 1, sorted.length * 99 / 100)] / 1e6, sorted.length);
    }
}
