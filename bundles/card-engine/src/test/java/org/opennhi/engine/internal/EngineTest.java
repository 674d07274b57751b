// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.After;
import org.junit.Test;
import org.opennhi.contracts.card.RocDate;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.engine.BasicProfile;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.TreatmentWrite;
import org.opennhi.engine.Visit;
import org.opennhi.engine.VisitRequest;
import org.opennhi.engine.testing.Expect;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.fixtures.Person;

/** The engine on the simulated cards: data, business rules, APDU counts, caching. */
public class EngineTest {
    private final World world = new World();

    @After
    public void close() {
        world.close();
    }

    private static PinSource pin(String digits) {
        return purpose -> digits.toCharArray();
    }

    private static VisitRequest visit(String category) {
        return new VisitRequest(category, false, '1', VisitRequest.SignatureForm.PRINTABLE_256, false);
    }

    private static void expect(ResultCode code, Expect.Action a) throws Exception {
        Expect.code(code, a);
    }

    @Test
    public void basicProfileNeedsNoSamAndIsReadOnce() throws Exception {
        world.hc("900000000001");
        Person p = world.person("900000000001");
        BasicProfile b = world.engine.basicProfile();
        assertEquals("900000000001", b.cardNumber());
        assertEquals(p.name(), b.name());
        assertEquals(p.idNumber(), b.idNumber());
        assertEquals(RocDate.format(p.birthDate()), b.birthDate());
        assertEquals(String.valueOf(p.sex()), b.sex());
        assertEquals(0, world.sam.authentications());
        assertEquals("SELECT + GET DATA 00", 2, world.readers.apdus(Slot.HC));
        world.engine.basicProfile();
        assertEquals("answered from the cache", 2, world.readers.apdus(Slot.HC));
    }

    @Test
    public void statusAndPhoneAfterOneAuthenticationThenCached() throws Exception {
        world.hc("900000000001");
        world.engine.basicProfile();
        assertEquals(6, world.engine.cardStatus().visitsLeft());
        assertEquals("0223456789", new String(world.engine.emergencyPhone(), StandardCharsets.US_ASCII).trim());
        assertEquals(1, world.sam.authentications());
        long before = world.readers.apdus(Slot.HC);
        world.engine.cardStatus();
        world.engine.emergencyPhone();
        assertEquals(before, world.readers.apdus(Slot.HC));
    }

    @Test
    public void cacheEndsWhenTheCardLeaves() throws Exception {
        world.hc("900000000001");
        world.engine.basicProfile();
        world.readers.remove(Slot.HC);
        expect(ResultCode.HC_NOT_PRESENT, world.engine::basicProfile);
        world.hc("900000000002");
        assertEquals("900000000002", world.engine.basicProfile().cardNumber());
    }

    @Test
    public void registrationOfAPinCardNeedsThePin() throws Exception {
        world.hc("900000000002");
        expect(ResultCode.PIN_ENTRY_CANCELLED, () -> world.engine.registration(PinSource.none()));
        expect(ResultCode.PIN_MISMATCH, () -> world.engine.registration(pin("9999")));
        byte[] reg = world.engine.registration(pin("1234"));
        assertEquals(11, reg.length);
        assertEquals("01", new String(reg, 0, 2, StandardCharsets.US_ASCII));
        // the PIN is not asked again for this card: the visit's areas were read with it
        Visit v = world.engine.takeVisit(visit("01"), PinSource.none());
        assertEquals(4, v.sequenceNumber().length());
        assertTrue(world.engine.hcPinEnabled());
    }

    @Test
    public void registrationWithoutPinNeedsNone() throws Exception {
        world.hc("900000000001");
        assertEquals(11, world.engine.registration(PinSource.none()).length);
        assertFalse(world.engine.hcPinEnabled());
    }

