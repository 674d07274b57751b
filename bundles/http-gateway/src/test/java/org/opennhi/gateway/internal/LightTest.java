// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.opennhi.contracts.reader.Slot;

/** The official lights (docs/GLOSSARY.md, "Watch overlay"): the number, the colour and the words for each state of each slot. */
public class LightTest {
    @Test
    public void followsPresenceAndTheReportedCardStatus() {
        assertEquals(new Light(0, "white", "no card"), Light.of(Slot.HC, false, 2));
        assertEquals(new Light(1, "brown", "inserted"), Light.of(Slot.HC, true, null));
        assertEquals(new Light(1, "brown", "inserted"), Light.of(Slot.HPC, true, 1));
        assertEquals(new Light(2, "green", "authenticated with the SAM"), Light.of(Slot.HC, true, 2));
        assertEquals(new Light(2, "orange", "authenticated with the SAM"), Light.of(Slot.HPC, true, 2));
        assertEquals(new Light(3, "lightpurple", "PIN verified (medical mode)"), Light.of(Slot.HPC, true, 3));
        // HC 3 (authenticated with the HPC), 4 (PIN verified) and 5 (authenticated with the IDC) are medical mode
        assertEquals(3, Light.of(Slot.HC, true, 4).value());
        assertEquals(3, Light.of(Slot.HC, true, 5).value());
        assertEquals(new Light(9, "grey", "not a health card"), Light.of(Slot.HC, true, 9));
        assertEquals(new Light(9, "grey", "not a professional card"), Light.of(Slot.HPC, true, 9));
    }
}
