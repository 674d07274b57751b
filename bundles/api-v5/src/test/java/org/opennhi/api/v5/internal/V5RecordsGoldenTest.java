// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.After;
import org.junit.Test;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.fixtures.HealthHistory;
import org.opennhi.sim.card.fixtures.Person;

/**
 * The health-record reads (1.3–1.8, 1.10–1.12, 1.33, 1.41–1.44, 1.50) and 5.1/5.2 byte by byte: expected bytes
 * built from the fixture records at the manual's positions, the caller's buffer length honoured, and each error
 * condition the manual lists.
 */
public class V5RecordsGoldenTest {
    private static final String FULL = "900000000021";
    private static final String PIN_CARD = "900000000002";
    private static final String DOCTOR = "900000001001";
    /**
     * The fixture's critical illness C50911 packed by hand (docs/card-engine.md, "ICD-10 packing"): C=2, 5,
     * '0'=0, '9'=10, '1'=2, '1'=2, no 7th=0; n = (((((2·10+5)·36+0)·12+10)·12+2)·12+2)·37 = 57,596,642
     * = 1·82⁴ + 12,384,466 → LEAD[1] '"', then 22·82³ + 37·82² + 68·82 + 6 → '>' 'M' 'q' '(' in the 82-symbol
     * ASCII-ordered alphabet.
     */
    private static final String C50911_PACKED = "\">Mq(";
    private static final String PHARMACIST = "900000001002";
    private static final String V1 = "1141020093000";
    private static final String V2 = "1140905143000";
    private final World world = new World();
    private final V5Facade api = new V5Facade(world.engine, Optional::empty, "test");

    @After
    public void close() {
        world.close();
    }

    private static PinSource pin(String digits) {
        return purpose -> digits.toCharArray();
    }

    private HealthHistory history() {
        return world.cards.fixtures().history(FULL).orElseThrow();
    }

    private static String roc(LocalDate d) {
        return String.format("%03d%02d%02d", d.getYear() - 1911, d.getMonthValue(), d.getDayOfMonth());
    }

    private static String pad(String s, int n) {
        return String.format("%-" + n + "s", s);
    }

    private static void assertField(byte[] buf, int from, int to, String expected) {
        assertEquals("positions " + from + "–" + to, expected,
                new String(buf, from - 1, to - from + 1, StandardCharsets.ISO_8859_1));
    }

    private static String spaces(int n) {
        return " ".repeat(n);
    }

    private void doctor() throws NhiException {
        world.hpc(DOCTOR);
        world.engine.verifyHpcPin(pin("1234"));
    }

    private void pharmacist() throws NhiException {
        world.hpc(PHARMACIST);
        world.engine.verifyHpcPin(pin("5678"));
    }

    @FunctionalInterface
    interface Read {
        int call(byte[] buffer, int[] length);
    }

    /** The call with a buffer one byte short: 6018, buffer and length untouched. */
    private static void tooSmall(int full, Read read) {
        byte[] buf = new byte[full + 10];
        int[] len = {full - 1};
        assertEquals(6018, read.call(buf, len));
        assertEquals(full - 1, len[0]);
        assertArrayEquals(new byte[full + 10], buf);
    }

    private static byte[] ok(int full, Read read) {
        byte[] buf = new byte[full + 50];
        int[] len = {buf.length};
        assertEquals(0, read.call(buf, len));
        assertEquals(full, len[0]);
        return buf;
    }

    private static byte[] icd10Buffer(int size) {
        byte[] buf = new byte[size];
        System.arraycopy("[XXXXXXX]".getBytes(StandardCharsets.US_ASCII), 0, buf, 0, 9); // the manual's marker (§1.8)
        return buf;
    }

    @Test
    public void hisGetRegisterPrevent126() {
        world.hc(FULL);
        byte[] b = ok(126, api::hisGetRegisterPrevent);
        assertField(b, 1, 2, "03");
        assertField(b, 3, 9, "1140310");
        assertField(b, 10, 19, "7777777777");
        assertField(b, 20, 21, "21");
        assertField(b, 22, 23, "05");
        assertField(b, 24, 30, "1130815");
        assertField(b, 31, 40, "8888888888");
        assertField(b, 41, 42, "11");
        assertField(b, 43, 126, spaces(84));
        tooSmall(126, api::hisGetRegisterPrevent);
    }

