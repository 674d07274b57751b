// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.opennhi.itests.NativeCalls.read;
import static org.opennhi.itests.NativeCalls.standard;
import static org.opennhi.itests.NativeCalls.takeNumber;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.google.gson.JsonObject;

/**
 * NativeEqualityIT's calls, in an order that keeps both doors on the same card state (its class comment says
 * how). One API set at a time: a function the set's facade does not offer is still called where the library
 * exports it (9005 both ways); the steps that only make sense where it is offered are skipped.
 */
final class NativeSequence {
    static final String HPC = "900000001001";
    static final String HPC_PIN = "1234";
    static final String HC_PLAIN = "900000000001";
    static final String HC_WITH_PIN = "900000000002";
    static final String HC_RECORDS = "900000000021";
    /** Every single-buffer read, with its documented size. */
    private static final Object[][] READS = {{"hisGetBasicData", 72}, {"hisGetRegisterBasic", 78},
        {"hisGetRegisterPrevent", 126}, {"hisGetRegisterPregnant", 209}, {"hisGetTreatmentNoNeedHPC", 498},
        {"hisGetCumulativeData", 134}, {"hisGetCumulativeFee", 20}, {"hisGetTreatmentNeedHPC", 372},
        {"hisGetInoculateData", 1400}, {"hisGetOrganDonate", 1}, {"hisGetEmergentTel", 14}, {"hisGetLastSeqNum", 7},
        {"hisGetCriticalIllness", 114}, {"hisGetRegisterBasic2", 9}, {"csGetHospID", 10}, {"csGetHospName", 24},
        {"csGetHospAbbName", 128}, {"hpcGetHPCSN", 12}, {"hpcGetHPCSSN", 10}, {"hpcGetHPCCNAME", 20},
        {"hpcGetHPCENAME", 20}};

    private final NativeTwin t;
    private final NativeCards cards;
    private String id;
    private String birth;

    NativeSequence(NativeTwin t, NativeCards cards) {
        this.t = t;
        this.cards = cards;
    }

    /** The whole sequence, from the HC_PLAIN and HPC (PIN not verified) in the readers. */
    void run() throws Exception {
        insert("hc", HC_PLAIN);
        t.both(read("hisGetBasicData", 100)); // a buffer over the documented size gets the documented bytes
        reads(false); // the HPC's PIN not verified yet: 4042 where a read needs it
        dateTime();
        icd10();
        withoutTheHpc();
        t.both(t.withPins(NativeCall.of("hpcVerifyHPCPIN"), null, null, null), 5109);
        t.both(t.withPins(NativeCall.of("hpcVerifyHPCPIN"), HPC_PIN, null, null), 0);
        insert("hc", HC_RECORDS);
        reads(true);
        if (t.offers("hisReadPrescription")) {
            records();
        }
        insert("hc", HC_PLAIN);
        visits();
        services();
        if (t.offers("hisWriteNewBorn")) {
            insert("hc", HC_RECORDS);
            healthWrites();
        }
        hcPin();
        hpcPin();
        for (String f : List.of("csUploadData", "csUploadDataPrec", "csDownloadData")) {
            if (t.exports(f)) {
                t.both(standard(f, id, birth, "")); // no file, no upload: the error code both ways
            }
        }
        for (int type : new int[] {3, 2, 1, 0, 9}) {
            t.both(NativeCall.of("csSoftwareReset").integer("Type", type));
            readBack("hisGetCardStatus");
        }
    }

    /**
     * No HPC in its reader: a PIN function answers 4014 before any PIN is asked (the PIN entry would cancel:
     * a library asking first would answer 5109), and 1.33 answers 5141 with the dates alone, the same bytes
     * both ways.
     */
    private void withoutTheHpc() throws Exception {
        insert("hpc", null);
        t.both(t.withPins(NativeCall.of("hpcVerifyHPCPIN"), null, null, null), 4014);
        if (t.offers("hisGetCriticalIllness")) {
            insert("hc", HC_RECORDS);
            t.both(read("hisGetCriticalIllness", 114), 5141);
            insert("hc", HC_PLAIN);
        }
        insert("hpc", HPC);
    }

