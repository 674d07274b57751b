// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.opennhi.api.common.functions.Icd10Codes;
import org.opennhi.contracts.platform.AuditRecord;
import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.RecordArea;
import org.opennhi.sim.card.fixtures.Person;

/**
 * The 3.5.x facade byte by byte where 3.x differs from 5.1 — the port rule (4000 until csOpenCom, −1 for a
 * port without the reader), the 3.5.x version code, 1.9's 128 raw signature bytes — and the 3.3 manual's
 * layouts and codes of the functions a 3.x HIS calls at the desk. Expected bytes come from the fixture
 * records, not from the engine.
 */
public class V3GoldenTest extends OpenedComTest {
    private static final Charset BIG5 = Charset.forName("Big5");

    private static String pad(String s, int n) {
        return String.format("%-" + n + "s", s);
    }

    private static byte[] big5(String s, int n) {
        byte[] b = s.getBytes(BIG5);
        byte[] out = Arrays.copyOf(b, n);
        Arrays.fill(out, b.length, n, (byte) ' ');
        return out;
    }

    private static void assertField(byte[] buf, int from, int to, byte[] expected) {
        assertArrayEquals("positions " + from + "–" + to, expected, Arrays.copyOfRange(buf, from - 1, to));
    }

    @Test
    public void everyReaderFunctionAnswers4000UntilCsOpenCom() {
        world.hc("900000000001").hpc("900000001001");
        api.csCloseCom();
        byte[] buf = new byte[400];
        assertEquals(4000, api.hisGetBasicData(buf, new int[] {400}));
        assertEquals(4000, api.hisGetSeqNumber("01", " ", buf, new int[] {400}));
        assertEquals(4000, api.hisGetRegisterBasic2(buf, new int[] {400}));
        assertEquals(4000, api.hisGetCardStatus(2));
        assertEquals(4000, api.csISSetPIN());
        assertEquals(4000, api.csVerifySAMDC());
        assertEquals(4000, api.csGetHospID(buf, new int[] {400}));
        assertEquals(4000, api.hpcGetHPCStatus(1, new int[1]));
        assertEquals(4000, api.csSoftwareReset(0));
        assertEquals("no buffer written", 0, buf[0]);
        assertEquals("the version needs no reader", 3530, api.csGetVersionEx(new byte[64]));
        assertEquals("COM2 holds no reader", -1, api.csOpenCom(1));
        assertEquals(4000, api.hisGetBasicData(buf, new int[] {400}));
        assertEquals(0, api.csOpenCom(0));
        assertEquals(0, api.hisGetBasicData(buf, new int[] {400}));
    }

    @Test
    public void csOpenComIsMinusOneWhenTheReaderCannotBeReached() {
        api.csCloseCom();
        readers.status = ReaderStatus.offline("serial port /dev/ttyS0 cannot be opened: in use by another program");
        assertEquals(-1, api.csOpenCom(0));
        assertEquals(4000, api.hisGetCardStatus(1));
        assertEquals(-1, api.csOpenCom(-1));
        assertEquals(-1, api.csOpenCom(255));
    }

    @Test
    public void csGetVersionExReports3530AndTheLibrary() {
        byte[] path = new byte[64];
        assertEquals(3530, api.csGetVersionEx(path));
        assertTrue(new String(path, StandardCharsets.UTF_8).startsWith("C:\\NHI\\LIB\\csHis30.dll\0"));
    }

    @Test
    public void hisGetSeqNumber167WithTheRawSignature() {
        world.hc("900000000001");
        Person p = world.person("900000000001");
        byte[] buf = new byte[168];
        int[] len = {168};
        assertEquals(6018, api.hisGetSeqNumber("01", " ", buf, new int[] {166}));
        assertEquals(0, api.hisGetSeqNumber("01\0", " \0", buf, len));
        assertEquals(167, len[0]);
        String text = new String(buf, StandardCharsets.ISO_8859_1);
        assertTrue("就診日期時間 1–13", text.substring(0, 13).matches("\\d{13}"));
        assertField(buf, 14, 17, String.format("%04d", p.visitsThisYear() + 1));
        assertField(buf, 18, 27, "7777777777");
        // 28–155: the SAM's 128 raw RSA bytes over date-time, number, hospital, card number and SAM id
        byte[] signed = (text.substring(0, 27) + p.cardNumber() + "900077777777").getBytes(StandardCharsets.US_ASCII);
        assertTrue(world.sam.verifies(SignatureType.VISIT_RAW, signed, Arrays.copyOfRange(buf, 27, 155)));
        assertField(buf, 156, 167, "900077777777");
        assertEquals("no trailing NUL", 0, buf[167]);
        byte[] last = new byte[7];
        assertEquals(0, api.hisGetLastSeqNum(last, new int[] {7}));
        assertField(last, 4, 7, String.format("%04d", p.visitsThisYear() + 1));
    }

    @Test
    public void hisGetSeqNumberCodesOfThe33Manual() {
        byte[] buf = new byte[167];
        assertEquals(4013, api.hisGetSeqNumber("01", " ", buf, new int[] {167}));
        world.hc("900000000005");
        assertEquals(5002, api.hisGetSeqNumber("01", " ", buf, new int[] {167}));
        world.hc("900000000004");
        assertEquals(5003, api.hisGetSeqNumber("01", " ", buf, new int[] {167}));
        world.hc("900000000006");
        assertEquals(5001, api.hisGetSeqNumber("01", " ", buf, new int[] {167}));
        world.hc("900000000013");
        assertEquals(5004, api.hisGetSeqNumber("01", "Y", buf, new int[] {167}));
        world.hc("900000000014");
        assertEquals(5081, api.hisGetSeqNumber("ZA", " ", buf, new int[] {167}));
        assertEquals(4061, api.hisGetSeqNumber("05", " ", buf, new int[] {167}));
        assertEquals(6018, api.hisGetSeqNumber("1", " ", buf, new int[] {167}));
    }

