// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;

import javax.inject.Inject;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.engine.CardEngine;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.fixtures.Person;
import org.opennhi.sim.vpcd.VpcdBridge;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The whole NHI path over HTTP with nothing simulated inside the platform: real pcscd + vpcd with the simulated
 * HC, the cloud SAM file from the IDC simulator's portal authenticating the card through the IDC, 1.53 with an
 * online treatment id, 1.47 written under the cloud SAM's MAC, then 1.54 while the IDC is down (an offline id)
 * and its reconciliation once the IDC is back; the IDC and the card are checked afterwards.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VisitIdcIT {
    private static final String HC = "900000000001";
    private static final String HPC = "900000001001";

    @Inject
    private BundleContext context;
    @Inject
    private ReaderService readers;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private NhiHome home;
    @Inject
    private CardEngine engine;
    @Inject
    private SamService sam;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        return ChipReaderDesk.options("opennhi.itest.sim.card", "opennhi.itest.sim.vpcd",
                "opennhi.itest.sim.idc");
    }

    @Test
    public void visitWithTreatmentIdsOnlineAndOfflineOverHttp() throws Exception {
        ChipReaderDesk desk = ChipReaderDesk.start();
        SimulatedCards world = desk.world;
        VpcdBridge bridge = desk.bridge;
        SimulatedIdc idc = new SimulatedIdc(context, configAdmin, Files.createTempDirectory("idc-"));
        idc.installCloudSam(home, "7777777777");

        desk.map(configAdmin, readers);
        bridge.slot(0).insert(world.card(HC));
        Await.until("HC in its reader", () -> readers.slot(Slot.HC).cardPresent());
        Person p = desk.person(HC);

        assertEquals(0, v5().call("csVerifySAMDC", "{}").get("code").getAsInt());
        JsonObject basic = v5().ok("hisGetBasicData", "{}");
        assertEquals(p.name(), basic.getAsJsonObject("fields").get("name").getAsString());

        JsonObject n1 = v5().ok("hisGetSeqNumber256N1", "{\"cTreatItem\":\"01\",\"cBabyTreat\":\" \",\"cTreatAfterCheck\":\"1\"}");
        assertEquals(316, n1.get("bufferLen").getAsInt());
        JsonObject f = n1.getAsJsonObject("fields");
        String dt = f.get("visitDateTime").getAsString();
        String online = f.get("treatmentId").getAsString();
        JsonObject verified = verify(online);
        assertTrue(verified.toString(), verified.get("registered").getAsBoolean());
        assertEquals("ONLINE_CARD", verified.get("source").getAsString());
        assertEquals(dt, verified.get("visitDateTime").getAsString());

        String birth = ChipReaderDesk.rocBirthDate(p);
        String data = "0" + "J0110" + "J0300" + " ".repeat(20) + "00000450" + "00000050" + "00000000" + "0000000"
                + "0000000";
        // 5.1.3 §1.47: the HPC is optional, "若讀卡機內無 HPC 卡，則 pBufferDocID 存入 null char"
        JsonObject noHpc = v5().ok("hisWriteTreatmentData", "{\"pDateTime\":\"" + dt + "\",\"pPatientID\":\""
                + p.idNumber() + "\",\"pPatientBirthDate\":\"" + birth + "\",\"pDataWrite\":\"" + data + "\"}");
        assertEquals("", noHpc.getAsJsonObject("fields").get("pBufferDocID").getAsString());
        bridge.slot(1).insert(world.card(HPC));
        Await.until("HPC in its reader", () -> readers.slot(Slot.HPC).cardPresent());
        v5().ok("hpcVerifyHPCPIN", "{\"pin\":\"1234\"}");
        v5().ok("hisWriteTreatmentData", "{\"pDateTime\":\"" + dt + "\",\"pPatientID\":\"" + p.idNumber()
                + "\",\"pPatientBirthDate\":\"" + birth + "\",\"pDataWrite\":\"" + data + "\"}");

        idc.stop();
        JsonObject offline = v5().ok("hisGetTreatNumNoICCard", "{\"pPatientID\":\"" + p.idNumber()
                + "\",\"pHospID\":\"7777777777\"}");
        assertEquals(43, offline.get("bufferLen").getAsInt());
        String offlineId = offline.getAsJsonObject("fields").get("treatmentId").getAsString();
        assertEquals(1, engine.pendingOfflineTreatmentIds());

        idc.start();
        Await.until("the offline id reconciled", () -> {
            try {
                engine.reconcileOfflineTreatmentIds();
                return verify(offlineId).get("reconciled").getAsBoolean();
            } catch (Exception e) {
                return false;
            }
        });
        JsonObject checked = verify(offlineId);
        assertEquals("OFFLINE", checked.get("source").getAsString());
        assertEquals("7777777777", checked.get("hospitalId").getAsString());

        String card = world.show(HC);
        assertTrue(card, card.contains(dt));
        assertTrue(card, card.contains("J0110J0300"));
    }

    private JsonObject verify(String treatmentId) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("treatmentId", treatmentId);
        return JsonParser.parseString(sam.callIdc("/v1/treatment-ids/verify", body.toString())).getAsJsonObject();
    }

    private V5Calls v5() {
        return new V5Calls(context, home);
    }
}
