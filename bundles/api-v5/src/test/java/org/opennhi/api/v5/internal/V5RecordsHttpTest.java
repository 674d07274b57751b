// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.junit.After;
import org.junit.Test;
import org.opennhi.engine.testing.World;

/** The health-record reads and the ICD-10 packing over the JSON API: bytes, record arrays, codes, OpenAPI. */
public class V5RecordsHttpTest {
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
    public void preventiveCareAsBytesAndRecords() {
        world.hc("900000000021");
        JsonObject a = ok("hisGetRegisterPrevent", "{}");
        assertEquals(0, a.get("code").getAsInt());
        byte[] bytes = Base64.getDecoder().decode(a.get("bufferBase64").getAsString());
        assertEquals(126, bytes.length);
        assertEquals("031140310777777777721", new String(bytes, 0, 21, StandardCharsets.US_ASCII));
        JsonArray records = a.getAsJsonObject("fields").getAsJsonArray("preventiveCare");
        assertEquals(2, records.size());
        JsonObject second = records.get(1).getAsJsonObject();
        assertEquals(2, second.get("record").getAsInt());
        assertEquals("1130815", second.get("date").getAsString());
        assertEquals("8888888888", second.get("hospitalId").getAsString());
        assertEquals(6018, ok("hisGetRegisterPrevent", "{\"iBufferLen\":125}").get("code").getAsInt());
    }

    @Test
    public void treatmentNeedingHpcInIcd10Mode() {
        world.hc("900000000021");
        assertEquals(4014, ok("hisGetTreatmentNeedHPC", "{}").get("code").getAsInt());
        world.hpc("900000001001");
        assertEquals(0, ok("hpcVerifyHPCPIN", "{\"pin\":\"1234\"}").get("code").getAsInt());
        JsonObject plain = ok("hisGetTreatmentNeedHPC", "{}");
        assertEquals(372, plain.get("bufferLen").getAsInt());
        assertEquals("#)F3N", plain.getAsJsonObject("fields").getAsJsonArray("diagnoses").get(0).getAsJsonObject()
                .get("secondary1").getAsString());
        JsonObject icd = ok("hisGetTreatmentNeedHPC", "{\"icd10\":\"Y\"}");
        assertEquals(540, icd.get("bufferLen").getAsInt());
        JsonObject f = icd.getAsJsonObject("fields");
        assertEquals("C50911", f.getAsJsonArray("criticalIllnesses").get(0).getAsJsonObject().get("code")
                .getAsString());
        JsonObject visit = f.getAsJsonArray("diagnoses").get(0).getAsJsonObject();
        assertEquals("1141020093000", visit.get("visitDateTime").getAsString());
        assertEquals("E119", visit.get("secondary1").getAsString());
        assertEquals("G44201", visit.get("secondary2").getAsString());
        assertEquals(6018, ok("hisGetTreatmentNeedHPC", "{\"icd10\":\"Y\",\"iBufferLen\":539}").get("code")
                .getAsInt());
    }

    @Test
    public void prescriptionsByRangeAndAllFour() {
        world.hc("900000000021");
        world.hpc("900000001001");
        ok("hpcVerifyHPCPIN", "{\"pin\":\"1234\"}");
        JsonObject a = ok("hisReadPrescriptMain", "{\"iStartPos\":3,\"iEndPos\":4}");
        assertEquals(0, a.get("code").getAsInt());
        assertEquals(122, a.get("bufferLen").getAsInt());
        JsonObject f = a.getAsJsonObject("fields");
        assertEquals(2, f.get("iRecCount").getAsInt());
        JsonObject third = f.getAsJsonArray("outpatientPrescriptions").get(0).getAsJsonObject();
        assertEquals(3, third.get("record").getAsInt());
        assertEquals("2", third.get("orderClass").getAsString());
        assertEquals(6018, ok("hisReadPrescriptMain", "{\"iStartPos\":0,\"iEndPos\":4}").get("code").getAsInt());
        assertEquals(400, http.call("hisReadPrescriptMain", "{\"iStartPos\":1}").status());
        JsonObject all = ok("hisReadPrescription", "{}");
        assertEquals(0, all.get("code").getAsInt());
        JsonObject af = all.getAsJsonObject("fields");
        assertEquals(4, af.getAsJsonArray("outpatientPrescriptions").size());
        assertEquals("阿斯匹靈 Aspirin", af.getAsJsonArray("allergicMedicines").get(1).getAsJsonObject()
                .get("ingredient").getAsString());
        assertEquals(3660, Base64.getDecoder().decode(af.get("pOutpatientPrescriptionBase64").getAsString()).length);
    }

    @Test
    public void packingRoundTrip() {
        JsonObject packed = ok("hisGetICD10EnC", "{\"IN\":\"H401324\"}");
        assertEquals(0, packed.get("code").getAsInt());
        String p = packed.getAsJsonObject("fields").get("OUT").getAsString();
        assertEquals(5, p.length());
        JsonObject back = ok("hisGetICD10DeC", "{\"IN\":" + new com.google.gson.JsonPrimitive(p) + "}");
        assertEquals("H401324", back.getAsJsonObject("fields").get("OUT").getAsString());
        JsonObject plain = ok("hisGetICD10EnC", "{\"IN\":\"J0110\"}");
        assertEquals(9127, plain.get("code").getAsInt());
        assertFalse(plain.getAsJsonObject("fields").has("OUT"));
    }

    @Test
    public void openApiListsTheNewFunctions() {
        JsonObject paths = http.openApi().getAsJsonObject("paths");
        for (String f : new String[] {"hisGetRegisterPrevent", "hisGetRegisterPregnant", "hisGetTreatmentNoNeedHPC",
            "hisGetCumulativeData", "hisGetCumulativeFee", "hisGetTreatmentNeedHPC", "hisReadPrescription",
            "hisGetInoculateData", "hisGetOrganDonate", "hisGetCriticalIllness", "hisReadPrescriptMain",
            "hisReadPrescriptLongTerm", "hisReadPrescriptHVE", "hisReadPrescriptAllergic", "hisGetCriticalIllnessID",
            "hisGetICD10EnC", "hisGetICD10DeC"}) {
            assertTrue(f, paths.has("/v5/" + f));
        }
        assertTrue(paths.getAsJsonObject("/v5/hisReadPrescriptMain").toString().contains("iStartPos"));
        assertTrue(paths.getAsJsonObject("/v5/hisGetTreatmentNeedHPC").toString().contains("icd10"));
    }
}
