// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDateTime;

import org.junit.Test;

public class TreatmentIdsTest {
    private static final LocalDateTime VISIT = LocalDateTime.of(2026, 11, 22, 10, 30, 5);

    @Test
    public void roundTrip() {
        for (TreatmentIds.Source source : TreatmentIds.Source.values()) {
            String id = TreatmentIds.encode("35012A0000", source, VISIT, 4095);
            assertEquals(20, id.length());
            assertTrue(id, id.matches("[0-9A-Z]{20}"));
            TreatmentIds.Decoded d = TreatmentIds.decode(id);
            assertEquals(new TreatmentIds.Decoded("35012A0000", source, VISIT, 4095), d);
        }
    }

    @Test
    public void everySingleCharacterChangeIsDetectedOrChangesTheMeaning() {
        String id = TreatmentIds.encode("3501200000", TreatmentIds.Source.ONLINE_CARD, VISIT, 7);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < 20; i++) {
            for (char c : alphabet.toCharArray()) {
                if (c == id.charAt(i)) {
                    continue;
                }
                String changed = id.substring(0, i) + c + id.substring(i + 1);
                assertThrows(changed, IllegalArgumentException.class, () -> TreatmentIds.decode(changed));
            }
        }
    }

    @Test
    public void offlineTagsDependOnPatientAndKey() {
        byte[] key = new byte[16];
        String a = TreatmentIds.offline("9999999999", "901000000003", key, VISIT, "A123456789");
        String b = TreatmentIds.offline("9999999999", "901000000003", key, VISIT, "B223456789");
        assertEquals(TreatmentIds.Source.OFFLINE, TreatmentIds.decode(a).source());
        assertNotEquals(a, b);
        assertEquals(a, TreatmentIds.offline("9999999999", "901000000003", key, VISIT, "A123456789"));
    }

    @Test
    public void rocDateTimes() {
        assertEquals("1151122103005", TreatmentIds.rocDateTime(VISIT));
        assertEquals(VISIT, TreatmentIds.parseRocDateTime("1151122103005"));
        assertThrows(IllegalArgumentException.class, () -> TreatmentIds.parseRocDateTime("1151322103005"));
        assertThrows(IllegalArgumentException.class,
                () -> TreatmentIds.encode("3501200000", TreatmentIds.Source.OFFLINE, LocalDateTime.of(2019, 1, 1, 0, 0), 0));
    }
}