    @Test
    public void holdersPinWhenEnabled() {
        world.hc(PIN_CARD);
        assertEquals("no PIN entry: cancelled", 5109, api.hisGetRegisterPrevent(new byte[126], new int[] {126}));
        V5Facade wrong = new V5Facade(world.engine, () -> Optional.of(pin("0000")), "test");
        assertEquals(5102, wrong.hisGetCumulativeData(new byte[134], new int[] {134}));
        V5Facade right = new V5Facade(world.engine, () -> Optional.of(pin("1234")), "test");
        byte[] b = ok(209, right::hisGetRegisterPregnant);
        assertField(b, 1, 209, spaces(209));
    }

    @Test
    public void hisGetRegisterPregnant209() {
        world.hc(FULL);
        byte[] b = ok(209, api::hisGetRegisterPregnant);
        assertField(b, 1, 7, "1140801");
        assertField(b, 8, 17, "7777777777");
        assertField(b, 18, 19, "41");
        assertField(b, 20, 26, "1140701");
        assertField(b, 37, 38, "42");
        assertField(b, 39, 45, "1140601");
        assertField(b, 46, 55, "8888888888");
        assertField(b, 56, 57, "43");
        assertField(b, 58, 209, spaces(152));
        tooSmall(209, api::hisGetRegisterPregnant);
    }

    @Test
    public void hisGetTreatmentNoNeedHPC498() {
        world.hc(FULL);
        Person p = world.person(FULL);
        byte[] b = ok(498, api::hisGetTreatmentNoNeedHPC);
        assertField(b, 1, 7, roc(p.issueDate()));
        assertField(b, 8, 14, roc(p.expiryDate()));
        assertField(b, 15, 21, roc(p.issueDate()));
        assertField(b, 22, 28, roc(p.expiryDate()));
        assertField(b, 29, 84, spaces(56));
        assertField(b, 85, 86, "01");
        assertField(b, 87, 87, " ");
        assertField(b, 88, 100, V1);
        assertField(b, 101, 101, "1");
        assertField(b, 102, 105, "0003");
        assertField(b, 106, 115, "7777777777");
        assertField(b, 116, 123, "00000450");
        assertField(b, 124, 131, "00000050");
        assertField(b, 132, 139, "00000000");
        assertField(b, 140, 146, "0000000");
        assertField(b, 147, 153, "0000000");
        assertField(b, 154, 155, "01");
        assertField(b, 157, 169, V2);
        assertField(b, 171, 174, "0002");
        assertField(b, 175, 184, "8888888888");
        assertField(b, 185, 192, "00000600");
        assertField(b, 193, 200, "00000100");
        assertField(b, 223, 498, spaces(276));
        tooSmall(498, api::hisGetTreatmentNoNeedHPC);
    }

    @Test
    public void hisGetCumulativeData134AndFee20() {
        world.hc(FULL);
        String year = String.format("%03d", LocalDate.now(World.TAIPEI).getYear() - 1911);
        byte[] b = ok(134, api::hisGetCumulativeData);
        assertField(b, 1, 3, year);
        assertField(b, 4, 7, "0002");
        assertField(b, 8, 17, "0000000900");
        assertField(b, 18, 27, "0000000000");
        assertField(b, 28, 35, "00000100");
        assertField(b, 36, 43, "00000000");
        assertField(b, 44, 51, "00000000");
        assertField(b, 52, 59, "00000100");
        assertField(b, 60, 67, "00000100");
        assertField(b, 68, 134, spaces(67));
        tooSmall(134, api::hisGetCumulativeData);
        byte[] f = ok(20, api::hisGetCumulativeFee);
        assertField(f, 1, 10, "0000000900");
        assertField(f, 11, 20, "0000000000");
        tooSmall(20, api::hisGetCumulativeFee);
    }

    @Test
    public void hisGetTreatmentNeedHPC372() throws Exception {
        world.hc(FULL);
        assertEquals(4014, api.hisGetTreatmentNeedHPC(new byte[372], new int[] {372}));
        world.hpc(DOCTOR);
        assertEquals(4042, api.hisGetTreatmentNeedHPC(new byte[372], new int[] {372}));
        world.engine.verifyHpcPin(pin("1234"));
        Person p = world.person(FULL);
        byte[] b = ok(372, api::hisGetTreatmentNeedHPC);
        assertField(b, 1, 5, C50911_PACKED);
        assertField(b, 6, 12, roc(p.issueDate()));
        assertField(b, 13, 19, roc(p.expiryDate()));
        assertField(b, 20, 24, "N185 ");
        assertField(b, 39, 114, spaces(76));
        assertField(b, 115, 127, V1);
        assertField(b, 128, 132, "J069 ");
        assertField(b, 133, 137, "#)F3N");
        assertField(b, 138, 142, "$<cEi");
        assertField(b, 143, 147, "I10  ");
        assertField(b, 148, 152, "M5416");
        assertField(b, 153, 157, spaces(5));
        assertField(b, 158, 170, V2);
        assertField(b, 171, 175, "$kyrB");
        assertField(b, 176, 180, "+40Nm");
        assertField(b, 181, 185, "J0110");
        assertField(b, 201, 372, spaces(172));
        tooSmall(372, api::hisGetTreatmentNeedHPC);
    }

