// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import org.junit.After;
import org.junit.Test;
import org.opennhi.api.common.functions.Icd10Codes;
import org.opennhi.engine.RecordArea;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.fixtures.Person;
import org.opennhi.sim.card.fixtures.Professional;

/**
 * The 5.1.x buffers byte by byte for fixture persons, with the expected bytes built from the fixture records
 * (not from the engine), and the documented codes of each error condition.
 */
public class V5GoldenTest {
    private static final Charset BIG5 = Charset.forName("Big5");
    private final World world = new World();
    private final V5Facade api = new V5Facade(world.engine, Optional::empty, "/opt/nhi/LIB/cshis.dll");

    @After
    public void close() {
        world.close();
    }

    private static String roc(LocalDate d) {
        return d == null ? "       " : String.format("%03d%02d%02d", d.getYear() - 1911, d.getMonthValue(),
                d.getDayOfMonth());
    }

    private static String pad(String s, int n) {
        return String.format("%-" + n + "s", s);
    }

    private static byte[] big5(String s, int n) {
        byte[] b = s.getBytes(BIG5);
        byte[] out = Arrays.copyOf(b, n);
        Arrays.fill(out, b.length, n, (byte) ' ');
        return out;
    }

    private static void assertField(byte[] buf, int from, int to, String expected) {
        assertEquals("positions " + from + "–" + to, expected,
                new String(buf, from - 1, to - from + 1, StandardCharsets.ISO_8859_1));
    }

    private static void assertField(byte[] buf, int from, int to, byte[] expected) {
        assertArrayEquals("positions " + from + "–" + to, expected, Arrays.copyOfRange(buf, from - 1, to));
    }

    private void assertBasic(byte[] b, Person p) {
        assertField(b, 1, 12, p.cardNumber());
        assertField(b, 13, 32, big5(p.name(), 20));
        assertField(b, 33, 42, p.idNumber());
        assertField(b, 43, 49, roc(p.birthDate()));
        assertField(b, 50, 50, String.valueOf(p.sex()));
        assertField(b, 51, 57, roc(p.issueDate()));
        assertField(b, 58, 58, p.cancelled() ? "2" : "1");
    }

    @Test
    public void hisGetBasicData72() {
        world.hc("900000000001");
        Person p = world.person("900000000001");
        byte[] buf = new byte[100];
        int[] len = {100};
        assertEquals(0, api.hisGetBasicData(buf, len));
        assertEquals(72, len[0]);
        assertBasic(buf, p);
        assertField(buf, 59, 72, pad("0223456789", 14));
        assertEquals("nothing after the answer (no trailing NUL)", 0, buf[72]);
    }

    @Test
    public void bufferLengthRules() {
        world.hc("900000000001");
        byte[] small = new byte[71];
        int[] len = {71};
        assertEquals(6018, api.hisGetBasicData(small, len));
        assertEquals("length untouched", 71, len[0]);
        byte[] buf = new byte[72];
        int[] wide = {0x7A0000 | 72};   // only the low 16 bits count; the high ones stay as the caller left them
        assertEquals(0, api.hisGetBasicData(buf, wide));
        assertEquals(0x7A0000 | 72, wide[0]);
        int[] lies = {200};             // a length larger than the array is capped by the array
        assertEquals(0, api.hisGetBasicData(buf, lies));
        assertEquals(72, lies[0]);
    }

    @Test
    public void noCardCodes() {
        byte[] buf = new byte[400];
        assertEquals(4013, api.hisGetBasicData(buf, new int[] {400}));
        assertEquals(4013, api.hisGetRegisterBasic2(buf, new int[] {400}));
        assertEquals(4013, api.hisGetSeqNumber256("01", " ", "1", buf, new int[] {400}));
        assertEquals(0, api.hisGetCardStatus(2));
        assertEquals(4014, api.hpcGetHPCSN(buf, new int[] {400}));
    }

    @Test
    public void hisGetRegisterBasic78WithPin() {
        world.hc("900000000002");
        Person p = world.person("900000000002");
        byte[] buf = new byte[78];
        assertEquals(5109, api.hisGetRegisterBasic(buf, new int[] {78}));
        assertEquals(5102, api.hisGetRegisterBasic(buf, new int[] {78}, purpose -> "4321".toCharArray()));
        int[] len = {78};
        assertEquals(0, api.hisGetRegisterBasic(buf, len, purpose -> "1234".toCharArray()));
        assertEquals(78, len[0]);
        assertBasic(buf, p);
        assertField(buf, 59, 60, "01");
        assertField(buf, 61, 61, "3");
        assertField(buf, 62, 68, roc(p.expiryDate()));
        assertField(buf, 69, 70, String.format("%02d", p.visitsLeft()));
        assertField(buf, 71, 77, roc(p.newbornBirthDate()));
        assertField(buf, 78, 78, " ");
        assertEquals(4, api.hisGetCardStatus(2));
    }

