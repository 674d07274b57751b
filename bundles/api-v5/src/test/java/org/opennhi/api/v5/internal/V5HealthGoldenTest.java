// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import org.junit.After;
import org.junit.ClassRule;
import org.junit.Test;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.engine.testing.TestIdc;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.fixtures.Professional;

/**
 * The health-data writes (1.19–1.26, 1.46), the card update (1.30, 1.40), uploads (3.1–3.3) and the HPC
 * functions (4.1–4.8) through the 5.1.x facade: the bytes left on the card (read back over APDUs, outside the
 * engine), the returned buffers at the manual's positions, the caller's lengths, the documented codes.
 */
public class V5HealthGoldenTest {
    private static final Charset BIG5 = Charset.forName("Big5");
    @ClassRule
    public static final TestIdc IDC = new TestIdc();
    private final World world = new World();
    private final V5Facade api = new V5Facade(world.engine, Optional::empty, "/opt/nhi/LIB/cshis.dll");

    @After
    public void close() {
        world.close();
        System.clearProperty("opennhi.uploadFolder");
    }

    private static String roc(LocalDate d) {
        return String.format("%03d%02d%02d", d.getYear() - 1911, d.getMonthValue(), d.getDayOfMonth());
    }

    private static String today() {
        return roc(LocalDate.now(World.TAIPEI));
    }

    private String id(String card) {
        return world.person(card).idNumber() + "\0";
    }

    private String birth(String card) {
        return roc(world.person(card).birthDate()) + "\0";
    }

