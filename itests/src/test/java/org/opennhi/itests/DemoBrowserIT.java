// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The web pages and the CLI against the real distribution started as {@code bin/nhi-cs --demo}, in a real
 * headless Chromium: the watch overlay logs in with a single-use link and follows the virtual cards through
 * /events (lights 0 → 1 → 2 → 3 and back to 0); the admin console switches the reader type and resets by clicking;
 * {@code nhi-cs ctl} drives the console API. Screenshots go to {@code target/screenshots/}.
 */
public class DemoBrowserIT {
    static final Path SHOTS = Path.of("target/screenshots");
    static final Duration LIGHT_WAIT = Duration.ofSeconds(5);
    private static DemoPlatform platform;
    private static Chromium browser;
    private static String printedCurlOutput;

    @BeforeClass
    public static void start() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        platform = DemoPlatform.start(work, Map.of(), "");
        printedCurlOutput = runThePrintedCurl(); // first, before any test moves the cards
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

    private static String light(String slot) {
        return "document.getElementById('light-" + slot + "').dataset.light";
    }

    /** How long the page took to show each light after the platform reported it (pcscd noticing, for PC/SC). */
    static final java.util.List<Long> LIGHT_DELAYS_MS = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    /** The same from the card event's request (reader detection included), for the record. */
    static final java.util.List<Long> END_TO_END_MS = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private static long changedAt;
    private static LightEvents reported;

    /** Makes card events; the lights awaited next are timed from the moment they were asked for. */
    private static void cardEvents(DemoPlatform platform, String... json) throws Exception {
        changedAt = System.nanoTime();
        for (String j : json) {
            platform.json("POST", "/demo/cards", j);
        }
    }

    private static void awaitLight(Chromium browser, String slot, int value) throws Exception {
        browser.waitFor(slot + " light " + value, light(slot) + " === '" + value + "'", LIGHT_WAIT);
        long shown = System.nanoTime();
        if (reported != null) {
            long since = changedAt;
            // the test's own /events reader may be a moment behind the page's
            Await.until(slot + " light " + value + " on the platform's /events since " + since + ": " + reported, 5_000,
                    () -> reported.firstReported(slot, value, since).isPresent());
            long platformKnew = reported.firstReported(slot, value, since).getAsLong();
            LIGHT_DELAYS_MS.add(Math.max(0, shown - platformKnew) / 1_000_000);
            END_TO_END_MS.add((shown - since) / 1_000_000);
        }
        String label = browser.eval("document.getElementById('label-" + slot + "').textContent");
        assertTrue("a text label, not colour only: " + label, label.startsWith(value + " — ") && label.length() > 5);
    }

    @Test
    public void lightsFollowTheCardsFromNoCardToAuthenticated() throws Exception {
        walkTheLights(platform, browser, "watch");
    }

    /**
     * Empties both readers, opens the overlay, then inserts, authenticates and removes cards through the demo's
     * card endpoint, waiting for each light and taking a screenshot of each state.
     */
    static void walkTheLights(DemoPlatform platform, Chromium browser, String shotPrefix) throws Exception {
        try (LightEvents events = new LightEvents(platform)) {
            walkTheLights(platform, browser, shotPrefix, events);
        } finally {
            reported = null;
        }
    }

