// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.util.Optional;

import org.junit.Test;
import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.Slot;

/** The lights beyond presence (README, "The watch overlay"): 2 authenticated with the SAM, 3 PIN verified. */
public class CardLightsTest {
    private final CardLights lights = new CardLights();

    private void event(PlatformEvent.Type type, Slot slot, int code) {
        lights.platformEvent(new PlatformEvent(type, Optional.of(slot), code, "", Instant.EPOCH));
    }

    @Test
    public void anHpcPinPutsBothAuthenticatedCardsInMedicalModeUntilTheGrantEnds() {
        event(PlatformEvent.Type.CARD_AUTHENTICATION, Slot.HC, 0);
        event(PlatformEvent.Type.CARD_AUTHENTICATION, Slot.HPC, 0);
        assertEquals(Integer.valueOf(2), lights.reported(Slot.HC));
        assertEquals(Integer.valueOf(2), lights.reported(Slot.HPC));
        event(PlatformEvent.Type.PIN_VERIFICATION, Slot.HPC, 0);
        assertEquals(Integer.valueOf(3), lights.reported(Slot.HC));
        assertEquals(Integer.valueOf(3), lights.reported(Slot.HPC));
        event(PlatformEvent.Type.HPC_AUTHORISATION, Slot.HPC, 4042);
        assertEquals(Integer.valueOf(2), lights.reported(Slot.HC));
        assertEquals(Integer.valueOf(2), lights.reported(Slot.HPC));
    }

    @Test
    public void failuresAndTheSamLeaveTheLightsAloneAndANewCardStartsFromPresence() {
        event(PlatformEvent.Type.CARD_AUTHENTICATION, Slot.HC, 4071);
        event(PlatformEvent.Type.CARD_AUTHENTICATION, Slot.SAM, 0);
        event(PlatformEvent.Type.PIN_VERIFICATION, Slot.HPC, 5102);
        assertNull(lights.reported(Slot.HC));
        assertNull(lights.reported(Slot.SAM));
        assertNull(lights.reported(Slot.HPC));
        event(PlatformEvent.Type.CARD_AUTHENTICATION, Slot.HC, 0);
        lights.readerEvent(new ReaderEvent(ReaderEvent.Type.STATUS_CHANGED, Slot.HC, "r", Instant.EPOCH));
        assertEquals("a status change is no new card", Integer.valueOf(2), lights.reported(Slot.HC));
        lights.readerEvent(new ReaderEvent(ReaderEvent.Type.CARD_REMOVED, Slot.HC, "r", Instant.EPOCH));
        assertNull(lights.reported(Slot.HC));
    }
}