    private void insert(String slot, String card) throws Exception {
        cards.insert(slot, card);
        if (slot.equals("hc") && card != null) {
            // the reader's insertion event reaches the engine asynchronously: wait until the card answers as itself
            JsonObject[] basic = new JsonObject[1];
            Await.until("HC " + card + " answers hisGetBasicData", 10_000, () -> {
                try {
                    basic[0] = cards.platform.json("POST", "/v5/hisGetBasicData", "{}");
                } catch (Exception e) {
                    return false;
                }
                JsonObject fields = basic[0].getAsJsonObject("fields");
                return basic[0].get("code").getAsInt() == 0 && fields.has("cardNumber")
                        && card.equals(fields.get("cardNumber").getAsString());
            });
            JsonObject f = basic[0].getAsJsonObject("fields");
            id = f.get("idNumber").getAsString();
            birth = f.get("birthDate").getAsString();
        }
    }

    /** The single-buffer reads; when they must succeed, each again with one byte too few (6018, untouched). */
    private void reads(boolean succeed) throws Exception {
        for (Object[] r : READS) {
            NativeTwin.Both b = t.both(read((String) r[0], (Integer) r[1]));
            if (succeed && t.offers((String) r[0])) {
                assertEquals(r[0] + ": " + b.lib().line(), 0, b.lib().rc());
                t.both(read((String) r[0], (Integer) r[1] - 1), 6018);
            }
        }
        t.both(NativeCall.of("csISSetPIN"));
        t.both(NativeCall.of("hpcGetHPCStatus").integer("Req", 1).outShort("Status"));
        for (int type : new int[] {1, 2, 3, 0}) {
            t.both(NativeCall.of("hisGetCardStatus").integer("CardType", type));
            t.both(NativeCall.of("csGetCardNo").integer("CardType", type).buffer(12));
        }
    }

    /** The card read back through both doors after a change made through one. */
    private void readBack(String... functions) throws Exception {
        for (String f : functions) {
            if (t.offers(f)) {
                t.both(standard(f, id, birth, ""));
            }
        }
    }

    /** The reader's clock: the library's answer lies between two HTTP answers (it ticks between calls). */
    private void dateTime() throws Exception {
        NativeCall c = read("csGetDateTime", 13);
        String before = decode(t.http(c).get("bufferBase64").getAsString());
        NativeDriver.Reply lib = t.lib(c);
        JsonObject after = t.http(c);
        String mine = new String(lib.bytes(0), StandardCharsets.US_ASCII);
        String[] range = {before, decode(after.get("bufferBase64").getAsString())};
        assertTrue(mine + " within " + Arrays.toString(range), mine.compareTo(range[0]) >= 0
                && mine.compareTo(range[1]) <= 0);
        t.compare(c.ignore(1, 13, "the clock ticks between the calls"), lib, after);
        t.both(read("csGetDateTime", 12), 6018);
    }

    private static String decode(String base64) {
        return new String(java.util.Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1);
    }

    /** ICD-10-CM packing and back, and the codes the packing refuses (9127). */
    private void icd10() throws Exception {
        for (String code : List.of("G44201", "O320xx0", "H401324", "E119", "J0110")) {
            NativeTwin.Both b = t.both(NativeCall.of("hisGetICD10EnC").text("IN", code).outString("OUT", 6));
            if (b.lib().rc() == 0) {
                String packed = new String(b.lib().string(1), StandardCharsets.ISO_8859_1);
                t.both(NativeCall.of("hisGetICD10DeC").text("IN", packed).outString("OUT", 8), 0);
            }
        }
        t.both(NativeCall.of("hisGetICD10DeC").text("IN", "J0110").outString("OUT", 8));
    }

