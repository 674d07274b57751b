// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;

/**
 * NHI's test edition through the Java facade, the writes: test plan cases 4-2 (1.16) and 5-2 (1.47) with the codes
 * packed as NHI's hisGetICD10EnC packs them, compared byte for byte with the kit's trecoW.txt / trecoW1.txt as NHI's
 * {@code Ret4-2.txt} / {@code Ret5-2.txt} show them; and the kit's birth date on the card. docs/test-edition.md.
 */
public class TestEditionWritesTest extends TestEditionDesk {
    @Test
    public void kitsOwnBirthDateIsTheCardsBirthDate() throws Exception {
        kit(KIT);
        byte[] basic = call(72, "", api::hisGetBasicData);
        assertEquals(new String(Files.readAllBytes(KIT.resolve("bday.txt")), StandardCharsets.US_ASCII),
                new String(basic, 42, 7, StandardCharsets.US_ASCII));
    }

    @Test
    public void case4_2_prePackedCodesWrittenToTrecoW_1_16() throws Exception {
        Path out = kit(KIT);
        String dt = takeVisit();
        assertEquals(0, api.hisWriteTreatmentCode(dt, id(), birth(), "0" + NHI_PACKED_G442, new byte[11]));
        assertArrayEquals(expected("Ret4-2.txt"), Files.readAllBytes(out.resolve("trecoW.txt")));
        assertFalse("1.16 writes no fees", Files.exists(out.resolve("trecoW1.txt")));
    }

    @Test
    public void case5_2_prePackedCodesAndFeesWrittenToTrecoW1_1_47() throws Exception {
        Path out = kit(KIT);
        String dt = takeVisit();
        assertEquals(0, api.hisWriteTreatmentData(dt, id(), birth(), "0" + NHI_PACKED_O320 + FEES, new byte[11]));
        assertArrayEquals(expected("Ret5-2.txt"), Files.readAllBytes(out.resolve("trecoW1.txt")));
        assertFalse("1.47 is not 1.16", Files.exists(out.resolve("trecoW.txt")));
    }
}