    @Test
    public void hisGetTreatmentNeedHPC540InIcd10Mode() throws Exception {
        world.hc(FULL);
        doctor();
        Person p = world.person(FULL);
        byte[] b = icd10Buffer(600);
        int[] len = {600};
        assertEquals(0, api.hisGetTreatmentNeedHPC(b, len));
        assertEquals(540, len[0]);
        assertField(b, 1, 1, " ");
        assertField(b, 2, 8, "C50911 ");
        assertField(b, 9, 9, " ");
        assertField(b, 10, 16, roc(p.issueDate()));
        assertField(b, 17, 23, roc(p.expiryDate()));
        assertField(b, 24, 24, " ");
        assertField(b, 25, 31, "N185   ");
        assertField(b, 33, 39, roc(p.issueDate()));
        assertField(b, 47, 138, spaces(92));
        assertField(b, 139, 151, V1);
        assertField(b, 152, 152, " ");
        assertField(b, 153, 159, "J069   ");
        assertField(b, 160, 161, "  ");
        assertField(b, 162, 168, "E119   ");
        assertField(b, 171, 177, "G44201 ");
        assertField(b, 180, 186, "I10    ");
        assertField(b, 189, 195, "M5416  ");
        assertField(b, 198, 205, spaces(8));
        assertField(b, 206, 218, V2);
        assertField(b, 220, 226, "H401324");
        assertField(b, 229, 235, "S060X0A");
        assertField(b, 238, 244, "J0110  ");
        assertField(b, 245, 272, spaces(28));
        assertField(b, 273, 540, spaces(268));
        byte[] small = icd10Buffer(600);
        assertEquals(6018, api.hisGetTreatmentNeedHPC(small, new int[] {539}));
    }

    @Test
    public void aPharmacistGetsTheCriticalIllnessesBlank() throws Exception {
        world.hc(FULL);
        pharmacist();
        byte[] b = ok(372, api::hisGetTreatmentNeedHPC);
        assertField(b, 1, 114, spaces(114));
        assertField(b, 115, 127, V1);
        assertField(b, 133, 137, "#)F3N");
        byte[] i = icd10Buffer(540);
        int[] len = {540};
        assertEquals(0, api.hisGetTreatmentNeedHPC(i, len));
        assertEquals(540, len[0]);
        assertField(i, 1, 138, spaces(138));
        assertField(i, 162, 168, "E119   ");
        assertEquals(9100, api.hisGetCriticalIllness(new byte[114], new int[] {114}));
    }

