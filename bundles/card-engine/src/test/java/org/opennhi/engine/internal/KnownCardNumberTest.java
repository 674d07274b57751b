// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import static org.junit.Assert.assertEquals;

import org.junit.After;
import org.junit.Test;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.engine.testing.World;

/** The engine hands the SAM service the HC's number it has read, so the card is not selected and read again. */
public class KnownCardNumberTest {
    private final World world = new World();

    @After
    public void close() {
        world.close();
    }

    @Test
    public void anAuthenticationAfterTheBasicDataSendsOnlyGetChallengeAndMutualAuthenticate() throws Exception {
        world.hc("900000000001");
        world.engine.basicProfile();
        assertEquals("SELECT + GET DATA 00", 2, world.readers.apdus(Slot.HC));
        world.engine.cardStatus(); // needs the SAM: authentication, then GET DATA of the status area
        assertEquals(1, world.sam.authentications());
        assertEquals("GET CHALLENGE, MUTUAL AUTHENTICATE, GET DATA 01; no second SELECT or GET DATA 00", 5,
                world.readers.apdus(Slot.HC));
    }
}
