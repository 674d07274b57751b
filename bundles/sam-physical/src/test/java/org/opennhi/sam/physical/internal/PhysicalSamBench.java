// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.physical.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.card.crypto.CardApplets;
import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.sim.card.InJvmReaders;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.idc.IdcOptions;
import org.opennhi.sim.idc.IdcSimulator;

/**
 * Benchmark, not a test ({@code bench/sam-auth/run.sh} runs it): the physical SAM card's csVerifySAMDC with the
 * IDC simulator on loopback, an HC's authentication by the SAM card (no IDC involved) and a SAM card signature,
 * with the virtual cards in this JVM.
 */
public class PhysicalSamBench {
    private static final int WARMUP = Integer.getInteger("bench.warmup", 50);
    private static final int RUNS = Integer.getInteger("bench.runs", 200);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void samAndCardAuthentication() throws Exception {
        try (IdcSimulator idc = IdcSimulator.start(IdcOptions.defaults(tmp.newFolder("idc").toPath()).withPort(0)
                .withForceWrites(false))) {
            SimulatedCards cards = SimulatedCards.open(tmp.newFolder("cards").toPath());
            InJvmReaders readers = new InJvmReaders();
            readers.insert(Slot.SAM, cards.card("900099999999"));
            readers.insert(Slot.HC, cards.card("900000000001"));
            PhysicalSam sam = new PhysicalSam(readers, new PhysicalSamSettings(tmp.getRoot().toPath().resolve("INI"),
                    idc.baseUri(), idc.caFile(), Duration.ofSeconds(3), Duration.ofSeconds(10),
                    Duration.ofSeconds(5)), Clock.systemUTC(), (s, why) -> { });
            byte[] visit = "1151122103000 0001 9999999999 900000000001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            try (CardSession hc = readers.openSession(Slot.HC, Duration.ofSeconds(1))) {
                String number = CardApplets.identify(hc).cardNumber();
                long[] samAuth = measure(() -> sam.authenticate(Progress.NONE));
                long[] cardAuth = measure(() -> sam.authenticateCard(hc, number));
                long[] sign = measure(() -> sam.sign(SignatureType.VISIT_RAW, visit));
                report("physical SAM csVerifySAMDC (2 HTTPS requests, 2 SAM APDUs)", samAuth);
                report("HC authentication by the physical SAM (2 card + 2 SAM APDUs, no IDC)", cardAuth);
                report("physical SAM signature, 128 bytes (1 SAM APDU)", sign);
            }
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
