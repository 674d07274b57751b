// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.After;
import org.junit.Test;
import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.card.RocDate;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.VisitRequest;
import org.opennhi.engine.testing.Expect;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.fixtures.Person;

/**
 * The health-data writes (1.19–1.26, 1.46) on the simulated cards: the exact bytes each leaves in its area, read
 * back from the card in a new reader session (not from the engine's cache), and each documented refusal with
 * the area untouched.
 */
public class HealthWritesTest {
    private final World world = new World();

    @After
    public void close() {
        world.close();
    }

    private PatientCheck patient(String card) {
        Person p = world.person(card);
        return new PatientCheck(p.idNumber(), RocDate.format(p.birthDate()));
    }

    private static String today() {
        return RocDate.format(LocalDate.now(World.TAIPEI));
    }

    private byte[] onCard(HcArea area, PinSource pin) throws NhiException {
        return CardAreas.read(world, area, pin);
    }

    private byte[] onCard(HcArea area) throws NhiException {
        return CardAreas.read(world, area);
    }

    private static String text(byte[] b, int from, int to) {
        return CardAreas.text(b, from, to);
    }

    private static void expect(ResultCode code, Expect.Action a) throws Exception {
        Expect.code(code, a);
    }

    private void acVisit() throws NhiException {
        world.engine.takeVisit(new VisitRequest("AC", false, '1', VisitRequest.SignatureForm.PRINTABLE_256, false),
                PinSource.none());
    }

