// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.JsonObject;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * NHI's test edition over HTTP (docs/test-edition.md): the distribution started as {@code bin/nhi-cs --demo} with
 * the test kit's own files as the inserted HC (framework property {@code opennhi.demo.testkit}, what
 * {@code --test-kit DIR} passes), and the test plan's cases (測試案例.txt) that the kit's own files make, compared
 * byte for byte with NHI's {@code examples/Ret*.txt}: case 2-3 (1.33 and 1.50), 4-2 (1.16 → trecoW.txt) and 5-2
 * (1.47 → trecoW1.txt). The cases that need other input files run in one JVM: api-v5's TestEditionCasesTest.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING) // the writes of case 4/5 add diagnosis records: last
public class TestEditionIT {
    private static final Path KIT = Path.of("../simulators/card-sim/src/test/resources/nhi-test-kit");
    private static Path kit;
    private static DemoPlatform platform;

    @BeforeClass
    public static void start() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        // a copy: the platform writes trecoW.txt / trecoW1.txt into the kit's folder, as the test edition did
        kit = Files.createTempDirectory(work, "test-kit-");
        for (String f : new String[] {"bday.txt", "cri.txt", "treno.txt", "treco.txt"}) {
            Files.copy(KIT.resolve(f), kit.resolve(f));
        }
        platform = DemoPlatform.start(work, Map.of(), "-Dopennhi.demo.testkit=" + kit.toAbsolutePath());
        assertTrue(platform.output(), platform.output().contains("test edition: the HC holds NHI's test kit"));
        assertEquals(0, call("hpcVerifyHPCPIN", "{\"pin\":\"1234\"}").get("code").getAsInt());
    }

    @AfterClass
    public static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (kit != null) {
            try (Stream<Path> files = Files.list(kit)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(kit);
        }
    }

    private static JsonObject call(String function, String body) throws Exception {
        return platform.json("POST", "/v5/" + function, body);
    }

    private static byte[] buffer(String function, JsonObject body) throws Exception {
        JsonObject answer = call(function, body.toString());
        assertEquals(function + ": " + answer, 0, answer.get("code").getAsInt());
        return Base64.getDecoder().decode(answer.get("bufferBase64").getAsString());
    }

    private static byte[] expected(String ret) throws Exception {
        return Files.readAllBytes(KIT.resolve("examples").resolve(ret));
    }

    private static String basic(int from, int length) throws Exception {
        return new String(buffer("hisGetBasicData", new JsonObject()), from, length, StandardCharsets.US_ASCII);
    }

    @Test
    public void case2_3_kitsOwnCriAsStored_1_33_and_1_50() throws Exception {
        assertEquals("bday.txt", "0390101", basic(42, 7));
        assertArrayEquals(expected("Ret2-3.txt"), buffer("hisGetCriticalIllness", new JsonObject()));
        JsonObject id = new JsonObject();
        id.addProperty("pPatientID", basic(32, 10));
        id.addProperty("pPatientBirthDate", basic(42, 7));
        assertArrayEquals(expected("Ret2-3.txt"), buffer("hisGetCriticalIllnessID", id));
    }

    @Test
    public void case3_kitsOwnTrecoIn1_8() throws Exception {
        byte[] b = buffer("hisGetTreatmentNeedHPC", new JsonObject());
        assertEquals(372, b.length);
        assertArrayEquals(expected("Ret2-3.txt"), Arrays.copyOf(b, 114));
        assertEquals("J0110J0111J0120J0121J0130J0131", new String(b, 114 + 13, 30, StandardCharsets.US_ASCII));
        assertEquals("\"M7WK\"M830\"M86W\"M8FC\"M8JG\"M8YG", new String(b, 114 + 43 + 13, 30,
                StandardCharsets.US_ASCII));
    }

    /** 取號 (hisGetSeqNumber256 as Ex4-1 calls it), then a write of the kit's case to its visit. */
    private static void write(String function, String dataWrite) throws Exception {
        JsonObject seq = new JsonObject();
        seq.addProperty("cTreatItem", "01");
        seq.addProperty("cBabyTreat", " ");
        seq.addProperty("cTreatAfterCheck", "0");
        String dateTime = new String(buffer("hisGetSeqNumber256", seq), 0, 13, StandardCharsets.US_ASCII);
        JsonObject w = new JsonObject();
        w.addProperty("pDateTime", dateTime);
        w.addProperty("pPatientID", basic(32, 10));
        w.addProperty("pPatientBirthDate", basic(42, 7));
        w.addProperty("pDataWrite", dataWrite);
        JsonObject answer = call(function, w.toString());
        assertEquals(function + ": " + answer, 0, answer.get("code").getAsInt());
    }

    @Test
    public void case4_2_and_5_2_writesGoToTrecoWAndTrecoW1_1_16_1_47() throws Exception {
        // the codes as NHI's hisGetICD10EnC packs them (Ex4-2, Ex5-2); the platform's own packing differs
        write("hisWriteTreatmentCode", "0\"M7WK\"M830\"M86W\"M8FC\"M8JG\"M8YG");
        assertArrayEquals(expected("Ret4-2.txt"), Files.readAllBytes(kit.resolve("trecoW.txt")));
        assertFalse(Files.exists(kit.resolve("trecoW1.txt")));
        write("hisWriteTreatmentData", "0%}3RK%}3RO%}3RS%}3RW%}3S0%}3S4" + "00000100" + "00000200" + "00000300"
                + "0000400" + "0000500");
        assertArrayEquals(expected("Ret5-2.txt"), Files.readAllBytes(kit.resolve("trecoW1.txt")));
    }
}
