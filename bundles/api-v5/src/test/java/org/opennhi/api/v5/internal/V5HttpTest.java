// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.google.gson.JsonObject;

import org.junit.After;
import org.junit.Test;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.fixtures.Person;

/** The JSON API over the engine on the simulated cards: bytes, fields, codes, malformed requests, OpenAPI. */
public class V5HttpTest {
    private final World world = new World();
    private final V5Http http = new V5Http(world.engine, "test");

    @After
    public void close() {
        world.close();
    }

    private JsonObject ok(String function, String body) {
        V5Http.Answer a = http.call(function, body);
        assertEquals(a.body().toString(), 200, a.status());
        return a.body();
    }

    @Test
    public void basicDataAsBytesAndFields() {
        world.hc("900000000001");
        Person p = world.person("900000000001");
        JsonObject a = ok("hisGetBasicData", "{}");
        assertEquals(0, a.get("code").getAsInt());
        assertEquals("成功", a.get("message").getAsString());
        byte[] bytes = Base64.getDecoder().decode(a.get("bufferBase64").getAsString());
        assertEquals(72, bytes.length);
        JsonObject f = a.getAsJsonObject("fields");
        assertEquals(p.name(), f.get("name").getAsString());
        assertEquals(p.cardNumber(), f.get("cardNumber").getAsString());
        assertEquals("0223456789", f.get("emergencyPhone").getAsString());
        JsonObject small = ok("hisGetBasicData", "{\"iBufferLen\":71}");
        assertEquals(6018, small.get("code").getAsInt());
        assertFalse(small.has("bufferBase64"));
    }

    @Test
    public void pinFromTheBody() {
        world.hc("900000000002");
        assertEquals(5109, ok("hisGetRegisterBasic", "{}").get("code").getAsInt());
        assertEquals(5102, ok("hisGetRegisterBasic", "{\"pin\":\"0000\"}").get("code").getAsInt());
        JsonObject a = ok("hisGetRegisterBasic", "{\"pin\":\"1234\"}");
        assertEquals(0, a.get("code").getAsInt());
        assertEquals(78, a.get("bufferLen").getAsInt());
    }

    @Test
    public void visitAndStatusValues() {
        world.hc("900000000001");
        JsonObject v = ok("hisGetSeqNumber256", "{\"cTreatItem\":\"01\",\"cBabyTreat\":\" \",\"cTreatAfterCheck\":\"1\"}");
        assertEquals(0, v.get("code").getAsInt());
        assertEquals("N", v.getAsJsonObject("fields").get("sameDay").getAsString());
        assertEquals(256, v.getAsJsonObject("fields").get("signature").getAsString().length());
        JsonObject s = ok("hisGetCardStatus", "{\"CardType\":2}");
        assertEquals(0, s.get("code").getAsInt());
        assertEquals(2, s.getAsJsonObject("fields").get("value").getAsInt());
        JsonObject ver = ok("csGetVersionEx", "{}");
        assertEquals(5158, ver.getAsJsonObject("fields").get("value").getAsInt());
        JsonObject undo = ok("csUnGetSeqNumber", "{\"pUnTreatDate\":\""
                + v.getAsJsonObject("fields").get("visitDateTime").getAsString() + "\"}");
        assertEquals(0, undo.get("code").getAsInt());
    }

    @Test
    public void badRequests() {
        assertEquals(404, http.call("hisNoSuchThing", "{}").status());
        assertEquals(400, http.call("hisGetBasicData", "[1,2]").status());
        assertEquals(400, http.call("hisGetBasicData", "{nope").status());
        V5Http.Answer missing = http.call("hisGetSeqNumber256", "{}");
        assertEquals(400, missing.status());
        assertEquals(6018, missing.body().get("code").getAsInt());
        assertEquals(400, http.call("hisGetCardStatus", "{\"CardType\":\"x\"}").status());
        assertEquals(400, http.call("hisGetBasicData", "{\"iBufferLen\":70000}").status());
    }

    @Test
    public void openApiListsEveryFunction() {
        JsonObject doc = http.openApi();
        JsonObject paths = doc.getAsJsonObject("paths");
        for (String f : http.endpoints().keySet()) {
            assertTrue(f, paths.has("/v5/" + f));
        }
        assertTrue(paths.getAsJsonObject("/v5/hisGetSeqNumber256N1").getAsJsonObject("post")
                .getAsJsonObject("requestBody").toString().contains("cTreatAfterCheck"));
    }

    // ---- health data writes (1.19–1.26, 1.46), card update, uploads ------------------------------------

