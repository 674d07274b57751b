// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.After;
import org.junit.Test;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.RecordArea;
import org.opennhi.engine.testing.Expect;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.fixtures.HealthHistory;

/** The health-record reads on the simulated cards: bytes, APDU counts, caching, HPC and pharmacist rules. */
public class EngineRecordsTest {
    private static final String FULL = "900000000021";
    private static final String DOCTOR = "900000001001";
    private static final String PHARMACIST = "900000001002";
    private final World world = new World();

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

    /** @return the records one after the other, the rest of the area spaces */
    private static byte[] area(List<String> records, RecordArea a, Charset charset) {
        byte[] out = new byte[a.length()];
        Arrays.fill(out, (byte) ' ');
        for (int i = 0; i < records.size(); i++) {
            byte[] r = records.get(i).getBytes(charset);
            System.arraycopy(r, 0, out, i * a.recordLength(), r.length);
        }
        return out;
    }

    private static byte[] area(List<String> records, RecordArea a) {
        return area(records, a, StandardCharsets.US_ASCII);
    }

    private void expect(ResultCode code, RecordArea a, PinSource pin) throws Exception {
        Expect.code(code, () -> world.engine.readRecords(a, pin));
    }

    private void doctor() throws NhiException {
        world.hpc(DOCTOR);
        world.engine.verifyHpcPin(pin("1234"));
    }

    @Test
    public void plainAreasAsTheCardHoldsThemInFewApdusThenFromTheCache() throws Exception {
        world.hc(FULL);
        HealthHistory h = history();
        assertArrayEquals(area(h.preventiveCare(), RecordArea.PREVENTIVE_CARE),
                world.engine.readRecords(RecordArea.PREVENTIVE_CARE, PinSource.none()));
        assertEquals("one SAM authentication", 1, world.sam.authentications());
        long before = world.readers.apdus(Slot.HC);
        assertArrayEquals(area(h.prenatalChecks(), RecordArea.PRENATAL_CHECKS),
                world.engine.readRecords(RecordArea.PRENATAL_CHECKS, PinSource.none()));
        assertEquals("209 bytes: one GET DATA", before + 1, world.readers.apdus(Slot.HC));
        before = world.readers.apdus(Slot.HC);
        assertArrayEquals(area(h.inoculations(), RecordArea.INOCULATIONS),
                world.engine.readRecords(RecordArea.INOCULATIONS, PinSource.none()));
        assertEquals("1400 bytes: 6 GET DATA of 7 records (short APDUs)", before + 6, world.readers.apdus(Slot.HC));
        before = world.readers.apdus(Slot.HC);
        assertArrayEquals(area(h.visits(), RecordArea.VISITS),
                world.engine.readRecords(RecordArea.VISITS, PinSource.none()));
        assertEquals("414 bytes: 2 GET DATA", before + 2, world.readers.apdus(Slot.HC));
        before = world.readers.apdus(Slot.HC);
        world.engine.readRecords(RecordArea.PREVENTIVE_CARE, PinSource.none());
        world.engine.readRecords(RecordArea.INOCULATIONS, PinSource.none());
        assertEquals("answered from the cache", before, world.readers.apdus(Slot.HC));
        assertEquals(1, world.sam.authentications());
        byte[] fees = world.engine.readRecords(RecordArea.CUMULATIVE_FEES, PinSource.none());
        assertEquals(String.format("%010d%010d", 2 * 450, 0), new String(fees, StandardCharsets.US_ASCII));
        assertEquals(134, world.engine.readRecords(RecordArea.CUMULATIVE_DATA, PinSource.none()).length);
    }

    @Test
    public void organDonationMark() throws Exception {
        world.hc("900000000001");
        assertArrayEquals("1".getBytes(StandardCharsets.US_ASCII),
                world.engine.readRecords(RecordArea.ORGAN_DONATION, PinSource.none()));
    }

    @Test
    public void theHoldersPinOpensThemWhenEnabled() throws Exception {
        world.hc("900000000002");
        expect(ResultCode.PIN_ENTRY_CANCELLED, RecordArea.PREVENTIVE_CARE, PinSource.none());
        expect(ResultCode.PIN_MISMATCH, RecordArea.PREVENTIVE_CARE, pin("0000"));
        byte[] blank = new byte[126];
        Arrays.fill(blank, (byte) ' ');
        assertArrayEquals(blank, world.engine.readRecords(RecordArea.PREVENTIVE_CARE, pin("1234")));
        long before = world.readers.apdus(Slot.HC);
        world.engine.readRecords(RecordArea.PRENATAL_CHECKS, PinSource.none());
        assertEquals("the PIN stays verified for the card: one GET DATA", before + 1, world.readers.apdus(Slot.HC));
    }