    @Test
    public void hisGetRegisterBasic2NeverAsksThePin() {
        world.hc("900000000002");
        Person p = world.person("900000000002");
        byte[] buf = new byte[9];
        int[] len = {9};
        assertEquals(0, api.hisGetRegisterBasic2(buf, len));
        assertField(buf, 1, 7, roc(p.expiryDate()));
        assertField(buf, 8, 9, String.format("%02d", p.visitsLeft()));
    }

    @Test
    public void newbornDependant() {
        world.hc("900000000012");
        Person p = world.person("900000000012");
        byte[] buf = new byte[78];
        assertEquals(0, api.hisGetRegisterBasic(buf, new int[] {78}));
        assertField(buf, 71, 77, roc(p.newbornBirthDate()));
        assertField(buf, 78, 78, String.valueOf(p.newbornCount()));
    }

    @Test
    public void hisGetSeqNumber256Layout() {
        world.hc("900000000001");
        Person p = world.person("900000000001");
        byte[] buf = new byte[296];
        int[] len = {296};
        assertEquals(0, api.hisGetSeqNumber256("01\0", " \0", "1", buf, len));
        assertEquals(296, len[0]);
        String text = new String(buf, StandardCharsets.ISO_8859_1);
        assertTrue(text.substring(0, 13).matches("\\d{13}"));
        assertField(buf, 14, 17, String.format("%04d", p.visitsThisYear() + 1));
        assertField(buf, 18, 27, "7777777777");
        assertTrue("printable signature", text.substring(27, 283).matches("[0-9A-F]{256}"));
        byte[] signed = (text.substring(0, 27) + p.cardNumber() + "900077777777").getBytes(StandardCharsets.US_ASCII);
        assertTrue(world.sam.verifies(SignatureType.VISIT_PRINTABLE, signed, Arrays.copyOfRange(buf, 27, 283)));
        assertField(buf, 284, 295, "900077777777");
        assertField(buf, 296, 296, "N");
        assertEquals(0, api.hisGetSeqNumber256("01", " ", "1", buf, len));
        assertField(buf, 296, 296, "Y");
        byte[] last = new byte[7];
        assertEquals(0, api.hisGetLastSeqNum(last, new int[] {7}));
        assertField(last, 4, 7, String.format("%04d", p.visitsThisYear() + 2));
    }

    @Test
    public void hisGetSeqNumber167() {
        world.hc("900000000001");
        byte[] buf = new byte[167];
        int[] len = {167};
        byte[] before = new byte[7];
        assertEquals(0, api.hisGetLastSeqNum(before, new int[] {7}));
        assertEquals(6018, api.hisGetSeqNumber("01", " ", buf, new int[] {166}));
        byte[] after = new byte[7];
        assertEquals(0, api.hisGetLastSeqNum(after, new int[] {7}));
        assertArrayEquals("a buffer too small takes no visit", before, after);
        assertEquals(0, api.hisGetSeqNumber("01", " ", buf, len));
        assertEquals(167, len[0]);
        assertField(buf, 18, 27, "7777777777");
        assertField(buf, 156, 167, "900077777777");
    }

    @Test
    public void seqNumberErrorCodes() {
        byte[] buf = new byte[296];
        world.hc("900000000005");
        assertEquals(5002, api.hisGetSeqNumber256("01", " ", "1", buf, new int[] {296}));
        world.hc("900000000004");
        assertEquals(5003, api.hisGetSeqNumber256("01", " ", "1", buf, new int[] {296}));
        world.hc("900000000006");
        assertEquals(5001, api.hisGetSeqNumber256("01", " ", "1", buf, new int[] {296}));
        world.hc("900000000013");
        assertEquals(5004, api.hisGetSeqNumber256("01", "Y", "1", buf, new int[] {296}));
        world.hc("900000000014");
        assertEquals(5081, api.hisGetSeqNumber256("ZA", " ", "1", buf, new int[] {296}));
        assertEquals(6018, api.hisGetSeqNumber256("1", " ", "1", buf, new int[] {296}));
        assertEquals(4061, api.hisGetSeqNumber256("05", " ", "1", buf, new int[] {296}));
        assertEquals(5174, api.hisGetSeqNumber256N1("01", " ", "1", new byte[316], new int[] {316}));
    }