    private String patient(String card) {
        Person p = world.person(card);
        LocalDate b = p.birthDate();
        return "\"pPatientID\":\"" + p.idNumber() + "\",\"pPatientBirthDate\":\""
                + String.format("%03d%02d%02d", b.getYear() - 1911, b.getMonthValue(), b.getDayOfMonth()) + "\"";
    }

    @Test
    public void allergiesWithTheDoctorsPinInTheBody() {
        world.hc("900000000001").hpc("900000001001");
        String body = "{" + patient("900000000001") + ",\"pDataWrite\":\"PENICILLIN\",\"iNum\":2}";
        assertEquals(4042, ok("hisWriteAllergicNum", body).get("code").getAsInt());
        assertEquals(0, ok("hpcVerifyHPCPIN", "{\"pin\":\"1234\"}").get("code").getAsInt());
        JsonObject a = ok("hisWriteAllergicNum", body);
        assertEquals(a.toString(), 0, a.get("code").getAsInt());
        assertEquals(world.cards.fixtures().professionals().get(0).idNumber(),
                a.getAsJsonObject("fields").get("pBufferDocID").getAsString());
        assertEquals(400, http.call("hisWriteAllergicNum", "{" + patient("900000000001")
                + ",\"pDataWrite\":\"X\"}").status());
    }

    @Test
    public void aPinCardsWriteTakesThePinFromTheBody() {
        world.hc("900000000002");
        // 1.19 rewrites the registration area, which the holder's PIN opens (card-profile §4)
        LocalDate born = LocalDate.now(World.TAIPEI).minusDays(1);
        String body = "{" + patient("900000000002") + ",\"pNewBornDate\":\"" + String.format("%03d%02d%02d",
                born.getYear() - 1911, born.getMonthValue(), born.getDayOfMonth()) + "\",\"pNoOfDelivered\":\"1\"";
        assertEquals(5109, ok("hisWriteNewBorn", body + "}").get("code").getAsInt());
        assertEquals(5102, ok("hisWriteNewBorn", body + ",\"pin\":\"9999\"}").get("code").getAsInt());
        assertEquals(0, ok("hisWriteNewBorn", body + ",\"pin\":\"1234\"}").get("code").getAsInt());
    }

    @Test
    public void endpointsInTheManualsOrder() {
        List<String> names = new ArrayList<>(http.endpoints().keySet());
        assertEquals(names.indexOf("hisWritePrescription") + 1, names.indexOf("hisWriteNewBorn"));
        assertEquals(names.indexOf("hisWriteInoculateData") + 1, names.indexOf("csVerifyHCPIN"));
        assertEquals(names.indexOf("csDisableHCPIN") + 1, names.indexOf("csUpdateHCContents"));
        assertEquals(names.indexOf("csUnGetSeqNumber") + 1, names.indexOf("csUpdateHCNoReset"));
        assertEquals(names.indexOf("hisWriteMultiPrescript") + 1, names.indexOf("hisWriteAllergicNum"));
        assertEquals(names.indexOf("csGetHospAbbName") + 1, names.indexOf("csUploadData"));
        assertEquals(names.indexOf("csDownloadData") + 1, names.indexOf("hpcGetHPCStatus"));
        assertEquals("hisGetBasicData", names.get(0));
    }

    /**
     * 5.1.3 §1.28: the new PIN is entered twice; over HTTP the second entry is {@code newPinAgain}: different → 5107
     * and the card keeps its PIN; the old PIN not verified first → 5105.
     */
    @Test
    public void section1_28_theNewPinTwice() {
        world.hc("900000000002"); // PIN 1234 in use
        assertEquals(5105, ok("csInputHCPIN", "{\"pin\":\"1234\",\"newPin\":\"5678\"}").get("code").getAsInt());
        assertEquals(0, ok("csVerifyHCPIN", "{\"pin\":\"1234\"}").get("code").getAsInt());
        assertEquals(5107, ok("csInputHCPIN", "{\"pin\":\"1234\",\"newPin\":\"5678\",\"newPinAgain\":\"5679\"}")
                .get("code").getAsInt());
        assertEquals("the PIN did not change", 0, ok("csVerifyHCPIN", "{\"pin\":\"1234\"}").get("code").getAsInt());
        assertEquals(0, ok("csInputHCPIN", "{\"pin\":\"1234\",\"newPin\":\"5678\",\"newPinAgain\":\"5678\"}")
                .get("code").getAsInt());
        assertEquals(0, ok("csVerifyHCPIN", "{\"pin\":\"5678\"}").get("code").getAsInt());
    }
}