    /** The reads of the HC with full records and a verified HPC: ICD-10 format, record ranges, identity. */
    private void records() throws Exception {
        t.both(NativeCall.of("hisGetTreatmentNeedHPC").icd10Buffer(540), 0);
        t.both(NativeCall.of("hisGetTreatmentNeedHPC").icd10Buffer(539), 6018);
        t.both(NativeCall.of("hisGetCriticalIllness").icd10Buffer(138), 0);
        t.both(NativeCall.of("hisGetCriticalIllnessID").text("pPatientID", id).text("pPatientBirthDate", birth)
                .icd10Buffer(138), 0);
        t.both(standard("hisGetCriticalIllnessID", id, birth, ""), 0);
        t.both(standard("hisGetCriticalIllnessID", "A100000010", "0690517", ""), 5020); // not this card's holder
        t.both(standard("hisReadPrescription", id, birth, ""), 0);
        t.both(NativeCall.of("hisReadPrescription").area("pOutpatientPrescription", "iBufferLenOutpatient", 3660)
                .area("pLongTermPrescription", "iBufferLenLongTerm", 1319)
                .area("pImportantTreatmentCode", "iBufferLenImportant", 360)
                .area("pIrritationDrug", "iBufferLenIrritation", 120), 6018);
        for (String f : List.of("hisReadPrescriptMain", "hisReadPrescriptLongTerm", "hisReadPrescriptHVE",
                "hisReadPrescriptAllergic")) {
            NativeCall all = standard(f, id, birth, "");
            t.both(all, 0);
            int size = Integer.parseInt(all.tokens.get(0).substring(2));
            t.both(NativeCalls.range(f, size, 2, 3), 0);
            t.both(NativeCalls.range(f, size, 3, 2));
            t.both(NativeCalls.range(f, size, 0, 1));
            t.both(NativeCalls.range(f, size - 1, 1, 2));
        }
    }

    /**
     * 取號 through each door from the same card state; the library's visit is read back through both, then
     * the facade's; unless kept, the two are undone (退掛) each through its door.
     *
     * @return the library's and the facade's visit date-times
     */
    private String[] visitPair(String function, int size, boolean keep) throws Exception {
        NativeCall count = read("hisGetRegisterBasic2", 9);
        String left = decode(t.http(count).get("bufferBase64").getAsString());
        t.both(takeNumber(function, size - 1), 6018); // checked before the visit is taken: none is
        assertEquals("no visit taken", left, new String(t.both(count, 0).libBuffer(0), StandardCharsets.ISO_8859_1));
        NativeCall c = takeNumber(function, size).ignore(1, 13, "the visit's date-time")
                .ignore(14, 17, "the visit's sequence number")
                .ignore(28, size == 167 ? 155 : 283, "the SAM's signature of the visit");
        c = size == 316 ? c.ignore(297, 316, "the visit's treatment id (a new one per visit)") : c;
        NativeDriver.Reply lib = t.lib(c);
        assertEquals(lib.line(), 0, lib.rc());
        String mine = new String(lib.bytes(size == 167 ? 2 : 3), StandardCharsets.ISO_8859_1);
        NativeTwin.Both last = t.both(read("hisGetLastSeqNum", 7), 0);
        assertTrue("the library's visit is the card's last", new String(last.libBuffer(0),
                StandardCharsets.ISO_8859_1).endsWith(mine.substring(13, 17)));
        readBack("hisGetTreatmentNoNeedHPC", "hisGetRegisterBasic2", "hisGetCumulativeData");
        JsonObject json = t.http(c);
        t.compare(c, lib, json);
        String theirs = decode(json.get("bufferBase64").getAsString());
        assertNotEquals("two visits, two sequence numbers", mine.substring(13, 17), theirs.substring(13, 17));
        readBack("hisGetTreatmentNoNeedHPC", "hisGetLastSeqNum", "hisGetRegisterBasic2");
        String[] visits = {mine.substring(0, 13), theirs.substring(0, 13)};
        if (!keep) {
            undo(visits);
            assertEquals("both visits undone", left, new String(t.both(count, 0).libBuffer(0),
                    StandardCharsets.ISO_8859_1));
        }
        return visits;
    }

    /** 退掛 of the library's visit through the library, the facade's over HTTP; undoing again answers 5153. */
    private void undo(String[] visits) throws Exception {
        NativeCall mine = NativeCall.of("csUnGetSeqNumber").text("pUnTreatDate", visits[0]);
        NativeCall theirs = NativeCall.of("csUnGetSeqNumber").text("pUnTreatDate", visits[1]);
        NativeDriver.Reply lib = t.lib(mine);
        assertEquals(lib.line(), 0, lib.rc());
        readBack("hisGetTreatmentNoNeedHPC", "hisGetRegisterBasic2");
        t.compare(theirs, lib, t.http(theirs));
        t.both(mine, 5153);
    }

