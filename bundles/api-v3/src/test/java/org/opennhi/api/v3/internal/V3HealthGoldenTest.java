// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.After;
import org.junit.ClassRule;
import org.junit.Test;
import org.opennhi.api.common.functions.CardEndpoints;
import org.opennhi.engine.testing.TestIdc;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.fixtures.Professional;

/**
 * The health data writes (3.3 manual §1.19–1.26, §1.46) and the upload (§3.1) through the 3.5.x facade: the
 * manual's parameters and codes, what the card then answers at the positions of the reads, 3.1's 50 bytes, and the
 * 3.x port rule. The 3.3 manual defines them as 5.1.3 does; the writes are read back through the facade's reads.
 */
public class V3HealthGoldenTest extends OpenedComTest {
    @ClassRule
    public static final TestIdc IDC = new TestIdc();
    @After
    public void forgetTheUploadFolder() {
        System.clearProperty("opennhi.uploadFolder");
    }

    private String id(String card) {
        return world.person(card).idNumber() + "\0";
    }

    private String birth(String card) {
        return roc(world.person(card).birthDate()) + "\0";
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from - 1, to - from + 1, StandardCharsets.ISO_8859_1);
    }

    @Test
    public void writesAnswer4000UntilCsOpenCom() {
        world.hc("900000000001");
        String c = "900000000001";
        api.csCloseCom();
        assertEquals(4000, api.hisWriteEmergentTel(id(c), birth(c), "0912345678\0"));
        assertEquals(4000, api.hisWriteOrganDonate(id(c), birth(c), "2\0"));
        assertEquals(4000, api.csUpdateHCContents());
        assertEquals(0, api.csOpenCom(0));
        byte[] tel = new byte[14];
        assertEquals(0, api.hisGetEmergentTel(tel, new int[] {14}));
        assertTrue("nothing was written while closed", !text(tel, 1, 14).startsWith("0912345678"));
    }

    @Test
    public void section1_19NewbornAt71To78Of1_2() {
        world.hc("900000000001");
        String c = "900000000001";
        String born = roc(LocalDate.now(World.TAIPEI).minusDays(2));
        assertEquals(5052, api.hisWriteNewBorn(id(c), birth(c), born + "\0", "\0"));
        assertEquals(5020, api.hisWriteNewBorn("A123456789\0", birth(c), born, "1"));
        assertEquals(0, api.hisWriteNewBorn(id(c), birth(c), born + "\0", "1\0"));
        byte[] buf = new byte[78];
        assertEquals(0, api.hisGetRegisterBasic(buf, new int[] {78}));
        assertField(buf, 71, 78, born + "1");
    }

    @Test
    public void section1_20And1_46ReturnTheDoctorsId() {
        world.hc("900000000001");
        String c = "900000000001";
        String data = String.format("%-40s%-40s%-40s", "AMOXICILLIN", "", "");
        byte[] doc = new byte[11];
        assertEquals("no HPC", 4014, api.hisWriteAllergicMedicines(id(c), birth(c), data, doc));
        world.hpc("900000001001");
        assertEquals(0, api.hpcVerifyHPCPIN(purpose -> "1234".toCharArray()));
        assertEquals("pBufferDocID under 11 bytes", 6018, api.hisWriteAllergicMedicines(id(c), birth(c), data,
                new byte[10]));
        assertEquals(0, api.hisWriteAllergicMedicines(id(c), birth(c), data + "\0", doc));
        Professional dr = world.cards.fixtures().professionals().get(0);
        assertField(doc, 1, 10, dr.idNumber());
        assertEquals("NUL after the id", 0, doc[10]);
        assertEquals(6018, api.hisWriteAllergicNum(id(c), birth(c), "PENICILLIN", doc, 4));
        assertEquals(0, api.hisWriteAllergicNum(id(c), birth(c), "PENICILLIN\0", doc, 3));
        byte[] allergic = new byte[120];
        int[] count = {0};
        assertEquals(0, api.hisReadPrescriptAllergic(allergic, new int[] {120}, 1, 3, count));
        assertField(allergic, 1, 40, String.format("%-40s", "AMOXICILLIN"));
        assertField(allergic, 81, 120, String.format("%-40s", "PENICILLIN"));
    }

    @Test
    public void section1_21And1_23And1_26() {
        world.hc("900000000001");
        String c = "900000000001";
        assertEquals(5062, api.hisWriteOrganDonate(id(c), birth(c), "\0"));
        assertEquals(0, api.hisWriteOrganDonate(id(c), birth(c), "2\0"));
        byte[] organ = new byte[1];
        assertEquals(0, api.hisGetOrganDonate(organ, new int[] {1}));
        assertField(organ, 1, 1, "2");
        assertEquals(6018, api.hisWriteEmergentTel(id(c), birth(c), "0912345678901234"));
        assertEquals(0, api.hisWriteEmergentTel(id(c), birth(c), "0912345678\0"));
        byte[] tel = new byte[14];
        assertEquals(0, api.hisGetEmergentTel(tel, new int[] {14}));
        assertField(tel, 1, 14, "0912345678    ");
        assertEquals(0, api.hisWriteInoculateData(id(c), birth(c), "DTaP\0", "AB12345\0"));
        byte[] shots = new byte[1400];
        assertEquals(0, api.hisGetInoculateData(shots, new int[] {1400}));
        String today = roc(LocalDate.now(World.TAIPEI));
        assertTrue("the new record at a 35-byte boundary", new String(shots, StandardCharsets.ISO_8859_1)
                .contains("DTaP  " + today + "7777777777AB12345     "));
    }

    @Test
    public void section1_24And1_25PrenatalChecks() {
        world.hc("900000000008");
        String c = "900000000008";
        assertEquals(5083, api.hisWritePredeliveryCheckup(id(c), birth(c), "31\0"));
        assertEquals(0, api.hisGetSeqNumber256("AC", " ", "1", new byte[296], new int[] {296}));
        assertEquals(0, api.hisWritePredeliveryCheckup(id(c), birth(c), "31\0"));
        byte[] pre = new byte[209];
        assertEquals(0, api.hisGetRegisterPregnant(pre, new int[] {209}));
        assertField(pre, 1, 19, roc(LocalDate.now(World.TAIPEI)) + "7777777777" + "31");
        assertEquals(0, api.hisDeletePredeliveryData(id(c), birth(c)));
        assertEquals(0, api.hisGetRegisterPregnant(pre, new int[] {209}));
        assertEquals(" ".repeat(209), new String(pre, StandardCharsets.ISO_8859_1));
        world.hc("900000000001");
        assertEquals(5079, api.hisDeletePredeliveryData(id("900000000001"), birth("900000000001")));
    }

    @Test
    public void section3_1Uploads50Bytes() throws Exception {
        world.idcRoute = IDC.client()::call;
        Path dir = Files.createTempDirectory(world.dir, "his");
        System.setProperty("opennhi.uploadFolder", dir.toString()); // the HIS's upload folder (docs/card-engine.md)
        Path file = Files.writeString(dir.resolve("A1.xml"), "r1\nr2\n");
        byte[] size = cBuf("6");
        byte[] number = cBuf("2");
        byte[] buf = new byte[60];
        assertEquals("buffer too small: nothing sent", 6018, api.csUploadData(file.toString(), size, number, buf,
                new int[] {49}));
        assertEquals(6017, api.csUploadData(dir.resolve("none.xml").toString(), size, number, buf, new int[] {50}));
        int[] len = {60};
        assertEquals(0, api.csUploadData(file.toString() + "\0", size, number, buf, len));
        assertEquals(50, len[0]);
        // §3.1: SAM id 1–12, hospital 13–22, upload and receive date-times 23–36 and 37–50
        assertField(buf, 1, 22, IDC.client().samFile().samId() + "7777777777");
        assertTrue(text(buf, 23, 50), text(buf, 23, 50).matches("\\d{28}"));
        assertEquals("the IDC's size and count", "6/2", CardEndpoints.cString(size) + "/"
                + CardEndpoints.cString(number));
    }

    private static byte[] cBuf(String v) {
        byte[] b = new byte[21];
        System.arraycopy(v.getBytes(StandardCharsets.US_ASCII), 0, b, 0, v.length());
        return b;
    }
}