    @Test
    public void medicalAreasNeedAVerifiedHpc() throws Exception {
        world.hc(FULL);
        for (RecordArea a : RecordArea.values()) {
            if (a.professional()) {
                expect(ResultCode.HPC_NOT_PRESENT, a, PinSource.none());
            }
        }
        world.hpc(DOCTOR);
        expect(ResultCode.HPC_PIN_NOT_VERIFIED, RecordArea.DIAGNOSES, PinSource.none());
        world.engine.verifyHpcPin(pin("1234"));
        HealthHistory h = history();
        assertArrayEquals(area(h.diagnoses(), RecordArea.DIAGNOSES),
                world.engine.readRecords(RecordArea.DIAGNOSES, PinSource.none()));
        assertArrayEquals(area(h.prescriptions(), RecordArea.OUTPATIENT_PRESCRIPTIONS),
                world.engine.readRecords(RecordArea.OUTPATIENT_PRESCRIPTIONS, PinSource.none()));
        assertArrayEquals(area(h.longTermPrescriptions(), RecordArea.LONG_TERM_PRESCRIPTIONS),
                world.engine.readRecords(RecordArea.LONG_TERM_PRESCRIPTIONS, PinSource.none()));
        assertArrayEquals(area(h.importantOrders(), RecordArea.IMPORTANT_ORDERS),
                world.engine.readRecords(RecordArea.IMPORTANT_ORDERS, PinSource.none()));
        assertArrayEquals(area(h.allergicMedicines(), RecordArea.ALLERGIC_MEDICINES, Charset.forName("Big5")),
                world.engine.readRecords(RecordArea.ALLERGIC_MEDICINES, PinSource.none()));
        byte[] illnesses = world.engine.readRecords(RecordArea.CRITICAL_ILLNESSES, PinSource.none());
        assertEquals("\">Mq(1090302" + "1201231", new String(illnesses, 0, 19, StandardCharsets.US_ASCII));
        assertEquals("N185 1090302" + "1201231", new String(illnesses, 19, 19, StandardCharsets.US_ASCII));
        world.readers.remove(Slot.HPC);
        expect(ResultCode.HPC_NOT_PRESENT, RecordArea.DIAGNOSES, PinSource.none());
    }

    @Test
    public void aPharmacistSeesDrugsOnly() throws Exception {
        world.hc(FULL);
        world.hpc(PHARMACIST);
        world.engine.verifyHpcPin(pin("5678"));
        expect(ResultCode.PHARMACY_NOT_PERMITTED, RecordArea.CRITICAL_ILLNESSES, PinSource.none());
        expect(ResultCode.PHARMACY_NOT_PERMITTED, RecordArea.IMPORTANT_ORDERS, PinSource.none());
        List<String> rx = history().prescriptions();
        String blank = " ".repeat(61);
        // classes 1, 3, 2, 4 on the card: the pharmacist gets 1 and 2, the others as spaces
        assertArrayEquals(area(List.of(rx.get(0), blank, rx.get(2), blank), RecordArea.OUTPATIENT_PRESCRIPTIONS),
                world.engine.readRecords(RecordArea.OUTPATIENT_PRESCRIPTIONS, PinSource.none()));
        assertArrayEquals(area(history().longTermPrescriptions(), RecordArea.LONG_TERM_PRESCRIPTIONS),
                world.engine.readRecords(RecordArea.LONG_TERM_PRESCRIPTIONS, PinSource.none()));
        assertEquals(120, world.engine.readRecords(RecordArea.ALLERGIC_MEDICINES, PinSource.none()).length);
        // the doctor's view of the same card is whole: the filter is not in the cache
        world.readers.remove(Slot.HPC);
        doctor();
        assertArrayEquals(area(rx, RecordArea.OUTPATIENT_PRESCRIPTIONS),
                world.engine.readRecords(RecordArea.OUTPATIENT_PRESCRIPTIONS, PinSource.none()));
    }

    /** 5.1.3 §1.8, §1.10, §1.33, §1.43, §1.50: "藥師，藥劑生…" — a 藥劑生's card (07) reads as a pharmacist's. */
    @Test
    public void section1_10_1_33_1_43_aPharmacyAssistantReadsAsAPharmacist() throws Exception {
        world.hc(FULL);
        world.hpc("900000001004");
        world.engine.verifyHpcPin(pin("1357"));
        expect(ResultCode.PHARMACY_NOT_PERMITTED, RecordArea.CRITICAL_ILLNESSES, PinSource.none());
        expect(ResultCode.PHARMACY_NOT_PERMITTED, RecordArea.IMPORTANT_ORDERS, PinSource.none());
        List<String> rx = history().prescriptions();
        String blank = " ".repeat(61);
        assertArrayEquals(area(List.of(rx.get(0), blank, rx.get(2), blank), RecordArea.OUTPATIENT_PRESCRIPTIONS),
                world.engine.readRecords(RecordArea.OUTPATIENT_PRESCRIPTIONS, PinSource.none()));
    }

    @Test
    public void anHcInTheHpcReaderIsNotAnHpc() throws Exception {
        world.hc(FULL);
        world.hpc("900000000001");
        expect(ResultCode.NOT_AN_HPC, RecordArea.DIAGNOSES, PinSource.none());
    }

    @Test
    public void criticalIllnessDatesNeedNoHpc() throws Exception {
        world.hc("900000000011");
        byte[] dates = world.engine.criticalIllnessDates(PinSource.none());
        assertEquals("     1090302" + "1201231" + "     1090302" + "1201231" + " ".repeat(4 * 19),
                new String(dates, StandardCharsets.US_ASCII));
    }
}