    @Test
    public void newborn119() throws Exception {
        world.hc("900000000001");
        PatientCheck p = patient("900000000001");
        byte[] before = onCard(HcArea.REGISTRATION);
        String born = RocDate.format(LocalDate.now(World.TAIPEI).minusDays(3));
        expect(ResultCode.NEWBORN_BIRTH_WITHOUT_MULTIPLE_BIRTH_MARK,
                () -> world.engine.writeNewborn(p, born, " ", PinSource.none()));
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.writeNewborn(p, "1151340", "1", PinSource.none()));
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.writeNewborn(p, born, "X", PinSource.none()));
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.writeNewborn(p,
                RocDate.format(LocalDate.now(World.TAIPEI).plusDays(2)), "1", PinSource.none()));
        expect(ResultCode.DATA_BELONGS_TO_OTHER_PERSON, () -> world.engine.writeNewborn(
                new PatientCheck("A000000000", p.birthDate()), born, "1", PinSource.none()));
        assertArrayEquals("refusals write nothing", before, onCard(HcArea.REGISTRATION));
        world.engine.writeNewborn(p, born, "2", PinSource.none());
        byte[] after = onCard(HcArea.REGISTRATION);
        assertEquals(text(before, 1, 3), text(after, 1, 3));
        assertEquals(born, text(after, 4, 10));
        assertEquals("2", text(after, 11, 11));
    }

    @Test
    public void allergies120And146NeedTheDoctor() throws Exception {
        world.hc("900000000001");
        PatientCheck p = patient("900000000001");
        byte[] a = pad("AMOXICILLIN", 40);
        byte[] b = pad("ASPIRIN", 40);
        byte[] c = pad("", 40);
        List<byte[]> three = List.of(a, b, c);
        expect(ResultCode.HPC_NOT_PRESENT, () -> world.engine.writeAllergies(p, 1, three, PinSource.none()));
        world.hpc("900000001001");
        expect(ResultCode.HPC_PIN_NOT_VERIFIED, () -> world.engine.writeAllergies(p, 1, three, PinSource.none()));
        world.hpc("900000001002"); // a pharmacist
        world.engine.verifyHpcPin(purpose -> "5678".toCharArray());
        expect(ResultCode.PHARMACY_NOT_PERMITTED, () -> world.engine.writeAllergies(p, 1, three, PinSource.none()));
        world.doctor();
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.writeAllergies(p, 3, List.of(a, b), PinSource.none()));
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.writeAllergies(p, 1, List.of(new byte[39]),
                PinSource.none()));
        expect(ResultCode.DATA_BELONGS_TO_OTHER_PERSON, () -> world.engine.writeAllergies(
                new PatientCheck(p.idNumber(), "0010101"), 1, three, PinSource.none()));
        byte[] doc = world.engine.writeAllergies(p, 1, three, PinSource.none());
        assertEquals(world.cards.fixtures().professionals().get(0).idNumber(),
                new String(doc, StandardCharsets.US_ASCII));
        byte[] area = onCard(HcArea.ALLERGIC_MEDICINES);
        assertArrayEquals(concat(a, b, c), area);
        // 1.46: slot 3 only
        byte[] d = pad("PENICILLIN", 40);
        world.engine.writeAllergies(p, 3, List.of(d), PinSource.none());
        assertArrayEquals(concat(a, b, d), onCard(HcArea.ALLERGIC_MEDICINES));
        // two slots from slot 2: one PUT each
        world.engine.writeAllergies(p, 2, List.of(d, a), PinSource.none());
        assertArrayEquals(concat(a, d, a), onCard(HcArea.ALLERGIC_MEDICINES));
    }

    @Test
    public void organDonation121() throws Exception {
        world.hc("900000000002"); // a PIN card: the area needs the holder's PIN
        PatientCheck p = patient("900000000002");
        PinSource pin = purpose -> "1234".toCharArray();
        expect(ResultCode.ORGAN_DONATION_INPUT_ABANDONED, () -> world.engine.writeOrganDonation(p, " ", pin));
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.writeOrganDonation(p, "12", pin));
        world.engine.writeOrganDonation(p, "1", pin);
        assertEquals("1", text(onCard(HcArea.ORGAN_DONATION, pin), 1, 1));
    }

    @Test
    public void preventiveCare122() throws Exception {
        world.hc("900000000001");
        PatientCheck p = patient("900000000001");
        expect(ResultCode.PREVENTIVE_WITHOUT_AC_VISIT,
                () -> world.engine.writePreventiveCare(p, "02", "21", PinSource.none()));
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.writePreventiveCare(p, "2", "21", PinSource.none()));
        acVisit();
        byte[] prenatalBefore = onCard(HcArea.PRENATAL_CHECKS);
        world.engine.writePreventiveCare(p, "02", "21", PinSource.none());
        byte[] care = onCard(HcArea.PREVENTIVE_CARE);
        assertEquals("02" + today() + "7777777777" + "21", text(care, 1, 21));
        assertArrayEquals("an adult's care is not copied", prenatalBefore, onCard(HcArea.PRENATAL_CHECKS));
        // a child's preventive care also goes into the prenatal area
        world.engine.writePreventiveCare(p, "01", "11", PinSource.none());
        care = onCard(HcArea.PREVENTIVE_CARE);
        assertEquals("01" + today() + "7777777777" + "11", text(care, 1, 21));
        assertEquals("02" + today() + "7777777777" + "21", text(care, 22, 42));
        assertEquals(today() + "7777777777" + "11", text(onCard(HcArea.PRENATAL_CHECKS), 1, 19));
    }

    @Test
    public void emergencyPhone123() throws Exception {
        world.hc("900000000001");
        PatientCheck p = patient("900000000001");
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.writeEmergencyPhone(p, "0912345678901234",
                PinSource.none()));
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.writeEmergencyPhone(p, "電話", PinSource.none()));
        world.engine.writeEmergencyPhone(p, "0912-345678", PinSource.none());
        assertEquals("0912-345678   ", text(onCard(HcArea.EMERGENCY_PHONE), 1, 14));
        assertEquals("0912-345678   ", new String(world.freshEngine().emergencyPhone(), StandardCharsets.US_ASCII));
        world.hc("900000000005");
        expect(ResultCode.CARD_CANCELLED, () -> world.engine.writeEmergencyPhone(patient("900000000005"),
                "0911111111", PinSource.none()));
        world.hc("900000000004");
        expect(ResultCode.CARD_EXPIRED, () -> world.engine.writeEmergencyPhone(patient("900000000004"),
                "0911111111", PinSource.none()));
    }

    @Test
    public void prenatal124And125WomenOnly() throws Exception {
        world.hc("900000000001");
        expect(ResultCode.SEX_MISMATCH_MALE, () -> world.engine.writePrenatalCheck(patient("900000000001"), "31",
                PinSource.none()));
        expect(ResultCode.SEX_MISMATCH_MALE, () -> world.engine.deletePrenatalChecks(patient("900000000001"),
                PinSource.none()));
        world.hc("900000000008");
        PatientCheck p = patient("900000000008");
        expect(ResultCode.PREVENTIVE_WITHOUT_AC_VISIT, () -> world.engine.writePrenatalCheck(p, "31",
                PinSource.none()));
        acVisit();
        world.engine.writePrenatalCheck(p, "31", PinSource.none());
        world.engine.writePrenatalCheck(p, "32", PinSource.none());
        byte[] area = onCard(HcArea.PRENATAL_CHECKS);
        assertEquals(today() + "7777777777" + "32", text(area, 1, 19));
        assertEquals(today() + "7777777777" + "31", text(area, 20, 38));
        world.engine.deletePrenatalChecks(p, PinSource.none());
        byte[] blank = new byte[19 * 11];
        Arrays.fill(blank, (byte) ' ');
        assertArrayEquals(blank, onCard(HcArea.PRENATAL_CHECKS));
    }

    /** Visits of 就醫類別 XA and YA–YF cancel a prenatal check or a preventive service of the last 24 hours. */
    @Test
    public void cancellingAPrenatalCheckOrPreventiveCareNeedsOneFromHereRecently() throws Exception {
        world.hc("900000000008");
        PatientCheck p = patient("900000000008");
        int visitsLeft = world.engine.cardStatus().visitsLeft();
        expect(ResultCode.CANCEL_PRENATAL_NONE_IN_24H, () -> cancel("XA"));
        expect(ResultCode.CANCEL_PREVENTIVE_NONE_IN_24H, () -> cancel("YA"));
        acVisit();
        world.engine.writePrenatalCheck(p, "31", PinSource.none());
        // a prenatal check is no preventive service
        expect(ResultCode.CANCEL_PREVENTIVE_NONE_IN_24H, () -> cancel("YF"));
        cancel("XA");
        assertEquals("the cancellation is recorded as a visit of its own", "XA", text(onCard(HcArea.VISITS), 1, 2));
        world.engine.writePreventiveCare(p, "02", "21", PinSource.none());
        cancel("YB");
        assertEquals("YB", text(onCard(HcArea.VISITS), 1, 2));
        assertEquals("cancellations use no visit", visitsLeft, world.freshEngine().cardStatus().visitsLeft());
    }

    private void cancel(String category) throws NhiException {
        world.engine.takeVisit(new VisitRequest(category, false, '1', VisitRequest.SignatureForm.PRINTABLE_256,
                false), PinSource.none());
    }

    @Test
    public void inoculation126() throws Exception {
        world.hc("900000000001");
        PatientCheck p = patient("900000000001");
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.writeInoculation(p, "TOOLONG", "A1", PinSource.none()));
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.writeInoculation(p, "", "A1", PinSource.none()));
        world.engine.writeInoculation(p, "MMR", "LOT-2026-01", PinSource.none());
        byte[] area = onCard(HcArea.INOCULATIONS);
        assertEquals("MMR   " + today() + "7777777777" + "LOT-2026-01 ", text(area, 1, 35));
    }

    @Test
    public void aRefusedWriteLeavesTheCardAsItWas() throws Exception {
        world.hc("900000000008");
        byte[] before = onCard(HcArea.PRENATAL_CHECKS);
        expect(ResultCode.DATA_BELONGS_TO_OTHER_PERSON, () -> world.engine.deletePrenatalChecks(
                patient("900000000001"), PinSource.none()));
        assertArrayEquals(before, onCard(HcArea.PRENATAL_CHECKS));
    }

    static byte[] pad(String s, int n) {
        byte[] b = Arrays.copyOf(s.getBytes(StandardCharsets.US_ASCII), n);
        Arrays.fill(b, s.length(), n, (byte) ' ');
        return b;
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