    private static void walkTheLights(DemoPlatform platform, Chromium browser, String shotPrefix, LightEvents events)
            throws Exception {
        platform.json("POST", "/demo/cards", "{\"slot\":\"hc\"}");
        platform.json("POST", "/demo/cards", "{\"slot\":\"hpc\"}");

        browser.navigate(platform.loginLink("watch"));
        browser.waitFor("the overlay page", "location.pathname === '/watch/' && !!document.getElementById('light-HC')",
                LIGHT_WAIT);
        awaitLight(browser, "HC", 0);
        awaitLight(browser, "HPC", 0);
        browser.waitFor("SAM light 2", light("SAM") + " === '2'", LIGHT_WAIT);
        browser.waitFor("live", "document.getElementById('connection').textContent === 'live'", LIGHT_WAIT);
        browser.screenshot(SHOTS.resolve(shotPrefix + "-0-no-cards.png"));
        LIGHT_DELAYS_MS.clear();
        END_TO_END_MS.clear();
        reported = events;

        cardEvents(platform, "{\"slot\":\"hc\",\"card\":\"900000000001\"}",
                "{\"slot\":\"hpc\",\"card\":\"900000001001\"}");
        awaitLight(browser, "HC", 1);
        awaitLight(browser, "HPC", 1);
        assertEquals("brown", browser.eval("document.getElementById('light-HC').className.split(' ')[1]"));
        browser.screenshot(SHOTS.resolve(shotPrefix + "-1-inserted.png"));

        cardEvents(platform, "{\"slot\":\"hc\",\"action\":\"authenticate\"}",
                "{\"slot\":\"hpc\",\"action\":\"authenticate\"}");
        awaitLight(browser, "HC", 2);
        awaitLight(browser, "HPC", 2);
        assertEquals("green", browser.eval("document.getElementById('light-HC').className.split(' ')[1]"));
        assertEquals("orange", browser.eval("document.getElementById('light-HPC').className.split(' ')[1]"));
        browser.screenshot(SHOTS.resolve(shotPrefix + "-2-authenticated.png"));

        // the HPC's PIN verified (fixture HPC 900000001001, PIN 1234): both cards in medical mode
        cardEvents(platform, "{\"slot\":\"hpc\",\"action\":\"verify-pin\",\"pin\":\"1234\"}");
        awaitLight(browser, "HPC", 3);
        awaitLight(browser, "HC", 3);
        assertEquals("lightpurple", browser.eval("document.getElementById('light-HPC').className.split(' ')[1]"));
        browser.screenshot(SHOTS.resolve(shotPrefix + "-3-pin-verified.png"));

        cardEvents(platform, "{\"slot\":\"hc\"}");
        awaitLight(browser, "HC", 0);
        awaitLight(browser, "HPC", 3);
        // a card put in again starts from 1: its authentication belonged to the card that left
        cardEvents(platform, "{\"slot\":\"hc\",\"card\":\"900000000002\"}");
        awaitLight(browser, "HC", 1);
        System.out.println(shotPrefix + ": the page showed each light " + LIGHT_DELAYS_MS + " ms after the platform"
                + " reported it; " + END_TO_END_MS + " ms after the card event (reader detection included)");
        long slowest = LIGHT_DELAYS_MS.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue("every light within a second of the platform noticing: " + LIGHT_DELAYS_MS + " ms", slowest <= 1000);
        LIGHT_DELAYS_MS.clear();
        END_TO_END_MS.clear();
    }