    @Test
    public void takingAVisitWritesTheCard() throws Exception {
        world.hc("900000000001");
        Person p = world.person("900000000001");
        Visit v = world.engine.takeVisit(visit("01"), PinSource.none());
        assertEquals(13, v.visitDateTime().length());
        assertEquals(String.format("%04d", p.visitsThisYear() + 1), v.sequenceNumber());
        assertEquals("7777777777", v.hospitalId());
        assertEquals("900077777777", v.samId());
        assertEquals(256, v.signature().length);
        byte[] signed = (v.visitDateTime() + v.sequenceNumber() + v.hospitalId() + "900000000001" + v.samId())
                .getBytes(StandardCharsets.US_ASCII);
        assertTrue(world.sam.verifies(SignatureType.VISIT_PRINTABLE, signed, v.signature()));
        assertFalse(v.sameDay());

        Engine fresh = world.freshEngine();
        assertEquals(p.visitsLeft() - 1, fresh.cardStatus().visitsLeft());
        assertEquals(String.format("%03d", RocDate.year(LocalDate.now(World.TAIPEI))) + v.sequenceNumber(),
                new String(fresh.lastSequenceNumber(PinSource.none()), StandardCharsets.US_ASCII));
        Visit second = world.engine.takeVisit(visit("01"), PinSource.none());
        assertTrue("same day", second.sameDay());
        assertEquals(String.format("%04d", p.visitsThisYear() + 2), second.sequenceNumber());
        assertFalse(second.visitDateTime().equals(v.visitDateTime()));
    }

    @Test
    public void rawSignatureFor19() throws Exception {
        world.hc("900000000001");
        Visit v = world.engine.takeVisit(new VisitRequest("01", false, '1', VisitRequest.SignatureForm.RAW_128,
                false), PinSource.none());
        assertEquals(128, v.signature().length);
    }