    @Test
    public void hisReadPrescription() throws Exception {
        world.hc(FULL);
        HealthHistory h = history();
        byte[] o = new byte[3660];
        byte[] l = new byte[1320];
        byte[] i = new byte[360];
        byte[] a = new byte[120];
        int[] ol = {3660};
        int[] ll = {1320};
        int[] il = {360};
        int[] al = {120};
        assertEquals(4014, api.hisReadPrescription(o, ol, l, ll, i, il, a, al));
        doctor();
        int[] shortLong = {1319};
        assertEquals(6018, api.hisReadPrescription(o, ol, l, shortLong, i, il, a, al));
        assertArrayEquals("nothing written before the buffers are checked", new byte[3660], o);
        assertEquals(0, api.hisReadPrescription(o, ol, l, ll, i, il, a, al));
        assertEquals(3660, ol[0]);
        assertEquals(1320, ll[0]);
        assertEquals(360, il[0]);
        assertEquals(120, al[0]);
        assertField(o, 1, 13, V1);
        assertField(o, 14, 14, "1");
        assertField(o, 15, 26, "A046000100AB");
        assertField(o, 27, 32, spaces(6));
        assertField(o, 33, 50, pad("TID", 18));
        assertField(o, 51, 52, "07");
        assertField(o, 53, 59, "0021.00");
        assertField(o, 60, 61, "01");
        assertField(o, 62, 122, h.prescriptions().get(1));
        assertField(o, 184, 244, h.prescriptions().get(3));
        assertField(o, 3600, 3660, spaces(61));
        assertField(l, 1, 7, "1141020");
        assertField(l, 8, 17, "AC45678100");
        assertField(l, 18, 35, pad("QD", 18));
        assertField(l, 36, 37, "28");
        assertField(l, 38, 44, "0028.00");
        assertField(l, 1277, 1320, spaces(44));
        assertField(i, 1, 7, "1140905");
        assertField(i, 8, 17, "8888888888");
        assertField(i, 18, 23, "33072B");
        assertField(i, 24, 29, spaces(6));
        assertField(i, 30, 36, "0001.00");
        assertField(i, 325, 360, spaces(36));
        assertArrayEquals(pad("Penicillin", 40).getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(a, 0, 40));
        byte[] aspirin = Arrays.copyOf("阿斯匹靈 Aspirin".getBytes(Charset.forName("Big5")), 40);
        Arrays.fill(aspirin, "阿斯匹靈 Aspirin".getBytes(Charset.forName("Big5")).length, 40, (byte) ' ');
        assertArrayEquals(aspirin, Arrays.copyOfRange(a, 40, 80));
        assertField(a, 81, 120, spaces(40));
    }

    @Test
    public void hisReadPrescriptionForAPharmacist() throws Exception {
        world.hc(FULL);
        pharmacist();
        HealthHistory h = history();
        byte[] o = new byte[3660];
        byte[] i = new byte[360];
        int[] il = {360};
        assertEquals(0, api.hisReadPrescription(o, new int[] {3660}, new byte[1320], new int[] {1320}, i, il,
                new byte[120], new int[] {120}));
        assertField(o, 1, 61, h.prescriptions().get(0));
        assertField(o, 62, 122, spaces(61));
        assertField(o, 123, 183, h.prescriptions().get(2));
        assertField(o, 184, 244, spaces(61));
        assertEquals(360, il[0]);
        assertField(i, 1, 360, spaces(360));
    }

    @Test
    public void hisGetInoculateData1400() {
        world.hc(FULL);
        byte[] b = ok(1400, api::hisGetInoculateData);
        assertField(b, 1, 6, "FLU   ");
        assertField(b, 7, 13, "1141001");
        assertField(b, 14, 23, "7777777777");
        assertField(b, 24, 35, "FLU2025A0001");
        assertField(b, 36, 41, "COVID ");
        assertField(b, 59, 70, "MOD2024X1234");
        assertField(b, 1366, 1400, spaces(35));
        tooSmall(1400, api::hisGetInoculateData);
    }

    @Test
    public void hisGetOrganDonate1() {
        world.hc("900000000001");
        byte[] b = ok(1, api::hisGetOrganDonate);
        assertField(b, 1, 1, "1");
        tooSmall(1, api::hisGetOrganDonate);
        world.readers.remove(org.opennhi.contracts.reader.Slot.HC);
        world.hc(FULL);
        assertField(ok(1, api::hisGetOrganDonate), 1, 1, " ");
    }

    @Test
    public void hisGetCriticalIllness114And138() throws Exception {
        world.hc("900000000011");
        Person p = world.person("900000000011");
        byte[] dates = new byte[114];
        int[] len = {114};
        assertEquals("no HPC: the dates only", 5141, api.hisGetCriticalIllness(dates, len));
        assertEquals(114, len[0]);
        assertField(dates, 1, 5, spaces(5));
        assertField(dates, 6, 12, roc(p.issueDate()));
        assertField(dates, 13, 19, roc(p.expiryDate()));
        assertField(dates, 20, 24, spaces(5));
        assertField(dates, 39, 114, spaces(76));
        world.hpc(DOCTOR);
        assertEquals(4042, api.hisGetCriticalIllness(new byte[114], new int[] {114}));
        world.engine.verifyHpcPin(pin("1234"));
        byte[] b = ok(114, api::hisGetCriticalIllness);
        assertField(b, 1, 5, "C5000");
        assertField(b, 6, 12, roc(p.issueDate()));
        assertField(b, 13, 19, roc(p.expiryDate()));
        assertField(b, 20, 24, "N1850");
        assertField(b, 25, 31, roc(p.issueDate()));
        assertField(b, 32, 38, roc(p.expiryDate()));
        assertField(b, 39, 114, spaces(76));
        tooSmall(114, api::hisGetCriticalIllness);
        byte[] i = icd10Buffer(138);
        int[] il = {138};
        assertEquals(0, api.hisGetCriticalIllness(i, il));
        assertEquals(138, il[0]);
        assertField(i, 1, 23, " C5000   " + roc(p.issueDate()) + roc(p.expiryDate()));
        assertField(i, 24, 46, " N1850   " + roc(p.issueDate()) + roc(p.expiryDate()));
        assertField(i, 47, 138, spaces(92));
        assertEquals(6018, api.hisGetCriticalIllness(icd10Buffer(138), new int[] {137}));
    }

