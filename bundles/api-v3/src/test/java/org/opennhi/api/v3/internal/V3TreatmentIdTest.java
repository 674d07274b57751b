// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.engine.testing.IdcVisitClient;
import org.opennhi.engine.testing.World;
import org.opennhi.idc.client.TreatmentIds;
import org.opennhi.sim.card.fixtures.Person;
import org.opennhi.sim.idc.IdcOptions;
import org.opennhi.sim.idc.IdcSimulator;

/** 1.53 and 1.54 as 3.5.3.0 has them, against the IDC simulator: positions of the 316 and 43 bytes. */
public class V3TreatmentIdTest {
    private static IdcSimulator idc;
    private static IdcVisitClient client;

    @BeforeClass
    public static void startIdc() throws Exception {
        idc = IdcSimulator.start(IdcOptions.defaults(Files.createTempDirectory("idc")).withPort(0));
        client = new IdcVisitClient(idc, "7777777777");
    }

    @AfterClass
    public static void stopIdc() {
        if (idc != null) {
            idc.close();
        }
    }

    private static V3Facade open(World w) {
        PortGate port = new PortGate(new FakeReaders("nhi-com", ReaderStatus.online()), () -> "/dev/ttyS0",
                new String[0], "Linux");
        V3Facade api = new V3Facade(w.engine, Optional::empty, "test", port);
        assertEquals(0, api.csOpenCom(0));
        return api;
    }

    @Test
    public void hisGetSeqNumber256N1Is316() {
        try (World w = new World()) {
            w.idc(client);
            w.hc("900000000001");
            Person p = w.person("900000000001");
            V3Facade api = open(w);
            byte[] buf = new byte[316];
            int[] len = {316};
            assertEquals(0, api.hisGetSeqNumber256N1("01", " ", "1", buf, len));
            assertEquals(316, len[0]);
            String text = new String(buf, StandardCharsets.ISO_8859_1);
            assertEquals(String.format("%04d", p.visitsThisYear() + 1), text.substring(13, 17));
            assertEquals("7777777777", text.substring(17, 27));
            assertTrue("printable signature 28–283", text.substring(27, 283).matches("[0-9A-F]{256}"));
            assertEquals("900077777777", text.substring(283, 295));
            assertEquals("N", text.substring(295, 296));
            String id = text.substring(296, 316);
            assertEquals("就醫識別碼 297–316 names the visit's date-time", text.substring(0, 13),
                    TreatmentIds.rocDateTime(TreatmentIds.decode(id).visit()));
        }
    }

    @Test
    public void hisGetTreatNumNoICCardIs43() {
        try (World w = new World()) {
            w.idc(client);
            Person p = w.person("900000000001");
            V3Facade api = open(w);
            byte[] buf = new byte[43];
            int[] len = {43};
            assertEquals(0, api.hisGetTreatNumNoICCard(p.idNumber(), "7777777777", buf, len));
            assertEquals(43, len[0]);
            String text = new String(buf, StandardCharsets.US_ASCII);
            assertEquals("7777777777", text.substring(13, 23));
            assertEquals("就診日期時間 1–13 is the id's", text.substring(0, 13),
                    TreatmentIds.rocDateTime(TreatmentIds.decode(text.substring(23)).visit()));
            assertEquals(6018, api.hisGetTreatNumNoICCard(p.idNumber(), "7777777777", new byte[42],
                    new int[] {42}));
            assertEquals(6018, api.hisGetTreatNumNoICCard("", "7777777777", buf, new int[] {43}));
        }
    }
}