    @Test
    public void undoVisitCodes() {
        world.hc("900000000001");
        byte[] buf = new byte[296];
        assertEquals(0, api.hisGetSeqNumber256("01", " ", "1", buf, new int[] {296}));
        String dt = new String(buf, 0, 13, StandardCharsets.US_ASCII);
        assertEquals(6018, api.csUnGetSeqNumber("12345"));
        assertEquals(5150, api.csUnGetSeqNumber("1000101120000\0"));
        assertEquals(0, api.csUnGetSeqNumber(dt + "\0"));
        assertEquals(5153, api.csUnGetSeqNumber(dt));
    }

    @Test
    public void writesWithTheirCodes() throws Exception {
        world.hc("900000000001").doctor();
        Person p = world.person("900000000001");
        Professional doc = world.cards.fixtures().professionals().get(0);
        byte[] buf = new byte[296];
        assertEquals(0, api.hisGetSeqNumber256("01", " ", "1", buf, new int[] {296}));
        String dt = new String(buf, 0, 13, StandardCharsets.US_ASCII);
        String id = p.idNumber();
        String birth = roc(p.birthDate());
        String data = "0" + pad("J0110", 5) + pad("J0300", 5) + " ".repeat(20)
                + "00000450" + "00000050" + "00000000" + "0000000" + "0000000";
        byte[] docId = new byte[11];
        assertEquals(0, api.hisWriteTreatmentData(dt, id, birth, data, docId));
        assertField(docId, 1, 10, doc.idNumber());
        assertEquals(0, docId[10]);
        assertEquals(5020, api.hisWriteTreatmentData(dt, "A123456789", birth, data, docId));
        assertEquals(5022, api.hisWriteTreatmentFee("1000101120000", id, birth, data.substring(31)));
        // ICD-10 mode: six bracketed codes, packed (5.1) before they reach the card; one outside the range is 9127
        String icd10 = "0[G44201 ][J0110  ][       ][       ][       ][       ]";
        assertEquals(0, api.hisWriteTreatmentCode(dt, id, birth, icd10, docId));
        byte[] diagnoses = world.engine.readRecords(RecordArea.DIAGNOSES, PinSource.none());
        assertEquals(dt, new String(diagnoses, 0, 13, StandardCharsets.US_ASCII));
        // G44201 by hand (docs/card-engine.md, "ICD-10 packing"): G=6, 4, '4'=4, '2'=3, '0'=1, '1'=2, no 7th=0;
        // n = (((((6·10+4)·36+4)·12+3)·12+1)·12+2)·37 = 147,580,790 = 3·82⁴ + 11,944,262 → LEAD[3] '$', then
        // 11,944,262 = 21·82³ + 54·82² + 29·82 + 60 → '<' 'c' 'E' 'i' in the 82-symbol ASCII-ordered alphabet
        assertEquals("$<cEi", new String(diagnoses, 13, 5, StandardCharsets.US_ASCII));
        assertEquals("J0110", new String(diagnoses, 18, 5, StandardCharsets.US_ASCII));
        assertEquals(9127, api.hisWriteTreatmentCode(dt, id, birth, icd10.replace("G44201 ", "G4420AA"), docId));
        assertEquals(6018, api.hisWriteTreatmentCode(dt, id, birth, "0[J0110  ]", docId));

        StringBuilder five = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            five.append(dt).append('1').append(pad("A0460" + i + "1AB", 12)).append(" ".repeat(6))
                    .append(pad("TID", 18)).append("07").append("0021.00").append("01");
        }
        byte[] sigs = new byte[200];
        assertEquals(6018, api.hisWriteMultiPrescriptSign(dt, id, birth, five.toString(), new int[] {5}, sigs,
                new int[] {199}));
        int[] count = {5};
        int[] len = {200};
        assertEquals(0, api.hisWriteMultiPrescriptSign(dt, id, birth, five.toString(), count, sigs, len));
        assertEquals(200, len[0]);
        for (int i = 0; i < 5; i++) {
            byte[] record = five.substring(i * 61, (i + 1) * 61).getBytes(StandardCharsets.US_ASCII);
            assertTrue(world.sam.verifies(SignatureType.PRESCRIPTION, record,
                    Arrays.copyOfRange(sigs, i * 40, (i + 1) * 40)));
        }
        String card = world.cards.show("900000000001");
        assertTrue(card, card.contains("A046041AB"));
    }

    @Test
    public void samHpcAndPlatform() {
        world.hpc("900000001001");
        Professional doc = world.cards.fixtures().professionals().get(0);
        byte[] buf = new byte[64];
        int[] len = {64};
        assertEquals(0, api.csGetHospID(buf, len));
        assertField(buf, 1, 10, "7777777777");
        len[0] = 64;
        assertEquals(0, api.csGetHospName(buf, len));
        assertEquals("5.1.3 §2.3: 共 24 Bytes", 24, len[0]);
        assertField(buf, 1, 24, big5("健保測試診所甲", 24));
        byte[] abb = new byte[128];
        int[] abbLen = {128};
        assertEquals(0, api.csGetHospAbbName(abb, abbLen));
        assertEquals("5.1.3 §2.4: 共 128 Bytes", 128, abbLen[0]);
        assertField(abb, 1, 128, big5("測試診所甲", 128));
        abbLen[0] = 127;
        assertEquals("a buffer smaller than the manual's is 6018", 6018, api.csGetHospAbbName(abb, abbLen));
        len[0] = 64;
        assertEquals(0, api.csGetCardNo(1, buf, len));
        assertField(buf, 1, 12, "900077777777");
        len[0] = 64;
        assertEquals(0, api.hpcGetHPCSN(buf, len));
        assertField(buf, 1, 12, doc.cardNumber());
        len[0] = 64;
        assertEquals(0, api.hpcGetHPCCNAME(buf, len));
        assertField(buf, 1, 20, big5(doc.name(), 20));
        len[0] = 64;
        assertEquals(0, api.hpcGetHPCSSN(buf, len));
        assertField(buf, 1, 10, doc.idNumber());
        int[] status = {9};
        assertEquals(0, api.hpcGetHPCStatus(1, status));
        assertEquals(1, status[0]);
        assertEquals(1, api.hisGetCardStatus(3));
        assertEquals(5102, api.hpcVerifyHPCPIN(purpose -> "0000".toCharArray()));
        assertEquals(0, api.hpcVerifyHPCPIN(purpose -> "1234".toCharArray()));
        assertEquals(3, api.hisGetCardStatus(3));
        assertEquals(2, api.hisGetCardStatus(1));
        byte[] path = new byte[64];
        assertEquals(5158, api.csGetVersionEx(path));
        assertTrue(new String(path, StandardCharsets.UTF_8).startsWith("/opt/nhi/LIB/cshis.dll\0"));
        assertEquals(0, api.csOpenCom(0));
        assertEquals(0, api.csSoftwareReset(3));
        assertEquals(6018, api.csSoftwareReset(4));
        len[0] = 64;
        assertEquals(0, api.csGetDateTime(buf, len));
        assertEquals(13, len[0]);
        world.readers.remove(Slot.HPC);
        assertEquals(0, api.hisGetCardStatus(3));
    }

    @Test
    public void pinFunctions() {
        world.hc("900000000001");
        assertEquals(0, api.csISSetPIN());
        assertEquals(5105, api.csDisableHCPIN());
        assertEquals(0, api.csInputHCPIN(purpose -> "2468".toCharArray()));
        assertEquals(1, api.csISSetPIN());
        assertEquals(0, api.csDisableHCPIN());
        assertEquals(0, api.csISSetPIN());
        world.hc("900000000002");
        assertEquals(1, api.csISSetPIN());
        assertEquals(5102, api.csVerifyHCPIN(purpose -> "9999".toCharArray()));
        assertEquals(0, api.csVerifyHCPIN(purpose -> "1234".toCharArray()));
        assertEquals(4, api.hisGetCardStatus(2));
        // 1.28 after 1.27 changes the PIN: old, then new
        assertEquals(0, api.csInputHCPIN(purpose -> (purpose == PinSource.Purpose.HC_PIN ? "1234" : "5678")
                .toCharArray()));
        assertEquals(5102, api.csVerifyHCPIN(purpose -> "1234".toCharArray()));
        assertEquals(0, api.csVerifyHCPIN(purpose -> "5678".toCharArray()));
    }
}