    @Test
    public void hisGetCriticalIllnessOfACancelledCard() throws Exception {
        world.hc("900000000005");
        doctor();
        assertEquals(5002, api.hisGetCriticalIllness(new byte[114], new int[] {114}));
    }

    @Test
    public void hisGetCriticalIllnessIDChecksTheHolder() throws Exception {
        world.hc(FULL);
        Person p = world.person(FULL);
        doctor();
        assertEquals(5020, api.hisGetCriticalIllnessID("A123456789", roc(p.birthDate()), new byte[114],
                new int[] {114}));
        assertEquals(5020, api.hisGetCriticalIllnessID(p.idNumber(), "0740101", new byte[114], new int[] {114}));
        assertEquals(6018, api.hisGetCriticalIllnessID(p.idNumber(), "74", new byte[114], new int[] {114}));
        byte[] i = icd10Buffer(200);
        int[] len = {200};
        assertEquals(0, api.hisGetCriticalIllnessID(p.idNumber() + "\0", roc(p.birthDate()) + "\0", i, len));
        assertEquals(138, len[0]);
        assertField(i, 1, 23, " C50911  " + roc(p.issueDate()) + roc(p.expiryDate()));
        byte[] plain = new byte[114];
        assertEquals(0, api.hisGetCriticalIllnessID(p.idNumber(), roc(p.birthDate()), plain, new int[] {114}));
        assertField(plain, 1, 5, C50911_PACKED);
        world.readers.remove(org.opennhi.contracts.reader.Slot.HPC);
        assertEquals(5141, api.hisGetCriticalIllnessID(p.idNumber(), roc(p.birthDate()), plain, new int[] {114}));
        pharmacist();
        assertEquals(9100, api.hisGetCriticalIllnessID(p.idNumber(), roc(p.birthDate()), plain, new int[] {114}));
    }

    @Test
    public void hisReadPrescriptMainByRange() throws Exception {
        world.hc(FULL);
        HealthHistory h = history();
        int[] count = {0};
        assertEquals(4014, api.hisReadPrescriptMain(new byte[3660], new int[] {3660}, 1, 60, count));
        doctor();
        byte[] b = new byte[3660];
        int[] len = {3660};
        assertEquals(0, api.hisReadPrescriptMain(b, len, 2, 3, count));
        assertEquals(122, len[0]);
        assertEquals(2, count[0]);
        assertField(b, 1, 61, h.prescriptions().get(1));
        assertField(b, 62, 122, h.prescriptions().get(2));
        assertEquals(0, api.hisReadPrescriptMain(b, len = new int[] {3660}, 1, 60, count));
        assertEquals(3660, len[0]);
        assertEquals(60, count[0]);
        for (int[] bad : new int[][] {{0, 1}, {1, 61}, {3, 2}, {-1, 5}}) {
            assertEquals(6018, api.hisReadPrescriptMain(b, new int[] {3660}, bad[0], bad[1], count));
        }
        assertEquals(6018, api.hisReadPrescriptMain(b, new int[] {121}, 2, 3, count));
        assertEquals(6018, api.hisReadPrescriptMain(b, new int[] {3660}, 1, 2, null));
    }

    @Test
    public void hisReadPrescriptMainForAPharmacist() throws Exception {
        world.hc(FULL);
        pharmacist();
        byte[] b = new byte[244];
        int[] count = {0};
        assertEquals(0, api.hisReadPrescriptMain(b, new int[] {244}, 1, 4, count));
        assertEquals(4, count[0]);
        assertField(b, 1, 61, history().prescriptions().get(0));
        assertField(b, 62, 122, spaces(61));
        assertField(b, 123, 183, history().prescriptions().get(2));
        assertField(b, 184, 244, spaces(61));
    }