    @Test
    public void hisGetBasicData72() {
        world.hc("900000000001");
        Person p = world.person("900000000001");
        byte[] buf = new byte[100];
        int[] len = {100};
        assertEquals(0, api.hisGetBasicData(buf, len));
        assertEquals(72, len[0]);
        assertField(buf, 1, 12, p.cardNumber());
        assertField(buf, 13, 32, big5(p.name(), 20));
        assertField(buf, 33, 42, p.idNumber());
        assertField(buf, 43, 49, roc(p.birthDate()));
        assertField(buf, 50, 50, String.valueOf(p.sex()));
        assertField(buf, 51, 57, roc(p.issueDate()));
        assertField(buf, 58, 58, "1");
        assertField(buf, 59, 72, pad("0223456789", 14));
        assertEquals(0, buf[72]);
        assertEquals(6018, api.hisGetBasicData(new byte[71], new int[] {71}));
    }

    @Test
    public void hisGetRegisterBasic78And2() {
        world.hc("900000000002");
        Person p = world.person("900000000002");
        byte[] buf = new byte[78];
        assertEquals(5109, api.hisGetRegisterBasic(buf, new int[] {78}));
        int[] len = {78};
        assertEquals(0, api.hisGetRegisterBasic(buf, len, purpose -> "1234".toCharArray()));
        assertEquals(78, len[0]);
        assertField(buf, 1, 12, p.cardNumber());
        assertField(buf, 58, 58, "1");
        assertField(buf, 62, 68, roc(p.expiryDate()));
        assertField(buf, 69, 70, String.format("%02d", p.visitsLeft()));
        byte[] two = new byte[9];
        assertEquals(0, api.hisGetRegisterBasic2(two, new int[] {9}));
        assertField(two, 1, 7, roc(p.expiryDate()));
        assertField(two, 8, 9, String.format("%02d", p.visitsLeft()));
    }

    @Test
    public void treatmentIdsWithoutTheIdc() {
        world.hc("900000000001");
        assertEquals("1.53: no treatment id without the IDC", 5174,
                api.hisGetSeqNumber256N1("01", " ", "1", new byte[316], new int[] {316}));
        assertEquals(6018, api.hisGetSeqNumber256N1("01", " ", "1", new byte[315], new int[] {315}));
    }

    @Test
    public void samAndCardNumbers() {
        byte[] buf = new byte[64];
        int[] len = {64};
        assertEquals(0, api.csGetHospID(buf, len));
        assertEquals(10, len[0]);
        assertField(buf, 1, 10, "7777777777");
        len[0] = 64;
        assertEquals(0, api.csGetCardNo(1, buf, len));
        assertField(buf, 1, 12, "900077777777");
        assertEquals(6018, api.csGetCardNo(4, buf, new int[] {64}));
        assertEquals(2, api.hisGetCardStatus(1));
        assertEquals(0, api.hisGetCardStatus(2));
        assertEquals(6018, api.hisGetCardStatus(7));
        len[0] = 64;
        assertEquals(0, api.csGetDateTime(buf, len));
        assertEquals(13, len[0]);
    }

    /** The 3.3 manual defines 1.16's ICD-10-CM form as 5.1.3 does (§1.16): packed before it reaches the card. */
    @Test
    public void hisWriteTreatmentCodeTakesTheIcd10FormOfThe33Manual() throws Exception {
        world.hc("900000000001").doctor();
        Person p = world.person("900000000001");
        byte[] buf = new byte[296];
        assertEquals(0, api.hisGetSeqNumber256("01", " ", "1", buf, new int[] {296}));
        String dt = new String(buf, 0, 13, StandardCharsets.US_ASCII);
        String icd10 = "0[G44201 ][J0110  ][       ][       ][       ][       ]";
        assertEquals(0, api.hisWriteTreatmentCode(dt, p.idNumber(), roc(p.birthDate()), icd10, new byte[11]));
        byte[] diagnoses = world.engine.readRecords(RecordArea.DIAGNOSES, PinSource.none());
        assertField(diagnoses, 1, 13, dt);
        assertField(diagnoses, 14, 18, Icd10Codes.pack("G44201"));
        assertField(diagnoses, 19, 23, "J0110");
    }

    /** 1.48 is a function of its own (3.3 manual §1.48): its audit record names it, not 1.49. */
    @Test
    public void hisWritePrescriptionSignIsAuditedUnderItsOwnName() {
        List<AuditRecord> records = new ArrayList<>();
        PlatformEvents sink = new PlatformEvents() {
            @Override
            public void publish(PlatformEvent event) {
            }

            @Override
            public void record(AuditRecord record) {
                records.add(record);
            }
        };
        V3Facade audited = new V3Facade(world.engine, Optional::empty, "x", port, V3Component.audit(() -> sink));
        assertEquals(6018, audited.hisWritePrescriptionSign("not a date", "A123456789", "0700101", "x",
                new byte[40], new int[] {40}));
        assertEquals(1, records.size());
        assertEquals("hisWritePrescriptionSign", records.get(0).function());
        assertEquals("1.48", records.get(0).number());
    }
}
