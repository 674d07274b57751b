// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import static org.junit.Assert.assertEquals;

import org.junit.After;
import org.junit.Test;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.RecordArea;
import org.opennhi.engine.testing.Expect;
import org.opennhi.engine.testing.World;

/** hisGetCardStatus (manual 1.15): every value of CardType 2 and 3 the manual lists, in the simulated world. */
public class CardStatusTest {
    private static final String PATIENT = "900000000001";
    private static final String DOCTOR = "900000001001";
    private final World world = new World();

    @After
    public void close() {
        world.close();
    }

    private int hc() {
        return world.engine.slotStatus(Slot.HC);
    }

    private int hpc() {
        return world.engine.slotStatus(Slot.HPC);
    }

    private static PinSource pin(String digits) {
        return purpose -> digits.toCharArray();
    }

    @Test
    public void section1_15_aReaderThatDoesNotAnswerIs4000() {
        world.hc(PATIENT).hpc(DOCTOR);
        assertEquals(1, hc());
        world.readers.answering(false);
        assertEquals(4000, hc());
        assertEquals(4000, hpc());
        world.readers.answering(true);
        assertEquals(1, hc());
        assertEquals(1, hpc());
    }

    @Test
    public void section1_15_anotherCardInTheHcReaderIs9() throws Exception {
        wrongCard(Slot.HC, DOCTOR, ResultCode.NOT_AN_HC, () -> world.engine.basicProfile(), PATIENT);
    }

    @Test
    public void section1_15_anotherCardInTheHpcReaderIs9() throws Exception {
        wrongCard(Slot.HPC, PATIENT, ResultCode.NOT_AN_HPC, () -> world.engine.professional(), DOCTOR);
    }

    /** 9 once a function found the other kind of card in the slot, 1 again for the right kind. */
    private void wrongCard(Slot slot, String other, ResultCode refusal, Expect.Action use, String right)
            throws Exception {
        world.readers.insert(slot, world.cards.card(other));
        assertEquals(1, world.engine.slotStatus(slot));
        Expect.code(refusal, use);
        assertEquals(9, world.engine.slotStatus(slot));
        world.readers.remove(slot);
        world.readers.insert(slot, world.cards.card(right));
        assertEquals(1, world.engine.slotStatus(slot));
    }

    @Test
    public void section1_15_anHpcWhosePinFailedIsAuthenticatedWithTheSamOnly() throws Exception {
        world.hpc(DOCTOR);
        assertEquals(1, hpc());
        Expect.code(ResultCode.PIN_MISMATCH, () -> world.engine.verifyHpcPin(pin("0000")));
        assertEquals(2, hpc());
        world.engine.verifyHpcPin(pin("1234"));
        assertEquals(3, hpc());
    }

    @Test
    public void section1_15_anHcReadForAProfessionalIsAuthenticatedWithTheHpc() throws Exception {
        world.hc(PATIENT);
        world.engine.cardStatus(); // an area behind the SAM's authentication
        assertEquals(2, hc());
        world.doctor();
        world.engine.readRecords(RecordArea.DIAGNOSES, PinSource.none());
        assertEquals(3, hc());
        world.readers.remove(Slot.HC);
        world.hc(PATIENT);
        assertEquals(1, hc());
    }
}