    @Test
    public void hisReadPrescriptLongTermHveAllergic() throws Exception {
        world.hc(FULL);
        HealthHistory h = history();
        world.hpc(DOCTOR);
        int[] count = {0};
        assertEquals(4042, api.hisReadPrescriptLongTerm(new byte[44], new int[] {44}, 1, 1, count));
        world.engine.verifyHpcPin(pin("1234"));
        byte[] l = new byte[1320];
        int[] ll = {1320};
        assertEquals(0, api.hisReadPrescriptLongTerm(l, ll, 1, 30, count));
        assertEquals(1320, ll[0]);
        assertEquals(30, count[0]);
        assertField(l, 1, 44, h.longTermPrescriptions().get(0));
        assertEquals(6018, api.hisReadPrescriptLongTerm(l, new int[] {1320}, 1, 31, count));
        byte[] i = new byte[36];
        assertEquals(0, api.hisReadPrescriptHVE(i, new int[] {36}, 1, 1, count));
        assertEquals(1, count[0]);
        assertField(i, 1, 36, h.importantOrders().get(0));
        assertEquals(6018, api.hisReadPrescriptHVE(i, new int[] {36}, 1, 11, count));
        byte[] a = new byte[80];
        int[] al = {80};
        assertEquals(0, api.hisReadPrescriptAllergic(a, al, 2, 3, count));
        assertEquals(80, al[0]);
        assertEquals(2, count[0]);
        assertEquals("阿斯匹靈 Aspirin", new String(a, 0, 40, Charset.forName("Big5")).strip());
        assertField(a, 41, 80, spaces(40));
        assertEquals(6018, api.hisReadPrescriptAllergic(a, new int[] {80}, 1, 4, count));
        world.readers.remove(org.opennhi.contracts.reader.Slot.HPC);
        pharmacist();
        assertEquals(9100, api.hisReadPrescriptHVE(new byte[360], new int[] {360}, 1, 10, count));
        assertEquals(0, api.hisReadPrescriptAllergic(new byte[120], new int[] {120}, 1, 3, count));
        assertEquals(0, api.hisReadPrescriptLongTerm(new byte[44], new int[] {44}, 1, 1, count));
    }

    @Test
    public void icd10PackingFunctions() {
        byte[] out = new byte[8];
        Arrays.fill(out, (byte) 'z');
        // G44201 → "$<cEi", packed by hand in V5GoldenTest
        assertEquals(0, api.hisGetICD10EnC("G44201", out));
        assertArrayEquals("$<cEi\0zz".getBytes(StandardCharsets.US_ASCII), out);
        byte[] exact = new byte[5];
        // E119 by hand (docs/card-engine.md, "ICD-10 packing"): E=4, 1, '1'=1, '9'=10, then "none" (0) ×3;
        // n = ((((4·10+1)·36+1)·12+10)·12·12)·37 = 94,486,752 = 2·82⁴ + 4,062,400 → '#', then
        // 4,062,400 = 7·82³ + 30·82² + 13·82 + 38 → ')' 'F' '3' 'N'
        assertEquals(0, api.hisGetICD10EnC("E119\0", exact));
        assertArrayEquals("#)F3N".getBytes(StandardCharsets.US_ASCII), exact);
        assertEquals("a plain code is not packed", 9127, api.hisGetICD10EnC("J0110", new byte[8]));
        assertEquals(9127, api.hisGetICD10EnC("not a code", new byte[8]));
        assertEquals(6018, api.hisGetICD10EnC("G44201", new byte[4]));
        byte[] code = new byte[8];
        assertEquals(0, api.hisGetICD10DeC("$<cEi", code));
        assertArrayEquals("G44201\0\0".getBytes(StandardCharsets.US_ASCII), code);
        assertEquals(0, api.hisGetICD10DeC("+40Nm", code));
        assertEquals("S060X0A", new String(code, 0, 7, StandardCharsets.US_ASCII));
        assertEquals(9127, api.hisGetICD10DeC("J0110", new byte[8]));
        assertEquals(6018, api.hisGetICD10DeC("+40Nm", new byte[6]));
        for (String c : List.of("G44201", "O320XX0", "H401324", "E11", "V0001XA")) {
            byte[] packed = new byte[6];
            assertEquals(0, api.hisGetICD10EnC(c, packed));
            byte[] back = new byte[8];
            assertEquals(0, api.hisGetICD10DeC(new String(packed, 0, 5, StandardCharsets.US_ASCII), back));
            assertEquals(c, new String(back, 0, c.length(), StandardCharsets.US_ASCII));
        }
    }
}
