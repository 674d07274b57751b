// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Base64;

import com.google.gson.JsonObject;

import org.junit.After;
import org.junit.Test;
import org.opennhi.api.common.FacadeHttp;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.engine.testing.World;

/** /v3 over the engine on the simulated cards: the port rule through JSON, the 3.x set, OpenAPI. */
public class V3HttpTest {
    private final World world = new World();
    private final PortGate port = new PortGate(new FakeReaders("nhi-com", ReaderStatus.online()),
            () -> "/dev/ttyS0", new String[0], "Linux");
    private final V3Http http = new V3Http(world.engine, "test", port);

    @After
    public void close() {
        world.close();
    }

    private JsonObject ok(String function, String body) {
        FacadeHttp.Answer a = http.call(function, body);
        assertEquals(a.body().toString(), 200, a.status());
        return a.body();
    }

    @Test
    public void openThenReadThenClose() {
        world.hc("900000000001");
        assertEquals(4000, ok("hisGetBasicData", "{}").get("code").getAsInt());
        assertEquals(-1, ok("csOpenCom", "{\"Comport\":3}").get("code").getAsInt());
        assertEquals(0, ok("csOpenCom", "{\"Comport\":0}").get("code").getAsInt());
        JsonObject a = ok("hisGetBasicData", "{}");
        assertEquals(0, a.get("code").getAsInt());
        assertEquals(72, Base64.getDecoder().decode(a.get("bufferBase64").getAsString()).length);
        JsonObject seq = ok("hisGetSeqNumber", "{\"cTreatItem\":\"01\"}");
        assertEquals(seq.toString(), 0, seq.get("code").getAsInt());
        assertEquals(256, seq.getAsJsonObject("fields").get("signature").getAsString().length());
        assertEquals(3530, ok("csGetVersionEx", "{}").getAsJsonObject("fields").get("value").getAsInt());
        assertEquals(0, ok("csCloseCom", "{}").get("code").getAsInt());
        assertEquals(4000, ok("hisGetBasicData", "{}").get("code").getAsInt());
    }

    @Test
    public void the3_3ManualsRecordFunctionsWithTheirFields() {
        world.hc("900000000011");
        assertEquals(4000, ok("hisGetCriticalIllness", "{}").get("code").getAsInt());
        assertEquals(0, ok("csOpenCom", "{\"Comport\":0}").get("code").getAsInt());
        JsonObject dates = ok("hisGetCriticalIllness", "{\"icd10\":\"Y\"}");
        assertEquals("3.3 manual §1.33: no HPC, the dates only", 5141, dates.get("code").getAsInt());
        assertEquals(138, dates.get("bufferLen").getAsInt());
        assertEquals(2, dates.getAsJsonObject("fields").getAsJsonArray("criticalIllnesses").size());
        JsonObject packed = ok("hisGetICD10EnC", "{\"IN\":\"G44201\"}");
        assertEquals("§5.1", "$<cEi", packed.getAsJsonObject("fields").get("OUT").getAsString());
    }

    @Test
    public void onlyThe3xSetUnderV3() {
        assertEquals("1.56 came with 5.1.5", 404, http.call("hisGetTreatNumICCard", "{}").status());
        assertEquals(400, http.call("csOpenCom", "{}").status());
        JsonObject paths = http.openApi().getAsJsonObject("paths");
        for (String f : http.endpoints().keySet()) {
            assertTrue(f, paths.has("/v3/" + f));
        }
        assertTrue(paths.has("/v3/hisGetSeqNumber256N1"));
        assertTrue(paths.has("/v3/hisGetTreatNumNoICCard"));
        assertEquals("3.2 came with 5.1.2", 404, http.call("csUploadDataPrec", "{}").status());
        assertTrue(http.openApi().getAsJsonObject("info").get("title").getAsString().contains("3.5.x"));
    }
}
