// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.Base64;
import java.util.Hashtable;
import java.util.Map;

import javax.inject.Inject;

import com.google.gson.JsonObject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.client.NhiClient;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.sam.HpcAuthorisation;
import org.opennhi.contracts.sam.SamPlugin;
import org.opennhi.engine.CardEngine;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.SimulatedSam;
import org.opennhi.sim.card.fixtures.Institution;
import org.opennhi.sim.card.fixtures.Person;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A visit through the whole platform over the local HTTP API: real pcscd with vsmartcard's vpcd driver, the
 * simulated HC and HPC in its readers, the card engine and the 5.1.x facade behind the gateway's token check.
 * The SAM is the simulated key-scheme SAM registered ahead of the cloud plugin, so this test needs no IDC
 * (VisitIdcIT runs the visit with the cloud SAM through the IDC simulator). The card's content is checked in the
 * simulator afterwards.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VisitApiIT {
    private static final String HC = "900000000002";
    private static final String HPC = "900000001001";

    private static ChipReaderDesk desk;
    private static SimulatedCards world;
    private static RecordingCard hcCard;

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
    private PlatformSettings settings;
    @Inject
    private HpcAuthorisation hpcAuth;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        return ChipReaderDesk.options("opennhi.itest.sim.card", "opennhi.itest.sim.vpcd",
                "opennhi.itest.client");
    }

    @Before
    public void desk() throws Exception {
        if (desk == null) {
            desk = ChipReaderDesk.start();
            world = desk.world;
        }
        if (context.getServiceReferences(SamPlugin.class, "(service.ranking=100)").isEmpty()) {
            Institution clinic = world.fixtures().institutions().stream()
                    .filter(i -> i.hospitalId().equals("7777777777")).findFirst().orElseThrow();
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(SamPlugin.MODE_PROPERTY, "cloud");
            props.put(Constants.SERVICE_RANKING, 100);
            context.registerService(SamPlugin.class, new SimulatedSam(clinic), props);
        }
        desk.map(configAdmin, readers);
        if (desk.bridge.slot(0).card() == null) {
            hcCard = new RecordingCard(world.card(HC));
            desk.bridge.slot(0).insert(hcCard);
            desk.bridge.slot(1).insert(world.card(HPC));
        }
        Await.until("both cards in", () -> readers.slot(Slot.HC).cardPresent() && readers.slot(Slot.HPC)
                .cardPresent());
    }

    @Test
    public void registrationConsultingRoomPrescriptionsAndUndoOverHttp() throws Exception {
        Person p = desk.person(HC);
        String birth = ChipReaderDesk.rocBirthDate(p);

        // registration desk: 1.1 and 1.38, no PIN
        JsonObject basic = v5().ok("hisGetBasicData", "{}");
        assertEquals(72, Base64.getDecoder().decode(basic.get("bufferBase64").getAsString()).length);
        assertEquals(p.name(), basic.getAsJsonObject("fields").get("name").getAsString());
        JsonObject reg2 = v5().ok("hisGetRegisterBasic2", "{}");
        assertEquals(String.format("%02d", p.visitsLeft()),
                reg2.getAsJsonObject("fields").get("visitsLeft").getAsString());

        // consulting room: 1.2 needs this holder's PIN
        assertEquals(5109, v5().call("hisGetRegisterBasic", "{}").get("code").getAsInt());
        JsonObject reg = v5().ok("hisGetRegisterBasic", "{\"pin\":\"1234\"}");
        assertEquals(78, reg.get("bufferLen").getAsInt());

        // the doctor's card
        v5().ok("hpcVerifyHPCPIN", "{\"pin\":\"1234\"}");
        assertEquals(3, v5().ok("hisGetCardStatus", "{\"CardType\":3}").getAsJsonObject("fields").get("value").getAsInt());

        // 1.37: sequence number and signature
        JsonObject seq = v5().ok("hisGetSeqNumber256", "{\"cTreatItem\":\"01\",\"cBabyTreat\":\" \",\"cTreatAfterCheck\":\"1\"}");
        JsonObject f = seq.getAsJsonObject("fields");
        String dt = f.get("visitDateTime").getAsString();
        assertEquals(String.format("%04d", p.visitsThisYear() + 1), f.get("sequenceNumber").getAsString());
        assertEquals("7777777777", f.get("hospitalId").getAsString());

        // 1.47: diagnoses and fees
        String data = "0" + "J0110" + "J0300" + " ".repeat(20) + "00000450" + "00000050" + "00000000" + "0000000"
                + "0000000";
        JsonObject treated = v5().ok("hisWriteTreatmentData", "{\"pDateTime\":\"" + dt + "\",\"pPatientID\":\""
                + p.idNumber() + "\",\"pPatientBirthDate\":\"" + birth + "\",\"pDataWrite\":\"" + data + "\"}");
        assertEquals(world.fixtures().professionals().get(0).idNumber(),
                treated.getAsJsonObject("fields").get("pBufferDocID").getAsString());

        // 1.49: five prescriptions with signatures
        StringBuilder five = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            five.append(dt).append('1').append(String.format("%-12s", "ITX0" + i + "001AB")).append(" ".repeat(6))
                    .append(String.format("%-18s", "TID")).append("07").append("0021.00").append("01");
        }
        JsonObject rx = v5().ok("hisWriteMultiPrescriptSign", "{\"pDateTime\":\"" + dt + "\",\"pPatientID\":\""
                + p.idNumber() + "\",\"pPatientBirthDate\":\"" + birth + "\",\"pDataWrite\":\"" + five
                + "\",\"iWriteCount\":5}");
        assertEquals(200, rx.get("bufferLen").getAsInt());
        assertEquals(5, rx.getAsJsonObject("fields").getAsJsonArray("signatures").size());

        // the health-record reads see what was written: 1.6 from the cache, 1.8 with the doctor's HPC, 1.41
        JsonObject cumulative = v5().ok("hisGetCumulativeData", "{\"pin\":\"1234\"}");
        assertEquals(String.format("%04d", p.visitsThisYear() + 1), cumulative.getAsJsonObject("fields")
                .getAsJsonArray("cumulative").get(0).getAsJsonObject().get("visits").getAsString());
        JsonObject needHpc = v5().ok("hisGetTreatmentNeedHPC", "{\"pin\":\"1234\"}");
        JsonObject diagnosed = needHpc.getAsJsonObject("fields").getAsJsonArray("diagnoses").get(0)
                .getAsJsonObject();
        assertEquals(dt, diagnosed.get("visitDateTime").getAsString());
        assertEquals("J0110", diagnosed.get("main").getAsString());
        JsonObject main = v5().ok("hisReadPrescriptMain", "{\"iStartPos\":1,\"iEndPos\":5,\"pin\":\"1234\"}");
        assertEquals(5, main.getAsJsonObject("fields").get("iRecCount").getAsInt());
        assertEquals(305, main.get("bufferLen").getAsInt());

        // a second visit, undone (退掛)
        JsonObject again = v5().ok("hisGetSeqNumber256", "{\"cTreatItem\":\"01\"}");
        assertEquals("Y", again.getAsJsonObject("fields").get("sameDay").getAsString());
        String dt2 = again.getAsJsonObject("fields").get("visitDateTime").getAsString();
        v5().ok("csUnGetSeqNumber", "{\"pUnTreatDate\":\"" + dt2 + "\"}");
        assertEquals(5153, v5().call("csUnGetSeqNumber", "{\"pUnTreatDate\":\"" + dt2 + "\"}").get("code").getAsInt());

        // what the card holds now, read by the simulator itself
        String card = world.show(HC);
        assertTrue(card, card.contains(dt));
        assertTrue(card, card.contains("J0110J0300"));
        for (int i = 0; i < 5; i++) {
            assertTrue(card, card.contains("ITX0" + i + "001AB"));
        }
        assertTrue(card, card.contains("ZA"));
        assertEquals("one visit used, the undone one given back", p.visitsLeft() - 1,
                engine.cardStatus().visitsLeft());
    }

    @Test
    public void aRepeatedReadAnswersFromTheCache() throws Exception {
        // as a Java HIS outside OSGi calls it: the client library with the token from the NHI home
        NhiClient his = NhiClient.fromHome(home.root(), v5().port());
        NhiClient.Answer first = his.call("hisGetBasicData");
        assertTrue(first.toString(), first.ok());
        assertEquals(72, first.buffer().length);
        int apdus = hcCard.log.size();
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(first.buffer(), his.call("hisGetBasicData").buffer());
            assertTrue(his.call("hisGetRegisterBasic2").ok());
        }
        // PC/SC cannot prove the card stayed (docs/card-engine.md, "The card in the slot"): a cached read costs the
        // engine's identity check, one GET DATA of the public basic profile without SELECT, and nothing else
        for (byte[] c : hcCard.log.subList(apdus, hcCard.log.size())) {
            assertEquals("cached reads send only the identity check", "00ca110002000039",
                    java.util.HexFormat.of().formatHex(c));
        }
        NhiClient.Answer small = his.call("hisGetBasicData", Map.of("iBufferLen", 71));
        assertEquals(6018, small.code());
        assertEquals(0, small.buffer().length);
        assertEquals("5158", his.call("csGetVersionEx").fields().get("value"));
    }

    @Test
    public void openApiAndBadRequests() throws Exception {
        RawHttp.Response doc = RawHttp.send(v5().port(), "GET", "/v5/openapi.json", v5().authorised());
        assertEquals(200, doc.status());
        assertTrue(doc.body().contains("\"/v5/hisGetSeqNumber256N1\""));
        Map<String, String> headers = v5().authorised();
        RawHttp.Response garbage = RawHttp.send(v5().port(), "POST", "/v5/hisGetBasicData", headers, "{not json");
        assertEquals(400, garbage.status());
        assertTrue(garbage.body().contains("6018"));
        RawHttp.Response noToken = RawHttp.send(v5().port(), "POST", "/v5/hisGetBasicData",
                RawHttp.headers("Host", v5().host()), "{}");
        assertEquals(401, noToken.status());
    }

    /**
     * The health-data writes over HTTP with the doctor away: HPC fast authentication on (HPCFASTAUTH), one PIN
     * verification, the HPC out of its reader, and the allergy write (1.46, needs the HPC) still authorised;
     * with fast authentication off it is 4014. The card's content is checked in the simulator.
     */
    @Test
    public void healthWritesWithTheHpcAwayUnderFastAuth() throws Exception {
        Person p = desk.person(HC);
        String who = "\"pPatientID\":\"" + p.idNumber() + "\",\"pPatientBirthDate\":\""
                + ChipReaderDesk.rocBirthDate(p) + "\"";
        fastAuth(true);
        v5().ok("hpcVerifyHPCPIN", "{\"pin\":\"1234\"}");
        Await.until("the grant runs on fast authentication",
                () -> hpcAuth.current().map(g -> g.fastAuthUntil().isPresent()).orElse(false));
        desk.bridge.slot(1).remove();
        Await.until("HPC out", () -> !readers.slot(Slot.HPC).cardPresent());
        JsonObject allergy = v5().ok("hisWriteAllergicNum", "{" + who + ",\"pDataWrite\":\"PENICILLIN\",\"iNum\":1}");
        assertEquals(world.fixtures().professionals().get(0).idNumber(),
                allergy.getAsJsonObject("fields").get("pBufferDocID").getAsString());
        v5().ok("hisWriteEmergentTel", "{" + who + ",\"pEmergentTel\":\"0911222333\"}");
        v5().ok("hisWriteInoculateData", "{" + who + ",\"pItem\":\"MMR\",\"pPackageNumber\":\"LOT77\"}");
        assertEquals(5062, v5().call("hisWriteOrganDonate", "{" + who + ",\"pOrganDonate\":\" \"}")
                .get("code").getAsInt());

        fastAuth(false);
        Await.until("the grant ends with the HPC away", () -> hpcAuth.current().isEmpty());
        assertEquals(4014, v5().call("hisWriteAllergicNum", "{" + who + ",\"pDataWrite\":\"X\",\"iNum\":2}")
                .get("code").getAsInt());

        String card = world.show(HC);
        assertTrue(card, card.contains("PENICILLIN"));
        assertTrue(card, card.contains("0911222333"));
        assertTrue(card, card.contains("LOT77"));

        desk.bridge.slot(1).insert(world.card(HPC));
        Await.until("HPC back", () -> readers.slot(Slot.HPC).cardPresent());
        assertEquals(4042, v5().call("hisWriteAllergicNum", "{" + who + ",\"pDataWrite\":\"X\",\"iNum\":2}")
                .get("code").getAsInt());
    }

    private void fastAuth(boolean on) throws Exception {
        Configuration c = configAdmin.getConfiguration(PlatformSettings.PID, "?");
        Hashtable<String, Object> props = new Hashtable<>();
        if (c.getProperties() != null) {
            for (java.util.Enumeration<String> k = c.getProperties().keys(); k.hasMoreElements();) {
                String key = k.nextElement();
                props.put(key, c.getProperties().get(key));
            }
        }
        props.put("hpcFastAuth", on);
        c.update(props);
        Await.until("fast auth " + on, () -> settings.hpcFastAuth() == on);
    }

    private V5Calls v5() {
        return new V5Calls(context, home);
    }
}