    /**
     * The area as the card holds it: SELECT, mutual authentication through the test SAM, GET DATA record by
     * record — the card profile's commands, not the engine's.
     */
    private byte[] onCard(int area, int recordLength, int records) throws Exception {
        try (CardSession s = world.readers.openSession(Slot.HC, Duration.ofSeconds(5))) {
            world.sam.authenticateCard(s);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int r = 1; r <= records; r++) {
                ResponseApdu a = s.transmit(new byte[] {0x00, (byte) 0xCA, 0x11, 0x00, 0x03, (byte) area, (byte) r,
                        0x01, (byte) recordLength});
                assertEquals(String.format("area %02X record %d", area, r), 0x9000, a.sw());
                out.writeBytes(a.data());
            }
            return out.toByteArray();
        }
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from - 1, to - from + 1, StandardCharsets.ISO_8859_1);
    }

    private static void assertField(byte[] buf, int from, int to, String expected) {
        assertEquals("positions " + from + "–" + to, expected, text(buf, from, to));
    }

    @Test
    public void hisWriteNewBorn119() throws Exception {
        world.hc("900000000001");
        String c = "900000000001";
        String born = roc(LocalDate.now(World.TAIPEI).minusDays(2));
        assertEquals(5052, api.hisWriteNewBorn(id(c), birth(c), born + "\0", "\0"));
        assertEquals(6018, api.hisWriteNewBorn(id(c), birth(c), "1150231\0", "1\0"));
        assertEquals(5020, api.hisWriteNewBorn("A123456789\0", birth(c), born, "1"));
        assertEquals(6018, api.hisWriteNewBorn("", birth(c), born, "1"));
        assertEquals(0, api.hisWriteNewBorn(id(c), birth(c), born + "\0", "1\0"));
        byte[] reg = onCard(0x02, 11, 1);
        assertField(reg, 1, 3, "013");
        assertField(reg, 4, 10, born);
        assertField(reg, 11, 11, "1");
        // 1.2 shows it at 71–78
        byte[] buf = new byte[78];
        assertEquals(0, api.hisGetRegisterBasic(buf, new int[] {78}));
        assertField(buf, 71, 78, born + "1");
    }

    @Test
    public void hisWriteAllergicMedicines120AndNum146() throws Exception {
        world.hc("900000000001");
        String c = "900000000001";
        String data = pad("AMOXICILLIN", 40) + pad("阿斯匹靈", 40) + pad("", 40);
        byte[] doc = new byte[11];
        assertEquals("no HPC", 4014, api.hisWriteAllergicMedicines(id(c), birth(c), data, doc));
        world.hpc("900000001001");
        assertEquals("PIN not verified", 4042, api.hisWriteAllergicMedicines(id(c), birth(c), data, doc));
        assertEquals(0, api.hpcVerifyHPCPIN(purpose -> "1234".toCharArray()));
        byte[] before = onCard(0x11, 40, 3);
        assertEquals("pBufferDocID too small: nothing written", 6018,
                api.hisWriteAllergicMedicines(id(c), birth(c), data, new byte[10]));
        assertEquals(6018, api.hisWriteAllergicMedicines(id(c), birth(c), data + "X", doc));
        assertEquals(5020, api.hisWriteAllergicMedicines("A123456789", birth(c), data, doc));
        assertArrayEquals(before, onCard(0x11, 40, 3));
        Arrays.fill(doc, (byte) 'x');
        assertEquals(0, api.hisWriteAllergicMedicines(id(c), birth(c), data + "\0", doc));
        Professional dr = world.cards.fixtures().professionals().get(0);
        assertField(doc, 1, 10, dr.idNumber());
        assertEquals("NUL after the id", 0, doc[10]);
        byte[] area = onCard(0x11, 40, 3);
        assertArrayEquals(big5(data, 120), area);

        assertEquals(6018, api.hisWriteAllergicNum(id(c), birth(c), "PENICILLIN", doc, 4));
        assertEquals(6018, api.hisWriteAllergicNum(id(c), birth(c), "PENICILLIN", doc, 0));
        assertEquals(6018, api.hisWriteAllergicNum(id(c), birth(c), pad("P", 41), doc, 2));
        assertEquals(0, api.hisWriteAllergicNum(id(c), birth(c), "PENICILLIN\0", doc, 3));
        area = onCard(0x11, 40, 3);
        assertArrayEquals(big5(data.substring(0, 80), 80), Arrays.copyOf(area, 80));
        assertField(area, 81, 120, pad("PENICILLIN", 40));

        world.hpc("900000001002"); // a pharmacist
        assertEquals(0, api.hpcVerifyHPCPIN(purpose -> "5678".toCharArray()));
        assertEquals(9100, api.hisWriteAllergicNum(id(c), birth(c), "X", doc, 1));
    }

    @Test
    public void organDonationPhoneAndInoculation() throws Exception {
        world.hc("900000000001");
        String c = "900000000001";
        assertEquals(5062, api.hisWriteOrganDonate(id(c), birth(c), "\0"));
        assertEquals(6018, api.hisWriteOrganDonate(id(c), birth(c), "12"));
        assertEquals(0, api.hisWriteOrganDonate(id(c), birth(c), "2\0"));
        assertField(onCard(0x04, 1, 1), 1, 1, "2");

        assertEquals(6018, api.hisWriteEmergentTel(id(c), birth(c), "0912345678901234"));
        assertEquals(0, api.hisWriteEmergentTel(id(c), birth(c), "0912345678\0"));
        assertField(onCard(0x03, 14, 1), 1, 14, "0912345678    ");
        byte[] buf = new byte[14];
        int[] len = {14};
        assertEquals(0, api.hisGetEmergentTel(buf, len));
        assertField(buf, 1, 14, "0912345678    ");

        assertEquals(6018, api.hisWriteInoculateData(id(c), birth(c), "1234567", "LOT"));
        assertEquals(0, api.hisWriteInoculateData(id(c), birth(c), "DTaP\0", "AB12345\0"));
        byte[] rec = onCard(0x0D, 35, 1);
        assertField(rec, 1, 6, "DTaP  ");
        assertField(rec, 7, 13, today());
        assertField(rec, 14, 23, "7777777777");
        assertField(rec, 24, 35, "AB12345     ");

        world.hc("900000000005");
        assertEquals(5002, api.hisWriteEmergentTel(id("900000000005"), birth("900000000005"), "0911"));
        assertEquals(5002, api.hisWriteInoculateData(id("900000000005"), birth("900000000005"), "MMR", "L1"));
        world.hc("900000000004");
        assertEquals(5003, api.hisWriteEmergentTel(id("900000000004"), birth("900000000004"), "0911"));
    }

    @Test
    public void preventiveCareAndPrenatal() throws Exception {
        world.hc("900000000008");
        String c = "900000000008";
        assertEquals(5083, api.hisWriteHealthInsurance(id(c), birth(c), "02\0", "21\0"));
        assertEquals(5083, api.hisWritePredeliveryCheckup(id(c), birth(c), "31\0"));
        byte[] seq = new byte[296];
        assertEquals(0, api.hisGetSeqNumber256("AC", " ", "1", seq, new int[] {296}));
        assertEquals(6018, api.hisWriteHealthInsurance(id(c), birth(c), "2", "21"));
        assertEquals(0, api.hisWriteHealthInsurance(id(c), birth(c), "02\0", "21\0"));
        byte[] care = onCard(0x0B, 21, 1);
        assertField(care, 1, 2, "02");
        assertField(care, 3, 9, today());
        assertField(care, 10, 19, "7777777777");
        assertField(care, 20, 21, "21");
        assertEquals(0, api.hisWritePredeliveryCheckup(id(c), birth(c), "31\0"));
        byte[] pre = onCard(0x0C, 19, 11);
        assertField(pre, 1, 7, today());
        assertField(pre, 8, 17, "7777777777");
        assertField(pre, 18, 19, "31");
        assertEquals(0, api.hisDeletePredeliveryData(id(c), birth(c)));
        assertEquals(" ".repeat(209), new String(onCard(0x0C, 19, 11), StandardCharsets.ISO_8859_1));

        world.hc("900000000001");
        assertEquals(5079, api.hisWritePredeliveryCheckup(id("900000000001"), birth("900000000001"), "31"));
        assertEquals(5079, api.hisDeletePredeliveryData(id("900000000001"), birth("900000000001")));
    }

    @Test
    public void cardUpdate130And140() throws Exception {
        world.idcRoute = IDC.client()::call;
        world.hc("900000000006");
        byte[] seq = new byte[296];
        assertEquals(5001, api.hisGetSeqNumber256("01", " ", "1", seq, new int[] {296}));
        assertEquals(0, api.csUpdateHCContents());
        assertField(onCard(0x01, 10, 1), 9, 10, "06");
        byte[] reg2 = new byte[9];
        assertEquals(0, api.hisGetRegisterBasic2(reg2, new int[] {9}));
        assertField(reg2, 8, 9, "06");
        assertEquals(0, api.hisGetSeqNumber256("01", " ", "1", seq, new int[] {296}));
        assertEquals(0, api.csUpdateHCNoReset());
        assertEquals("re-insert first", 4013, api.hisGetRegisterBasic2(reg2, new int[] {9}));
        world.readers.remove(Slot.HC);
        world.hc("900000000006");
        assertEquals(0, api.hisGetRegisterBasic2(reg2, new int[] {9}));
        assertField(reg2, 8, 9, "06");
        world.idcRoute = null;
        assertEquals(4061, api.csUpdateHCContents());
    }

    @Test
    public void uploadsAndTheReport() throws Exception {
        world.idcRoute = IDC.client()::call;
        Path dir = Files.createTempDirectory(world.dir, "his");
        world.engine.downloadFolder(dir.resolve("download"));
        System.setProperty("opennhi.uploadFolder", dir.toString()); // the HIS's upload folder (docs/card-engine.md)
        Path file = Files.writeString(dir.resolve("A1.xml"), "r1\nr2\n");
        byte[] size = cBuf("6", 21);
        byte[] number = cBuf("2", 21);
        byte[] buf = new byte[200];
        assertEquals("buffer too small: nothing sent", 6018, api.csUploadDataPrec(file.toString(), size, number, "4",
                buf, new int[] {179}));
        assertEquals(6017, api.csUploadData(dir.resolve("none.xml").toString(), size, number, buf, new int[] {50}));
        assertEquals(6015, api.csUploadData(file.toString(), cBuf("7", 21), number, buf, new int[] {50}));
        assertEquals(6018, api.csUploadData(file.toString(), cBuf("x", 21), number, buf, new int[] {50}));
        int[] len = {50};
        assertEquals(0, api.csUploadData(file.toString() + "\0", size, number, buf, len));
        assertEquals(50, len[0]);
        assertField(buf, 1, 12, IDC.client().samFile().samId());
        assertField(buf, 13, 22, "7777777777");
        assertTrue(text(buf, 23, 36).matches("\\d{14}"));
        assertTrue(text(buf, 37, 50).matches("\\d{14}"));
        assertEquals("6", V5Facade.cString(size));
        assertEquals("2", V5Facade.cString(number));

        len[0] = 200;
        assertEquals(0, api.csUploadDataPrec(file.toString(), size, number, "4\0", buf, len));
        assertEquals(180, len[0]);
        String random = text(buf, 51, 180);
        assertTrue(random.matches("[0-9A-F]{130}"));

        byte[] name = new byte[512];
        String samId = world.engine.sam().samId();
        assertEquals(6018, api.csDownloadData(samId, "7777777777", "2", text(buf, 23, 36), text(buf, 37, 50),
                random, new byte[1]));
        assertEquals(6018, api.csDownloadData("900099999999", "7777777777", "2", text(buf, 23, 36),
                text(buf, 37, 50), random, name));
        assertEquals(0, api.csDownloadData(samId, "7777777777", "2", text(buf, 23, 36), text(buf, 37, 50), random,
                name));
        Path report = Path.of(V5Facade.cString(name).trim());
        assertTrue(report.toString(), Files.readString(report).contains("\"receivedRecords\":2"));
    }

    @Test
    public void hpcFunctions41To48() {
        byte[] buf = new byte[64];
        int[] status = {9};
        assertEquals(0, api.hpcGetHPCStatus(1, status));
        assertEquals(0, status[0]);
        assertEquals(6018, api.hpcGetHPCStatus(2, status));
        assertEquals(4014, api.hpcGetHPCSN(buf, new int[] {64}));
        assertEquals(4014, api.hpcVerifyHPCPIN(purpose -> "1234".toCharArray()));
        world.hpc("900000001001");
        Professional dr = world.cards.fixtures().professionals().get(0);
        assertEquals(0, api.hpcGetHPCStatus(1, status));
        assertEquals(1, status[0]);
        int[] len = {11};
        assertEquals(6018, api.hpcGetHPCSN(buf, len));
        assertEquals("length untouched", 11, len[0]);
        len[0] = 12;
        assertEquals(0, api.hpcGetHPCSN(buf, len));
        assertEquals(12, len[0]);
        assertField(buf, 1, 12, dr.cardNumber());
        len[0] = 10;
        assertEquals(0, api.hpcGetHPCSSN(buf, len));
        assertField(buf, 1, 10, dr.idNumber());
        len[0] = 64;
        assertEquals(0, api.hpcGetHPCCNAME(buf, len));
        assertEquals(20, len[0]);
        assertArrayEquals(big5(dr.name(), 20), Arrays.copyOf(buf, 20));
        len[0] = 64;
        assertEquals(0, api.hpcGetHPCENAME(buf, len));
        assertEquals(20, len[0]);
        assertField(buf, 1, 20, pad(dr.englishName(), 20));
        assertEquals(6018, api.hpcGetHPCENAME(buf, new int[] {19}));
        assertEquals(5109, api.hpcVerifyHPCPIN());
        assertEquals(0, api.hpcVerifyHPCPIN(purpose -> "1234".toCharArray()));
        // 4.3: old PIN then the new one; 4.4: PUK then a new PIN
        assertEquals(0, api.hpcInputHPCPIN(purpose -> (purpose == org.opennhi.engine.PinSource.Purpose.HPC_PIN
                ? "1234" : "4321").toCharArray()));
        for (int i = 0; i < 3; i++) {
            assertEquals(i < 2 ? 5102 : 5122, api.hpcVerifyHPCPIN(purpose -> "0000".toCharArray()));
        }
        assertEquals(5122, api.hpcUnlockHPC(purpose -> (purpose == org.opennhi.engine.PinSource.Purpose.HPC_PUK
                ? "00000000" : "2468").toCharArray()));
        assertEquals(0, api.hpcUnlockHPC(purpose -> (purpose == org.opennhi.engine.PinSource.Purpose.HPC_PUK
                ? dr.puk() : "2468").toCharArray()));
        assertEquals(0, api.hpcVerifyHPCPIN(purpose -> "2468".toCharArray()));
        world.hpc("900000001003");
        assertEquals(9140, api.hpcVerifyHPCPIN(purpose -> "1111".toCharArray()));
    }

    private static String pad(String s, int n) {
        StringBuilder b = new StringBuilder(s);
        int bytes = s.getBytes(BIG5).length;
        for (int i = bytes; i < n; i++) {
            b.append(' ');
        }
        return b.toString();
    }

    private static byte[] big5(String s, int n) {
        byte[] b = s.getBytes(BIG5);
        byte[] out = Arrays.copyOf(b, n);
        Arrays.fill(out, Math.min(b.length, n), n, (byte) ' ');
        return out;
    }

    private static byte[] cBuf(String v, int n) {
        byte[] b = new byte[n];
        System.arraycopy(v.getBytes(StandardCharsets.US_ASCII), 0, b, 0, v.length());
        return b;
    }
}
