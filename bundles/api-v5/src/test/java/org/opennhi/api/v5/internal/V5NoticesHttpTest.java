// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.junit.After;
import org.junit.Test;
import org.opennhi.engine.testing.World;

/**
 * The notices of 取號 in the HTTP answer (1.9, 1.37, 1.53): the visit-count reminder as NHI's test plan case 1
 * wants it, the 重大傷病 expiry notice, and neither changing the code or the buffer.
 */
public class V5NoticesHttpTest {
    private static final String VISIT = "{\"cTreatItem\":\"01\",\"cBabyTreat\":\" \",\"cTreatAfterCheck\":\"1\"}";
    private final World world = new World();
    private final V5Http http = new V5Http(world.engine, "test");

    @After
    public void close() {
        world.close();
    }

    private JsonObject visit(String card, String function) {
        world.hc(card);
        V5Http.Answer a = http.call(function, VISIT);
        assertEquals(a.body().toString(), 200, a.status());
        assertEquals(a.body().toString(), 0, a.body().get("code").getAsInt());
        return a.body();
    }

    @Test
    public void ninetyVisitsAtEightyIsARedReminder() {
        JsonObject a = visit("900000000010", "hisGetSeqNumber256");
        JsonArray notices = a.getAsJsonArray("notices");
        assertEquals(a.toString(), 1, notices.size());
        JsonObject n = notices.get(0).getAsJsonObject();
        assertEquals("visitReminder", n.get("kind").getAsString());
        assertTrue(n.get("red").getAsBoolean());
        assertEquals(90, n.get("visitsThisYear").getAsInt());
        assertTrue(n.get("message").getAsString().startsWith("就醫次數提醒"));
        assertEquals(296, a.get("bufferLen").getAsInt());
    }

    @Test
    public void aChildGetsNoNoticeAndAnAdultAtThirtyAPlainOne() {
        assertNull(visit("900000000007", "hisGetSeqNumber").get("notices"));
        JsonObject n = visit("900000000008", "hisGetSeqNumber256").getAsJsonArray("notices").get(0).getAsJsonObject();
        assertFalse(n.get("red").getAsBoolean());
    }

    @Test
    public void aCriticalIllnessEndingSoonIsAnnouncedAndSilencesTheReminder() {
        JsonArray notices = visit("900000000022", "hisGetSeqNumber256").getAsJsonArray("notices");
        assertEquals(notices.toString(), 1, notices.size());
        JsonObject n = notices.get(0).getAsJsonObject();
        assertEquals("criticalIllnessExpiry", n.get("kind").getAsString());
        assertEquals("C5000", n.get("code").getAsString());
        assertEquals(10, n.get("daysLeft").getAsInt());
        assertTrue(n.get("message").getAsString().contains("到期"));
    }

    @Test
    public void theOpenApiDocumentDescribesTheNotices() {
        JsonObject doc = http.openApi();
        JsonObject notices = doc.getAsJsonObject("components").getAsJsonObject("schemas").getAsJsonObject("Answer")
                .getAsJsonObject("properties").getAsJsonObject("notices");
        assertEquals("array", notices.get("type").getAsString());
        assertTrue(notices.getAsJsonObject("items").getAsJsonObject("properties").has("red"));
    }
}
