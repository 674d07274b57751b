// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.Test;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.sim.card.fixtures.HealthHistory;
import org.opennhi.sim.card.fixtures.Person;

/**
 * The health-record reads and the ICD-10 packing through the 3.5.x facade, at the 3.3 manual's positions (its
 * §1.10–1.12, §1.33, §1.41–1.44, §1.50, §5.1, §5.2 lay them out as 5.1.3 does), and under the 3.x port rule.
 * Expected bytes come from the fixture records, not from the engine.
 */
public class V3RecordsGoldenTest extends OpenedComTest {
    private static final String FULL = "900000000021";
    private static final String DOCTOR = "900000001001";
    private static final String PHARMACIST = "900000001002";

    private HealthHistory history() {
        return world.cards.fixtures().history(FULL).orElseThrow();
    }

    private void verified(String hpc, String pin) throws NhiException {
        world.hpc(hpc);
        world.engine.verifyHpcPin(purpose -> pin.toCharArray());
    }

    private static byte[] icd10Buffer(int size) {
        byte[] buf = new byte[size];
        System.arraycopy("[XXXXXXX]".getBytes(StandardCharsets.US_ASCII), 0, buf, 0, 9);
        return buf;
    }

    @Test
    public void section1_10To1_12And1_41To1_44AnswerOnlyAfterCsOpenCom() {
        world.hc(FULL);
        api.csCloseCom();
        byte[] b = new byte[3660];
        int[] count = {0};
        assertEquals(4000, api.hisGetOrganDonate(b, new int[] {1}));
        assertEquals(4000, api.hisReadPrescriptMain(b, new int[] {3660}, 1, 60, count));
        assertEquals(4000, api.hisGetICD10EnC("G44201", new byte[8]));
        assertEquals(4000, api.hisReadPrescription(b, new int[] {3660}, new byte[1320], new int[] {1320},
                new byte[360], new int[] {360}, new byte[120], new int[] {120}));
        assertEquals("nothing written", 0, b[0]);
    }

    @Test
    public void section1_10ReadsTheFourBuffers() throws Exception {
        world.hc(FULL);
        verified(DOCTOR, "1234");
        int[] sizes = {3660, 1320, 360, 120}; // §1.10: outpatient, long-term, important orders, allergic
        byte[][] buf = new byte[4][];
        int[][] len = new int[4][];
        for (int k = 0; k < 4; k++) {
            buf[k] = new byte[sizes[k]];
            len[k] = new int[] {sizes[k]};
        }
        assertEquals(0, api.hisReadPrescription(buf[0], len[0], buf[1], len[1], buf[2], len[2], buf[3], len[3]));
        assertArrayEquals(sizes, new int[] {len[0][0], len[1][0], len[2][0], len[3][0]});
        HealthHistory h = history();
        assertField(buf[0], 1, 122, h.prescriptions().get(0) + h.prescriptions().get(1));
        assertField(buf[1], 1, 44, h.longTermPrescriptions().get(0));
        assertField(buf[2], 1, 36, h.importantOrders().get(0));
        assertEquals("阿斯匹靈 Aspirin", new String(buf[3], 40, 40, Charset.forName("Big5")).strip());
        len[2][0] = 359;
        assertEquals("one buffer too small: 6018", 6018, api.hisReadPrescription(buf[0], len[0], buf[1], len[1],
                buf[2], len[2], buf[3], len[3]));
    }

    @Test
    public void section1_11And1_12() {
        world.hc(FULL);
        byte[] b = new byte[1400];
        int[] len = {1400};
        assertEquals(0, api.hisGetInoculateData(b, len));
        assertEquals(1400, len[0]);
        assertField(b, 1, 6, "FLU   ");
        assertField(b, 7, 13, "1141001");
        assertField(b, 14, 23, "7777777777");
        assertField(b, 24, 35, "FLU2025A0001");
        assertEquals(6018, api.hisGetInoculateData(new byte[1400], new int[] {1399}));
        world.readers.remove(org.opennhi.contracts.reader.Slot.HC);
        world.hc("900000000001");
        byte[] organ = new byte[1];
        assertEquals(0, api.hisGetOrganDonate(organ, new int[] {1}));
        assertField(organ, 1, 1, "1");
    }