    /** 取號 (1.9, 1.37, 1.53), the visit writes, each on its door's visit, 1.56 of a visit, 退掛. */
    private void visits() throws Exception {
        visitPair("hisGetSeqNumber", 167, false);
        visitPair("hisGetSeqNumber256", 296, false);
        String[] v = visitPair("hisGetSeqNumber256N1", 316, true);
        for (String f : List.of("hisWriteTreatmentCode", "hisWriteTreatmentFee", "hisWriteTreatmentData",
                "hisWritePrescription", "hisWriteMultiPrescript", "hisWritePrescriptionSign",
                "hisWriteMultiPrescriptSign")) {
            NativeCall theirs = standard(f, id, birth, v[1]);
            NativeDriver.Reply lib = t.lib(standard(f, id, birth, v[0]));
            assertEquals(lib.line(), 0, lib.rc());
            t.compare(theirs, lib, t.http(theirs));
            readBack("hisGetTreatmentNeedHPC", "hisReadPrescriptMain", "hisGetTreatmentNoNeedHPC");
        }
        t.both(NativeCalls.visitWrite("hisWritePrescriptionSign", v[0], id, birth)
                .text("pDataWrite", NativeCalls.prescription(v[0])).buffer(39), 6018);
        t.fails(standard("hisWriteTreatmentFee", id, birth, "1010101010101")); // no such visit
        if (t.exports("hisGetTreatNumICCard")) {
            t.both(standard("hisGetTreatNumICCard", id, birth, v[0]), 0);
            t.both(standard("hisGetTreatNumICCard", id, birth, v[1]), 0);
            t.both(NativeCall.of("hisGetTreatNumICCard").text("pDateTime", v[0]).buffer(19), 6018);
        }
        undo(v);
    }

    /** The IDC's services: treatment id without a card, insurance check, SAM authentication, card updates. */
    private void services() throws Exception {
        t.both(standard("hisGetTreatNumNoICCard", id, birth, ""), 0);
        t.both(NativeCall.of("hisGetTreatNumNoICCard").text("pPatientID", id).text("pHospID", "7777777777")
                .buffer(42), 6018);
        if (t.exports("hisQuickInsurence")) {
            t.both(NativeCall.of("hisQuickInsurence"), 0);
        }
        t.both(NativeCall.of("csVerifySAMDC"), 0);
        t.both(NativeCall.of("csUpdateHCContents"));
        readBack("hisGetRegisterBasic", "hisGetRegisterBasic2");
        if (t.offers("csUpdateHCNoReset")) {
            // 1.40 leaves the card to be re-inserted: each door gets the card fresh, and reads the same after
            NativeDriver.Reply lib = t.lib(NativeCall.of("csUpdateHCNoReset"));
            readBack("hisGetRegisterBasic2");
            insert("hc", HC_PLAIN);
            t.compare(NativeCall.of("csUpdateHCNoReset"), lib, t.http(NativeCall.of("csUpdateHCNoReset")));
            readBack("hisGetRegisterBasic2");
            insert("hc", HC_PLAIN);
        } else {
            t.both(NativeCall.of("csUpdateHCNoReset"));
        }
    }

    /**
     * Writes of health data: through the library, the card read back through both; then the same write
     * over HTTP and read back again. An AC (預防保健) visit first lets 1.22 and 1.24 write.
     */
    private void healthWrites() throws Exception {
        NativeCall ac = NativeCall.of("hisGetSeqNumber256").text("cTreatItem", "AC").text("cBabyTreat", " ")
                .text("cTreatAfterCheck", "1").buffer(296);
        assertEquals(0, t.lib(ac).rc());
        String[][] writes = {{"hisWriteNewBorn", "hisGetRegisterBasic"},
            {"hisWriteAllergicMedicines", "hisReadPrescriptAllergic"}, {"hisWriteOrganDonate", "hisGetOrganDonate"},
            {"hisWriteHealthInsurance", "hisGetRegisterPrevent"}, {"hisWriteEmergentTel", "hisGetEmergentTel"},
            {"hisWritePredeliveryCheckup", "hisGetRegisterPregnant"},
            {"hisDeletePredeliveryData", "hisGetRegisterPregnant"}, {"hisWriteInoculateData", "hisGetInoculateData"},
            {"hisWriteAllergicNum", "hisReadPrescriptAllergic"}};
        for (String[] w : writes) {
            NativeCall c = standard(w[0], id, birth, "");
            NativeDriver.Reply lib = t.lib(c);
            assertEquals(lib.line(), 0, lib.rc());
            readBack(w[1]);
            t.compare(c, lib, t.http(c));
            readBack(w[1]);
        }
        t.fails(standard("hisWriteEmergentTel", id, "0010101", "")); // another person's birth date
    }