    @Test
    public void cardRules() throws Exception {
        world.hc("900000000005");
        expect(ResultCode.CARD_CANCELLED, () -> world.engine.takeVisit(visit("01"), PinSource.none()));
        world.hc("900000000004");
        expect(ResultCode.CARD_EXPIRED, () -> world.engine.takeVisit(visit("01"), PinSource.none()));
        world.hc("900000000006");
        expect(ResultCode.NO_VISITS_LEFT, () -> world.engine.takeVisit(visit("01"), PinSource.none()));
        // a category that is not counted does not need a visit left
        assertEquals(13, world.engine.takeVisit(visit("AA"), PinSource.none()).visitDateTime().length());
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.takeVisit(visit("Q1"), PinSource.none()));
    }

    @Test
    public void newbornRules() throws Exception {
        VisitRequest newborn = new VisitRequest("01", true, '1', VisitRequest.SignatureForm.PRINTABLE_256, false);
        world.hc("900000000013");
        expect(ResultCode.NEWBORN_OVER_60_DAYS, () -> world.engine.takeVisit(newborn, PinSource.none()));
        world.hc("900000000012");
        assertEquals(4, world.engine.takeVisit(newborn, PinSource.none()).sequenceNumber().length());
        world.hc("900000000001");
        expect(ResultCode.NEWBORN_MARK_WRITE_FAILED, () -> world.engine.takeVisit(newborn, PinSource.none()));
    }

    @Test
    public void onlineCategoriesNeedTheIdc() throws Exception {
        world.hc("900000000001");
        expect(ResultCode.NETWORK_DOWN, () -> world.engine.takeVisit(visit("05"), PinSource.none()));
        expect(ResultCode.TREATMENT_ID_FAILED, () -> world.engine.takeVisit(new VisitRequest("01", false, '1',
                VisitRequest.SignatureForm.PRINTABLE_256, true), PinSource.none()));
        assertEquals("nothing was written", world.person("900000000001").visitsLeft(),
                world.freshEngine().cardStatus().visitsLeft());
    }

    @Test
    public void visitReminderCases() throws Exception {
        assertReminder("900000000008", true, false);  // adult, 30 visits
        assertReminder("900000000015", false, false); // 64, 29 visits
        assertReminder("900000000016", false, false); // 65, 39 visits
        assertReminder("900000000009", true, false);  // 70, 40 visits
        assertReminder("900000000010", true, true);   // 80, 90 visits: red
        assertReminder("900000000011", false, false); // critical illness
        assertReminder("900000000007", false, false); // child
    }

    private void assertReminder(String card, boolean due, boolean red) throws Exception {
        world.reminders.clear();
        world.hc(card);
        Visit v = world.engine.takeVisit(visit("01"), PinSource.none());
        assertEquals(card, due, v.reminder().isPresent());
        assertEquals(card + " event", due ? 1 : 0, world.reminders.size());
        if (due) {
            assertEquals(card, red, v.reminder().get().red());
        }
    }

    @Test
    public void undoAVisit() throws Exception {
        world.hc("900000000001");
        Person p = world.person("900000000001");
        Visit v = world.engine.takeVisit(visit("01"), PinSource.none());
        world.engine.undoVisit(v.visitDateTime(), PinSource.none());
        Engine fresh = world.freshEngine();
        assertEquals(p.visitsLeft(), fresh.cardStatus().visitsLeft());
        expect(ResultCode.UNDO_ALREADY_DONE, () -> world.engine.undoVisit(v.visitDateTime(), PinSource.none()));
        expect(ResultCode.VISIT_NOT_ON_CARD, () -> world.engine.undoVisit("1000101120000", PinSource.none()));
        Visit aa = world.engine.takeVisit(visit("AA"), PinSource.none());
        expect(ResultCode.UNDO_NEEDS_NUMERIC_VISIT_TYPE,
                () -> world.engine.undoVisit(aa.visitDateTime(), PinSource.none()));
        // the fixture's older visit (two days ago) is past the 24 hours
        expect(ResultCode.CANCEL_VISIT_NONE_IN_24H, () -> {
            world.hc("900000000014");
            world.engine.takeVisit(visit("ZA"), PinSource.none());
        });
    }

    @Test
    public void treatmentAndPrescriptions() throws Exception {
        world.hc("900000000001").doctor();
        Person p = world.person("900000000001");
        PatientCheck patient = new PatientCheck(p.idNumber(), RocDate.format(p.birthDate()));
        Visit v = world.engine.takeVisit(visit("01"), PinSource.none());
        byte[] diagnoses = "0J0110J0300                    ".substring(0, 31).getBytes(StandardCharsets.US_ASCII);
        byte[] fees = "00000450000000500000000000000000000000".getBytes(StandardCharsets.US_ASCII);
        byte[] doctor = world.engine.writeTreatment(new TreatmentWrite(patient, v.visitDateTime(),
                Optional.of(diagnoses), Optional.of(fees)), PinSource.none());
        assertEquals(world.cards.fixtures().professionals().get(0).idNumber(),
                new String(doctor, StandardCharsets.US_ASCII));
        expect(ResultCode.DATA_BELONGS_TO_OTHER_PERSON, () -> world.engine.writeTreatment(new TreatmentWrite(
                new PatientCheck("A000000000", patient.birthDate()), v.visitDateTime(), Optional.empty(),
                Optional.of(fees)), PinSource.none()));
        expect(ResultCode.VISIT_RECORD_NOT_FOUND, () -> world.engine.writeTreatment(new TreatmentWrite(patient,
                "1000101120000", Optional.empty(), Optional.of(fees)), PinSource.none()));

        List<byte[]> records = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(prescription(v.visitDateTime(), i));
        }
        List<byte[]> sigs = world.engine.writePrescriptions(patient, v.visitDateTime(), records, true,
                PinSource.none());
        assertEquals(5, sigs.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(40, sigs.get(i).length);
            assertTrue(world.sam.verifies(SignatureType.PRESCRIPTION, records.get(i), sigs.get(i)));
        }
        String shown = world.cards.show("900000000001");
        assertTrue(shown, shown.contains(v.visitDateTime()));
    }

    static byte[] prescription(String dateTime, int i) {
        String r = dateTime + "1" + String.format("%-12s", "A0460" + i + "1AB") + "      " + String.format("%-18s",
                "TID") + "07" + "0021.00" + "01";
        byte[] b = r.getBytes(StandardCharsets.US_ASCII);
        assertEquals(61, b.length);
        return b;
    }

    @Test
    public void hpcPin() throws Exception {
        world.hpc("900000001001");
        expect(ResultCode.PIN_MISMATCH, () -> world.engine.verifyHpcPin(pin("0000")));
        world.engine.verifyHpcPin(pin("1234"));
        assertEquals(3, world.engine.slotStatus(Slot.HPC));
        world.hpc("900000001003");
        expect(ResultCode.HPC_EXPIRED, () -> world.engine.verifyHpcPin(pin("1111")));
        assertTrue(Arrays.equals(world.engine.professional().bytes(),
                world.freshEngine().professional().bytes()));
    }
}