    @Test
    public void section1_33And1_50In114And138Bytes() throws Exception {
        world.hc("900000000011");
        Person p = world.person("900000000011");
        byte[] dates = new byte[114];
        assertEquals("§1.33: no HPC, the dates only", 5141, api.hisGetCriticalIllness(dates, new int[] {114}));
        assertField(dates, 1, 5, "     ");
        assertField(dates, 6, 12, roc(p.issueDate()));
        verified(DOCTOR, "1234");
        byte[] b = new byte[114];
        assertEquals(0, api.hisGetCriticalIllness(b, new int[] {114}));
        assertField(b, 1, 5, "C5000");
        assertField(b, 20, 24, "N1850");
        byte[] i = icd10Buffer(138);
        int[] il = {138};
        assertEquals(0, api.hisGetCriticalIllness(i, il));
        assertEquals(138, il[0]);
        assertField(i, 1, 23, " C5000   " + roc(p.issueDate()) + roc(p.expiryDate()));
        world.readers.remove(org.opennhi.contracts.reader.Slot.HC);
        world.hc(FULL);
        Person f = world.person(FULL);
        assertEquals("§1.50: another holder", 5020, api.hisGetCriticalIllnessID("A123456789", roc(f.birthDate()),
                new byte[114], new int[] {114}));
        byte[] id = icd10Buffer(138);
        int[] idl = {138};
        assertEquals(0, api.hisGetCriticalIllnessID(f.idNumber(), roc(f.birthDate()), id, idl));
        assertEquals(138, idl[0]);
        assertField(id, 1, 23, " C50911  " + roc(f.issueDate()) + roc(f.expiryDate()));
    }

    @Test
    public void section1_41To1_44ByRange() throws Exception {
        world.hc(FULL);
        verified(DOCTOR, "1234");
        int[] count = {0};
        byte[] b = new byte[3660];
        int[] len = {3660};
        HealthHistory h = history();
        assertEquals(0, api.hisReadPrescriptMain(b, len, 2, 3, count));
        assertEquals(122, len[0]);
        assertEquals(2, count[0]);
        assertField(b, 1, 61, h.prescriptions().get(1));
        assertEquals(6018, api.hisReadPrescriptMain(b, new int[] {3660}, 1, 61, count));
        byte[] l = new byte[44];
        assertEquals(0, api.hisReadPrescriptLongTerm(l, new int[] {44}, 1, 1, count));
        assertField(l, 1, 44, h.longTermPrescriptions().get(0));
        byte[] a = new byte[40];
        assertEquals(0, api.hisReadPrescriptAllergic(a, new int[] {40}, 2, 2, count));
        assertEquals("阿斯匹靈 Aspirin", new String(a, 0, 40, Charset.forName("Big5")).strip());
        world.readers.remove(org.opennhi.contracts.reader.Slot.HPC);
        verified(PHARMACIST, "5678");
        assertEquals("§1.43: not for a pharmacist", 9100, api.hisReadPrescriptHVE(new byte[360], new int[] {360}, 1,
                10, count));
    }

    @Test
    public void section5_1And5_2() {
        byte[] out = new byte[8];
        // G44201 → "$<cEi", packed by hand in api-v5's V5GoldenTest
        assertEquals(0, api.hisGetICD10EnC("G44201", out));
        assertArrayEquals("$<cEi\0\0\0".getBytes(StandardCharsets.US_ASCII), out);
        assertEquals("a plain code is not packed", 9127, api.hisGetICD10EnC("J0110", new byte[8]));
        byte[] code = new byte[8];
        assertEquals(0, api.hisGetICD10DeC("$<cEi", code));
        assertArrayEquals("G44201\0\0".getBytes(StandardCharsets.US_ASCII), code);
        assertEquals(6018, api.hisGetICD10DeC("$<cEi", new byte[5]));
    }
}
