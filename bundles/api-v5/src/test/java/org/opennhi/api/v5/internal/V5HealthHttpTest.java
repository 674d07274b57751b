package org.opennhi.api.v5.internal;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

import org.junit.After;
import org.junit.Test;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.fixtures.Person;

/** The health-data writes over the HTTP API, and their place in the endpoint table. */
public class V5HealthHttpTest {
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
}
