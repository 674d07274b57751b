// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.After;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.TestKit;

/**
 * A desk for NHI's test edition in one JVM: the engine {@link World} with the fixture HC {@link #HC} issued from a
 * kit folder, the 5.1 facade, NHI's expected buffers. docs/test-edition.md.
 */
public abstract class TestEditionDesk {
    /** The fixture HC that plays the kit's card (the demo's inserted HC). */
    static final String HC = "900000000001";
    /** The kit as the repository keeps it (simulators/card-sim test resources, README there). */
    static final Path KIT = Path.of("../../simulators/card-sim/src/test/resources/nhi-test-kit").toAbsolutePath()
            .normalize();
    /** Ex2-2 / Ex3-2: the caller's buffer asking for the ICD-10-CM layout. */
    static final String MARKERS_138 = ("[XXXXXXX]" + " ".repeat(14)).repeat(6);
    /** Ex3-2: the same for 1.8, the visits' codes after the critical illnesses. */
    static final String MARKERS_540 = MARKERS_138 + " ".repeat(13) + "[XXXXXXX]".repeat(6);

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();
    final World world = new World();
    final V5Facade api = new V5Facade(world.engine, Optional::empty, "test");

    @After
    public void close() {
        world.close();
    }

    /** The kit card with the inputs of that folder, the doctor's HPC verified (the examples' 前置作業). */
    Path kit(Path folder) throws Exception {
        Path out = tmp.newFolder().toPath();
        world.cards.useTestKit(TestKit.read(folder), HC, out);
        world.hc(HC).doctor();
        return out;
    }

    static byte[] expected(String ret) throws IOException {
        return Files.readAllBytes(KIT.resolve("examples").resolve(ret));
    }

    static byte[] call(int size, String prefill, Read read) {
        byte[] buf = new byte[size];
        byte[] pre = prefill.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(pre, 0, buf, 0, Math.min(pre.length, size));
        int[] len = {size};
        assertEquals(0, read.call(buf, len));
        assertEquals(size, len[0]);
        return buf;
    }

    @FunctionalInterface
    interface Read {
        int call(byte[] buffer, int[] length);
    }

    /** 1.33, and 1.50 with the id and birth date of 1.1 (Ex2-1 offers both), must answer the same. */
    byte[] criticalIllness(int size, String prefill) {
        byte[] basic = call(72, "", api::hisGetBasicData);
        String id = new String(basic, 32, 10, StandardCharsets.US_ASCII);
        String birth = new String(basic, 42, 7, StandardCharsets.US_ASCII);
        byte[] viaId = call(size, prefill, (b, l) -> api.hisGetCriticalIllnessID(id, birth, b, l));
        byte[] plain = call(size, prefill, api::hisGetCriticalIllness);
        assertArrayEquals("1.50 answers as 1.33", plain, viaId);
        return plain;
    }

    /** 取號 (Ex4-1: hisGetSeqNumber256 01, no baby, not after check) gives the visit the writes go to. */
    String takeVisit() {
        byte[] seq = call(296, "", (b, l) -> api.hisGetSeqNumber256("01", " ", "0", b, l));
        return new String(seq, 0, 13, StandardCharsets.US_ASCII);
    }

    String id() {
        return new String(call(72, "", api::hisGetBasicData), 32, 10, StandardCharsets.US_ASCII);
    }

    String birth() {
        return new String(call(72, "", api::hisGetBasicData), 42, 7, StandardCharsets.US_ASCII);
    }

    /** The six codes of case 4 as NHI's hisGetICD10EnC packs them (Ret4-2 shows them on the card). */
    static final String NHI_PACKED_G442 = "\"M7WK\"M830\"M86W\"M8FC\"M8JG\"M8YG";
    /** The six codes of case 5 as NHI's hisGetICD10EnC packs them (Ret5-2). */
    static final String NHI_PACKED_O320 = "%}3RK%}3RO%}3RS%}3RW%}3S0%}3S4";
    /** Ex5-1's five fees. */
    static final String FEES = "00000100" + "00000200" + "00000300" + "0000400" + "0000500";
}
