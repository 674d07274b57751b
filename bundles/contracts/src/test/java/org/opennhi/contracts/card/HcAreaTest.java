// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.card;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Optional;

import org.junit.Test;

/** The HC areas as docs/card-profile.md §4 tables them. */
public class HcAreaTest {
    @Test
    public void numbersAndSizesAsTabled() {
        assertEquals(0x07, HcArea.VISITS.id());
        assertEquals(69 * 6, HcArea.VISITS.length());
        assertEquals(61 * 60, HcArea.OUTPATIENT_PRESCRIPTIONS.length());
        assertEquals(57, HcArea.BASIC_PROFILE.length());
        assertEquals(Optional.of(HcArea.ALLERGIC_MEDICINES), HcArea.of(0x11));
        assertEquals(Optional.of(HcArea.PIN_STATUS), HcArea.of(0xFF));
        assertEquals(Optional.empty(), HcArea.of(0x12));
    }

    @Test
    public void protectionAsTabled() {
        assertEquals(HcArea.Access.PUBLIC, HcArea.BASIC_PROFILE.access());
        assertEquals(HcArea.Access.AUTHENTICATED, HcArea.CARD_STATUS.access());
        assertEquals(HcArea.Access.AUTHENTICATED, HcArea.EMERGENCY_PHONE.access());
        assertTrue(HcArea.REGISTRATION.pinProtected());
        assertFalse(HcArea.BASIC_PROFILE.writable());
        assertFalse(HcArea.PIN_STATUS.writable());
        assertTrue(HcArea.CARD_STATUS.writable());
        assertTrue(HcArea.VISITS.cyclic());
        assertFalse(HcArea.CUMULATIVE_DATA.cyclic());
        assertTrue(HcArea.IMPORTANT_ORDERS.professional());
        assertFalse(HcArea.VISITS.professional());
    }
}
