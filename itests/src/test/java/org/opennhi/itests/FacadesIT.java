// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import javax.inject.Inject;

import com.google.gson.JsonObject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.api.v3.CsHis30;
import org.opennhi.api.v5.CsHis;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.reader.ReaderService;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Two HIS generations on one PC: in one running platform, over one card engine and one dedicated reader, the
 * 3.5.x HIS calls {@code /v3} (csOpenCom first) and the 5.1.x HIS calls {@code /v5}. Both read the same card;
 * each facade reports its own version; the 3.x rules hold only under {@code /v3}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FacadesIT {
    private static String device;

    @Inject
    private BundleContext context;
    @Inject
    private ReaderService readers;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private NhiHome home;
    @Inject
    private CsHis v5Service;
    @Inject
    private CsHis30 v3Service;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        return PlatformOptions.platform("opennhi.itest.sim.card", "opennhi.itest.sim.reader", "opennhi.itest.sim.idc")
                .toArray(new Option[0]);
    }

    @Before
    public void desk() throws Exception {
        if (device == null) {
            device = DedicatedReaderDesk.start(context, configAdmin, home, readers,
                    Files.createTempDirectory("facades-"));
        }
    }

    /** 1.51 over HTTP: pPath names the file of the 5.1.x facade's bundle, as the DLL names its own. */
    @Test
    public void section1_51_pPathIsTheFacadesBundleFile() throws Exception {
        String path = new V5Calls(context, home, "v5").ok("csGetVersionEx", "{}").getAsJsonObject("fields")
                .get("pPath").getAsString();
        Path file = Path.of(path);
        assertTrue(path, file.isAbsolute() && Files.isRegularFile(file));
        assertTrue(path, file.getFileName().toString().startsWith("org.opennhi.api.v5-"));
        byte[] pPath = new byte[260];
        v5Service.csGetVersionEx(pPath);
        assertEquals(path, new String(pPath, 0, path.length(), StandardCharsets.US_ASCII));
    }

    @Test
    public void bothFacadesAnswerOverOneEngine() throws Exception {
        V5Calls v5 = new V5Calls(context, home, "v5");
        V5Calls v3 = new V5Calls(context, home, "v3");

        JsonObject basic5 = v5.ok("hisGetBasicData", "{}");
        assertEquals("3.x: nothing before csOpenCom", 4000, v3.call("hisGetBasicData", "{}").get("code").getAsInt());
        assertEquals("COM2 holds no reader", -1, v3.call("csOpenCom", "{\"Comport\":1}").get("code").getAsInt());
        v3.ok("csOpenCom", "{\"Comport\":0}");
        JsonObject basic3 = v3.ok("hisGetBasicData", "{}");
        assertEquals("the same card through both facades", basic5.get("bufferBase64").getAsString(),
                basic3.get("bufferBase64").getAsString());
        assertEquals(DedicatedReaderDesk.HC, basic3.getAsJsonObject("fields").get("cardNumber").getAsString());

        assertEquals(5158, v5.ok("csGetVersionEx", "{}").getAsJsonObject("fields").get("value").getAsInt());
        assertEquals(3530, v3.ok("csGetVersionEx", "{}").getAsJsonObject("fields").get("value").getAsInt());
        assertEquals(5158, v5Service.csGetVersionEx(new byte[260]));
        assertEquals(3530, v3Service.csGetVersionEx(new byte[260]));

        // 1.9 through the 3.x facade: 167 bytes signed by the physical SAM card in the reader
        JsonObject seq = v3.ok("hisGetSeqNumber", "{\"cTreatItem\":\"01\",\"cBabyTreat\":\" \"}");
        byte[] bytes = Base64.getDecoder().decode(seq.get("bufferBase64").getAsString());
        assertEquals(167, bytes.length);
        JsonObject f = seq.getAsJsonObject("fields");
        assertEquals(DedicatedReaderDesk.HOSPITAL, f.get("hospitalId").getAsString());
        assertEquals(DedicatedReaderDesk.PHYSICAL_SAM, f.get("samId").getAsString());
        assertEquals("128 raw bytes, shown as hex", 256, f.get("signature").getAsString().length());
        // the 5.1.x HIS sees that visit on the same card
        JsonObject last = v5.ok("hisGetLastSeqNum", "{}");
        assertTrue(last.toString(), last.getAsJsonObject("fields").get("lastSequenceNumber").getAsString()
                .endsWith(f.get("sequenceNumber").getAsString()));

        // a 3.3 manual function /v3 used to answer 9005: the same bytes as /v5 (3.3 manual §1.12)
        assertEquals(v5.ok("hisGetOrganDonate", "{}").get("bufferBase64").getAsString(),
                v3.ok("hisGetOrganDonate", "{}").get("bufferBase64").getAsString());

        v3.ok("csCloseCom", "{}");
        assertEquals(4000, v3.call("hisGetBasicData", "{}").get("code").getAsInt());
        assertEquals(4000, v3.call("hisGetOrganDonate", "{}").get("code").getAsInt());
        assertEquals("the 5.x facade has no port rule", 0, v5.call("hisGetBasicData", "{}").get("code").getAsInt());
        System.out.println("FacadesIT: /v3 and /v5 over one engine; COM1 = " + device);
    }

    @Test
    public void eachFacadeHasItsOwnOpenApi() throws Exception {
        V5Calls v3 = new V5Calls(context, home, "v3");
        RawHttp.Response doc = RawHttp.send(v3.port(), "GET", "/v3/openapi.json", v3.authorised());
        assertEquals(200, doc.status());
        assertTrue(doc.body().contains("\"/v3/csOpenCom\""));
        assertTrue("1.56 is 5.1.5's", !doc.body().contains("hisGetTreatNumICCard"));
        for (String f : List.of("hisGetRegisterPrevent", "hisReadPrescription", "hisWriteNewBorn",
                "hisGetCriticalIllnessID", "csUploadData", "hisGetICD10EnC", "hisGetICD10DeC")) {
            assertTrue("the 3.3 manual's " + f, doc.body().contains("\"/v3/" + f + "\""));
        }
        assertTrue("3.2 is 5.1.2's", !doc.body().contains("csUploadDataPrec"));
        RawHttp.Response five = RawHttp.send(v3.port(), "GET", "/v5/openapi.json", v3.authorised());
        assertTrue(five.body().contains("\"/v5/hisGetTreatNumICCard\""));
    }
}
