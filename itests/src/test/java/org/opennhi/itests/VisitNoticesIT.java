// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * NHI's test plan, case 1 (就醫次數提醒) and the 重大傷病到期 notice, through the demo platform: the notice in the
 * HTTP answer of 取號 and on {@code /events}, and, in a real headless Chromium on the watch page, the red text for
 * the 90-visit holder, none for the child, gone once the card leaves.
 */
public class VisitNoticesIT {
    private static final String VISIT = "{\"cTreatItem\":\"01\",\"cBabyTreat\":\" \",\"cTreatAfterCheck\":\"1\"}";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static DemoPlatform platform;
    private static Chromium browser;

    @BeforeClass
    public static void start() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        platform = DemoPlatform.start(work, Map.of(), "");
        browser = Chromium.start(work);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private static JsonObject visit(String card) throws Exception {
        platform.json("POST", "/demo/cards", "{\"slot\":\"hc\",\"card\":\"" + card + "\"}");
        JsonObject a = platform.json("POST", "/v5/hisGetSeqNumber256", VISIT);
        assertEquals(a.toString(), 0, a.get("code").getAsInt());
        return a;
    }

    /** The case-1 rows the fixture cards cover (docs/card-profile.md §7): none / notice / red notice. */
    @Test
    public void eachReminderCaseGivesTheNoticeTheTestPlanWants() throws Exception {
        String[][] cases = {
            {"900000000007", "none", "child, 35 visits"},
            {"900000000011", "none", "critical illness, 35 visits"},
            {"900000000015", "none", "age 64, 29 visits"},
            {"900000000008", "notice", "adult, 30 visits"},
            {"900000000016", "none", "age 65, 39 visits"},
            {"900000000009", "notice", "age 70, 40 visits"},
            {"900000000010", "red", "age 80, 90 visits"}};
        int checked = 0;
        try (EventStream events = new EventStream(platform.port, "/events", RawHttp.headers("Host",
                "127.0.0.1:" + platform.port, "Authorization", "Bearer " + platform.token()))) {
            for (String[] c : cases) {
                JsonArray notices = visit(c[0]).getAsJsonArray("notices");
                String got = notices == null ? "none" : notices.get(0).getAsJsonObject().get("red").getAsBoolean()
                        ? "red" : "notice";
                assertEquals(c[2], c[1], got);
                if (!"none".equals(c[1])) {
                    EventStream.Event e = events.next(ev -> "notice".equals(ev.name()), 10_000);
                    JsonObject pushed = JsonParser.parseString(e.data()).getAsJsonObject();
                    assertEquals(c[2], "visitReminder", pushed.get("kind").getAsString());
                    assertEquals(c[2], "red".equals(c[1]), pushed.get("red").getAsBoolean());
                }
                checked++;
            }
        }
        System.out.println("VisitNoticesIT: " + checked + " reminder cases as test plan case 1 says");
    }

    @Test
    public void aCriticalIllnessEndingSoonIsAnnounced() throws Exception {
        JsonArray notices = visit("900000000022").getAsJsonArray("notices");
        assertEquals(1, notices.size());
        assertEquals("criticalIllnessExpiry", notices.get(0).getAsJsonObject().get("kind").getAsString());
    }

    @Test
    public void theWatchPageShowsTheRedNoticeUntilTheCardLeaves() throws Exception {
        browser.navigate(platform.loginLink("watch"));
        browser.waitFor("the overlay page", "location.pathname === '/watch/' && !!document.getElementById('notices')",
                WAIT);
        browser.waitFor("live", "document.getElementById('connection').textContent === 'live'", WAIT);
        String updates = browser.eval("String(Number(document.body.dataset.updates || 0))");
        visit("900000000007");
        browser.waitFor("the child's visit reached the page (" + updates + " updates before)",
                "Number(document.body.dataset.updates || 0) > " + updates + " && "
                + "document.getElementById('label-HC').textContent.charAt(0) !== '0'", WAIT);
        assertEquals("0", browser.eval("String(document.querySelectorAll('#notices .notice').length)"));
        visit("900000000010");
        browser.waitFor("the red notice", "!!document.querySelector('#notices .notice.red')", WAIT);
        String text = browser.eval("document.querySelector('#notices .notice.red').textContent");
        assertTrue(text, text.contains("就醫次數提醒") && text.contains("90"));
        String colour = browser.eval("getComputedStyle(document.querySelector('#notices .notice.red')).color");
        assertEquals("rgb(192, 0, 0)", colour);
        platform.json("POST", "/demo/cards", "{\"slot\":\"hc\"}");
        browser.waitFor("the notice gone with the card", "document.querySelectorAll('#notices .notice').length === 0",
                WAIT);
        JsonObject status = platform.json("GET", "/status", null);
        assertEquals(0, status.getAsJsonArray("notices").size());
        assertFalse("the admin page keeps the recent ones", status.getAsJsonArray("recentNotices").isEmpty());
        assertNull(status.get("lastError").isJsonNull() ? null : status.get("lastError"));
        browser.navigate(platform.loginLink("admin"));
        // the same browser, still holding the watch session: an admin link must log it in as admin
        browser.waitFor("the admin page's recent notices", "!!document.querySelector('#recent-notices li.red')", WAIT);
    }
}
