// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.Test;
import org.opennhi.sim.idc.internal.cli.IdcHttp;

/** The HC records behind csUpdateHCContents (docs/idc-protocol.md §16) and their operator routes. */
public class CardContentsTest extends IdcTestBase {

    @Test
    public void seededFromTheFixturesWithVisitsRenewed() throws Exception {
        String session = f.session(f.testSam("7777777777"), "PC-1");
        IdcHttp.Answer a = f.http.post("/v1/cards/contents", IdcFixture.json("cardNo", "900000000006"), session);
        assertEquals(200, a.status());
        assertEquals("900000000006", a.str("cardNo"));
        assertEquals("no visits left on the card, 6 after an update", 6, a.json().get("visitsLeft").getAsInt());
        assertFalse(a.json().get("cancelled").getAsBoolean());
        assertEquals("01", a.str("insurerCode"));
        assertEquals("3", a.str("insuredMark"));
        assertEquals(7, a.str("expiryDate").length());
        IdcHttp.Answer ill = f.http.post("/v1/cards/contents", IdcFixture.json("cardNo", "900000000011"), session);
        assertEquals(2, ill.json().getAsJsonArray("criticalIllnesses").size());
        assertEquals("C5000", ill.json().getAsJsonArray("criticalIllnesses").get(0).getAsJsonObject().get("code")
                .getAsString());
        IdcHttp.Answer cancelled = f.http.post("/v1/cards/contents", IdcFixture.json("cardNo", "900000000005"),
                session);
        assertEquals(true, cancelled.json().get("cancelled").getAsBoolean());
    }

    @Test
    public void refusals() throws Exception {
        String session = f.session(f.testSam("7777777777"), "PC-1");
        IdcHttp.Answer unknown = f.http.post("/v1/cards/contents", IdcFixture.json("cardNo", "900000000199"),
                session);
        assertEquals(404, unknown.status());
        assertEquals(9012, unknown.code());
        IdcHttp.Answer bad = f.http.post("/v1/cards/contents", IdcFixture.json("cardNo", "12"), session);
        assertEquals(400, bad.status());
        assertEquals(9002, bad.code());
        IdcHttp.Answer noSession = f.http.post("/v1/cards/contents", IdcFixture.json("cardNo", "900000000001"),
                null);
        assertEquals(401, noSession.status());
        assertEquals(4050, noSession.code());
    }

    @Test
    public void operatorsChangeARecord() throws Exception {
        JsonObject change = JsonParser.parseString("{\"visitsLeft\":3,\"expiryDate\":\"1201231\",\"cancelled\":true,"
                + "\"criticalIllnesses\":[{\"code\":\"N1850\",\"from\":\"1150101\",\"to\":\"1191231\"}]}")
                .getAsJsonObject();
        IdcHttp.Answer put = f.http.put("/admin/card-contents/900000000001", change);
        assertEquals(200, put.status());
        IdcHttp.Answer got = f.http.get("/admin/card-contents/900000000001");
        assertEquals(3, got.json().get("visitsLeft").getAsInt());
        assertEquals("1201231", got.str("expiryDate"));
        assertEquals(true, got.json().get("cancelled").getAsBoolean());
        assertEquals("N1850", got.json().getAsJsonArray("criticalIllnesses").get(0).getAsJsonObject().get("code")
                .getAsString());
        assertEquals(400, f.http.put("/admin/card-contents/900000000001", JsonParser.parseString(
                "{\"visitsLeft\":100}").getAsJsonObject()).status());
        assertEquals(400, f.http.put("/admin/card-contents/900000000001", JsonParser.parseString(
                "{\"expiryDate\":\"2026-01-01\"}").getAsJsonObject()).status());
    }

    @Test
    public void recordsSurviveARestart() throws Exception {
        f.http.put("/admin/card-contents/900000000002", JsonParser.parseString("{\"insuredMark\":\"5\"}")
                .getAsJsonObject());
        f.restart();
        assertEquals("5", f.http.get("/admin/card-contents/900000000002").str("insuredMark"));
    }
}