    @Test
    public void theEventStreamAndThePageNeedATokenOrASession() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> events = http.send(HttpRequest.newBuilder(platform.uri("/events")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, events.statusCode());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(platform.uri("/watch/"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("a person without a session is sent to the login form", 303, page.statusCode());
        assertEquals("/ui/login?next=/watch/", page.headers().firstValue("Location").orElse(""));
        // a login link works once
        String link = platform.loginLink("watch");
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, first.statusCode());
        String cookie = first.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie, cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, again.statusCode());
        // a foreign origin is refused even with a valid session
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(platform.uri("/status"))
                .header("Cookie", session).header("Origin", "http://evil.example").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode());
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(platform.uri("/status"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, status.statusCode());
        // state-changing requests of a browser session need its CSRF token
        HttpResponse<String> noCsrf = http.send(HttpRequest.newBuilder(platform.uri("/demo/cards"))
                .header("Cookie", session).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"slot\":\"hc\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, noCsrf.statusCode());
        assertTrue(noCsrf.body(), noCsrf.body().contains("csrf"));
    }

    @Test
    public void theAdminPageSwitchesTheReaderTypeAndResetsByClicking() throws Exception {
        browser.navigate(platform.loginLink("admin"));
        browser.waitFor("the admin page", "location.pathname === '/admin/' && document.getElementById('connection')"
                + ".textContent === 'live'", LIGHT_WAIT);
        browser.waitFor("reader type sim shown", "document.getElementById('current-reader-type').textContent === 'sim'",
                LIGHT_WAIT);

        browser.eval("document.getElementById('reader-type').value = 'pcsc'");
        browser.click("#apply-reader-type");
        browser.waitFor("reader type pcsc shown", "document.getElementById('current-reader-type').textContent === 'pcsc'",
                LIGHT_WAIT);
        assertEquals("pcsc", platform.json("GET", "/status", null).getAsJsonObject("reader").get("type").getAsString());
        browser.eval("document.getElementById('reader-type').value = 'sim'");
        browser.click("#apply-reader-type");
        browser.waitFor("reader type sim again", "document.getElementById('current-reader-type').textContent === 'sim'",
                LIGHT_WAIT);

        browser.click("#reset-0");
        browser.waitFor("csSoftwareReset(0) finished", "document.body.dataset.lastJob === 'csSoftwareReset(0) ok'",
                Duration.ofSeconds(30));
        assertTrue(browser.eval("document.getElementById('message').textContent"),
                browser.eval("document.getElementById('message').textContent").contains("restarted"));
        browser.click("#sam-auth");
        browser.waitFor("csVerifySAMDC finished", "document.body.dataset.lastJob === 'csVerifySAMDC ok'",
                Duration.ofSeconds(30));
        browser.waitFor("SAM 2 shown", "document.getElementById('sam-status').textContent.startsWith('2 ')", LIGHT_WAIT);
        browser.screenshot(SHOTS.resolve("admin-console.png"));

        // the page's own session cannot act without its CSRF token; with it, it can
        assertEquals("403", browser.eval("fetch('/admin/api/rescan', {method: 'POST'}).then(r => String(r.status))"));
        assertEquals("200", browser.eval("fetch('/ui/session').then(r => r.json()).then(s => fetch('/admin/api/rescan',"
                + " {method: 'POST', headers: {'X-CSRF-Token': s.csrfToken}})).then(r => String(r.status))"));
    }

    /** The newcomer's path: the command the demo prints, run as printed in a shell right after start. */
    private static String runThePrintedCurl() throws Exception {
        String marker = "basic data of the inserted HC: ";
        Await.until("the demo prints its curl after 'ready.'", 30_000, () -> platform.output().contains(marker));
        String line = platform.output().lines().filter(l -> l.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("the demo prints no curl: " + platform.output()));
        Process p = new ProcessBuilder("bash", "-c", line.substring(line.indexOf(marker) + marker.length()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(out, 0, p.waitFor());
        return out;
    }

    @Test
    public void thePrintedCurlAnswersTheInsertedPatientsBasicData() throws Exception {
        JsonObject answer = JsonParser.parseString(printedCurlOutput).getAsJsonObject();
        assertEquals(printedCurlOutput, 0, answer.get("code").getAsInt());
        byte[] buffer = Base64.getDecoder().decode(answer.get("bufferBase64").getAsString());
        assertEquals(72, buffer.length);
        String card = answer.getAsJsonObject("fields").get("cardNumber").getAsString();
        assertEquals(card, new String(buffer, 0, 12, StandardCharsets.US_ASCII));
        assertTrue("a fixture HC: " + card, card.matches("9000000000\\d\\d"));
    }

    @Test
    public void theCliDrivesTheConsole() throws Exception {
        Map.Entry<Integer, String> auth = platform.ctl("sam-auth");
        assertEquals(auth.getValue(), 0, (int) auth.getKey());
        assertTrue(auth.getValue(), auth.getValue().contains("status 2"));

        Map.Entry<Integer, String> reset = platform.ctl("reset", "2");
        assertEquals(reset.getValue(), 0, (int) reset.getKey());
        assertTrue(reset.getValue(), reset.getValue().contains("HPC reset"));
        assertEquals(0, (int) platform.ctl("card", "insert", "hc", "900000000001").getKey());
        assertEquals(0, platform.json("POST", "/v5/hisGetBasicData", "{}").get("code").getAsInt());
        Map.Entry<Integer, String> hc = platform.ctl("reset", "3");
        assertEquals(hc.getValue(), 0, (int) hc.getKey());
        assertTrue(hc.getValue(), hc.getValue().contains("HC reset"));
        // the engine forgot the card: the next read goes to the card again and still answers
        assertEquals(0, platform.json("POST", "/v5/hisGetBasicData", "{}").get("code").getAsInt());
        assertEquals("a target the manual does not know", 2, (int) platform.ctl("reset", "4").getKey());

        assertEquals(0, (int) platform.ctl("fast-auth", "on").getKey());
        assertTrue(platform.json("GET", "/settings/platform", null).get("hpcFastAuth").getAsBoolean());
        assertEquals(0, (int) platform.ctl("fast-auth", "off").getKey());
        assertEquals(0, (int) platform.ctl("remote").getKey());
        assertTrue(platform.json("GET", "/settings/platform", null).get("remoteDesktop").getAsBoolean());
        assertEquals(0, (int) platform.ctl("local").getKey());
        assertTrue(platform.ctl("log").getValue().contains("legacy-ini-import.log"));

        assertEquals(0, (int) platform.ctl("card", "remove", "hc").getKey());
        assertEquals(0, (int) platform.ctl("card", "insert", "hc", "900000000002").getKey());
        assertTrue(platform.ctl("card", "list").getValue().contains("\"HC\":\"900000000002\""));
        assertEquals("no such card", 1, (int) platform.ctl("card", "insert", "hc", "123456789012").getKey());
        assertEquals("not a card number", 2, (int) platform.ctl("card", "insert", "hc", "12").getKey());
        String link = platform.ctl("ui-link", "watch").getValue().strip();
        assertTrue(link, link.startsWith("http://127.0.0.1:" + platform.port + "/ui/login?code="));
    }
}
