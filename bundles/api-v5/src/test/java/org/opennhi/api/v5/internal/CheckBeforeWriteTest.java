// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.junit.After;
import org.junit.Test;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.RecordArea;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.fixtures.Person;

/**
 * A call the HIS sees refused never wrote the card: 1.16 (hisWriteTreatmentCode) and 1.47 (hisWriteTreatmentData)
 * check that pBufferDocID can take the HPC holder's id and its NUL (11 bytes) before their first card write, as
 * 1.20 and 1.46 already did; a too small buffer answers 6018 and the card's treatment records stay as they were.
 */
public class CheckBeforeWriteTest {
    private final World world = new World();
    private final V5Facade api = new V5Facade(world.engine, Optional::empty, "/opt/nhi/LIB/cshis.dll");

    @After
    public void close() {
        world.close();
    }

    private static String pad(String s, int n) {
        return (s + " ".repeat(n)).substring(0, n);
    }

    @Test
    public void section1_16And1_47_aSmallDocIdBufferIs6018AndNothingIsWritten() throws Exception {
        world.hc("900000000001").doctor();
        Person p = world.person("900000000001");
        byte[] visit = new byte[296];
        assertEquals(0, api.hisGetSeqNumber256("01", " ", "1", visit, new int[] {296}));
        String dt = new String(visit, 0, 13, StandardCharsets.US_ASCII);
        String id = p.idNumber();
        String birth = String.format("%03d%s", p.birthDate().getYear() - 1911,
                p.birthDate().format(DateTimeFormatter.ofPattern("MMdd")));
        byte[] before = world.engine.readRecords(RecordArea.DIAGNOSES, PinSource.none());
        String data = "0" + pad("J0110", 5) + pad("J0300", 5) + " ".repeat(20)
                + "00000450" + "00000050" + "00000000" + "0000000" + "0000000";
        assertEquals(6018, api.hisWriteTreatmentData(dt, id, birth, data, new byte[10]));
        assertEquals(6018, api.hisWriteTreatmentData(dt, id, birth, data, null));
        assertEquals(6018, api.hisWriteTreatmentCode(dt, id, birth, "0[J0110  ][       ][       ][       ][       ]"
                + "[       ]", new byte[4]));
        assertArrayEquals("the refused calls left the diagnoses as they were", before,
                world.engine.readRecords(RecordArea.DIAGNOSES, PinSource.none()));
        byte[] docId = new byte[11];
        assertEquals("the same write with a big enough buffer goes through", 0,
                api.hisWriteTreatmentData(dt, id, birth, data, docId));
        assertEquals(dt, new String(world.engine.readRecords(RecordArea.DIAGNOSES, PinSource.none()), 0, 13,
                StandardCharsets.US_ASCII));
    }

    /**
     * 5.1.3 §1.16, §1.18, §1.47: no HPC needed (neither lists 4014 nor 4042); pBufferDocID holds the id of the HPC
     * in its reader (no PIN asked), "若讀卡機內無 HPC 卡，則 pBufferDocID 存入 null char".
     */
    @Test
    public void section1_16_1_18_1_47_writeWithoutAnHpc() throws Exception {
        world.hc("900000000001");
        Person p = world.person("900000000001");
        byte[] visit = new byte[296];
        assertEquals(0, api.hisGetSeqNumber256("01", " ", "1", visit, new int[] {296}));
        String dt = new String(visit, 0, 13, StandardCharsets.US_ASCII);
        String birth = String.format("%03d%s", p.birthDate().getYear() - 1911,
                p.birthDate().format(DateTimeFormatter.ofPattern("MMdd")));
        byte[] docId = {'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'};
        assertEquals(0, api.hisWriteTreatmentCode(dt, p.idNumber(), birth, "0" + pad("J0110", 5) + " ".repeat(25),
                docId));
        assertEquals("no HPC: a NUL", 0, docId[0]);
        String rx = dt + "1" + pad("A046041AB", 12) + " ".repeat(6) + pad("TID", 18) + "07" + "0021.00" + "01";
        assertEquals(0, api.hisWritePrescription(dt, p.idNumber(), birth, rx));
        world.hpc("900000001001"); // in its reader, PIN not verified
        String data = "0" + pad("J0300", 5) + " ".repeat(25) + "00000450" + "00000050" + "00000000" + "0000000"
                + "0000000";
        assertEquals(0, api.hisWriteTreatmentData(dt, p.idNumber(), birth, data, docId));
        assertEquals("the HPC's holder", world.cards.fixtures().professionals().get(0).idNumber(),
                new String(docId, 0, 10, StandardCharsets.US_ASCII));
        assertEquals(0, docId[10]);
    }
}
