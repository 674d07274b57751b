// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.After;
import org.junit.Test;
import org.opennhi.contracts.card.RocDate;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.TreatmentWrite;
import org.opennhi.engine.Visit;
import org.opennhi.engine.VisitRequest;
import org.opennhi.engine.testing.Expect;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.fixtures.Person;

/**
 * HPC fast authentication through the platform's HPC authorisation (bundles/hpc-authorisation): the engine's PIN
 * verification grants it, the medical writes require it, and its 8 hours run on an injected clock.
 */
public class HpcFastAuthTest {
    private final World world = new World();

    @After
    public void close() {
        world.close();
    }

    private PatientCheck patient() {
        Person p = world.person("900000000001");
        return new PatientCheck(p.idNumber(), RocDate.format(p.birthDate()));
    }

    private byte[] allergies() throws NhiException {
        return world.engine.writeAllergies(patient(), 1, List.of(HealthWritesTest.pad("ASPIRIN", 40)),
                PinSource.none());
    }

    private static void expect(ResultCode code, Expect.Action a) throws Exception {
        Expect.code(code, a);
    }

    @Test
    public void withFastAuthTheHpcMayLeaveForEightHours() throws Exception {
        world.fastAuth(true);
        world.hc("900000000001").doctor();
        world.readers.remove(Slot.HPC);
        byte[] doc = allergies();
        assertEquals(world.cards.fixtures().professionals().get(0).idNumber(),
                new String(doc, StandardCharsets.US_ASCII));
        Visit v = world.engine.takeVisit(new VisitRequest("01", false, '1', VisitRequest.SignatureForm.PRINTABLE_256,
                false), PinSource.none());
        world.engine.writeTreatment(new TreatmentWrite(patient(), v.visitDateTime(), Optional.empty(),
                Optional.of("00000450000000500000000000000000000000".getBytes(StandardCharsets.US_ASCII))),
                PinSource.none());
        world.hpcClock.advance(Duration.ofHours(8).minusSeconds(1));
        allergies();
        world.hpcClock.advance(Duration.ofSeconds(1));
        expect(ResultCode.HPC_NOT_PRESENT, this::allergies);
        world.hpc("900000001001");
        expect(ResultCode.HPC_PIN_NOT_VERIFIED, this::allergies);
    }

    @Test
    public void withoutFastAuthTheHpcMustStay() throws Exception {
        world.hc("900000000001").doctor();
        allergies();
        world.readers.remove(Slot.HPC);
        expect(ResultCode.HPC_NOT_PRESENT, this::allergies);
        // 1.18 needs no HPC (5.1.3 §1.18 lists neither 4014 nor 4042): it fails here only for want of the visit
        expect(ResultCode.VISIT_RECORD_NOT_FOUND, () -> world.engine.writePrescriptions(patient(), "1150101120000",
                List.of(EngineTest.prescription("1150101120000", 0)), false, PinSource.none()));
        world.hpc("900000001001");
        expect(ResultCode.HPC_PIN_NOT_VERIFIED, this::allergies);
    }

    @Test
    public void pinVerificationApdus() throws Exception {
        world.hpc("900000001001");
        long before = world.readers.apdus(Slot.HPC);
        world.engine.verifyHpcPin(purpose -> "1234".toCharArray());
        // identity SELECT + GET DATA (kept while the HPC stays); the SAM's authentication SELECT, GET DATA,
        // GET CHALLENGE, MUTUAL AUTHENTICATE; the authorisation's identity check GET DATA and VERIFY
        assertEquals(8, world.readers.apdus(Slot.HPC) - before);
        before = world.readers.apdus(Slot.HPC);
        world.engine.verifyHpcPin(purpose -> "1234".toCharArray());
        assertEquals("identity from the cache", 6, world.readers.apdus(Slot.HPC) - before);
        before = world.readers.apdus(Slot.HPC);
        allergiesWithCard();
        assertEquals("a medical write asks the HPC nothing", 0, world.readers.apdus(Slot.HPC) - before);
    }

    private void allergiesWithCard() throws Exception {
        world.hc("900000000001");
        allergies();
    }

    @Test
    public void softwareResetOfTheHpcEndsTheAuthorisation() throws Exception {
        world.fastAuth(true);
        world.hc("900000000001").doctor();
        world.engine.reset(2);
        expect(ResultCode.HPC_PIN_NOT_VERIFIED, this::allergies);
    }
}