    /**
     * The HC's PIN (1.27-1.29) on the card with a PIN, the HPC out (5110 otherwise): each change made once
     * through each door from the same state.
     */
    private void hcPin() throws Exception {
        insert("hpc", null);
        insert("hc", HC_WITH_PIN);
        readBack("csISSetPIN", "hisGetCardStatus", "hisGetRegisterBasic"); // a PIN-protected read asks none here
        t.both(t.withPins(NativeCall.of("csVerifyHCPIN"), null, null, null), 5109);
        // a wrong PIN, then the right one, through the library; then the same over HTTP (never 2 wrong in a row)
        NativeDriver.Reply libWrong = t.lib(t.withPins(NativeCall.of("csVerifyHCPIN"), "9999", null, null));
        NativeDriver.Reply libRight = t.lib(t.withPins(NativeCall.of("csVerifyHCPIN"), "1234", null, null));
        NativeCall wrong = t.withPins(NativeCall.of("csVerifyHCPIN"), "9999", null, null);
        t.compare(wrong, libWrong, t.http(wrong));
        assertNotEquals(0, libWrong.rc());
        NativeCall right = t.withPins(NativeCall.of("csVerifyHCPIN"), "1234", null, null);
        t.compare(right, libRight, t.http(right));
        // disable (PIN set and verified) and enable (PIN disabled): the library's first, then the facade's
        NativeDriver.Reply libDisable = t.lib(NativeCall.of("csDisableHCPIN"));
        readBack("csISSetPIN", "hisGetCardStatus");
        NativeDriver.Reply libInput = t.lib(t.withPins(NativeCall.of("csInputHCPIN"), null, "1234", null));
        readBack("csISSetPIN", "hisGetCardStatus");
        t.lib(t.withPins(NativeCall.of("csVerifyHCPIN"), "1234", null, null));
        t.compare(NativeCall.of("csDisableHCPIN"), libDisable, t.http(NativeCall.of("csDisableHCPIN")));
        readBack("csISSetPIN", "hisGetCardStatus");
        NativeCall input = t.withPins(NativeCall.of("csInputHCPIN"), null, "1234", null);
        t.compare(input, libInput, t.http(input));
        readBack("csISSetPIN", "hisGetCardStatus");
        t.both(t.withPins(NativeCall.of("csInputHCPIN"), null, null, null), 5109);
        insert("hpc", HPC);
    }

    /** The HPC's PIN (4.2-4.4): change to the same PIN, unblock with the PUK, a wrong PUK (not counted). */
    private void hpcPin() throws Exception {
        t.both(t.withPins(NativeCall.of("hpcVerifyHPCPIN"), HPC_PIN, null, null), 0);
        t.both(t.withPins(NativeCall.of("hpcInputHPCPIN"), HPC_PIN, HPC_PIN, null), 0);
        t.both(t.withPins(NativeCall.of("hpcInputHPCPIN"), null, null, null), 5109);
        t.both(t.withPins(NativeCall.of("hpcUnlockHPC"), null, HPC_PIN, "12345678"), 0);
        t.fails(t.withPins(NativeCall.of("hpcUnlockHPC"), null, HPC_PIN, "87654321"));
        t.both(t.withPins(NativeCall.of("hpcUnlockHPC"), null, null, null), 5109);
        readBack("hpcGetHPCSN", "hisGetCardStatus");
    }
}
