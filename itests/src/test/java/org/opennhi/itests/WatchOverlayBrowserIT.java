package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The watch overlay in a real headless Chromium against the real distribution in demo mode: the page logs in
 * with a single-use link, then follows the virtual cards through /events — lights 0 → 1 → 2 and back to 0 — with
 * screenshots in {@code target/screenshots/}.
 */
public class WatchOverlayBrowserIT {
    static final Path SHOTS = Path.of("target/screenshots");
    private static final Duration LIGHT_WAIT = Duration.ofSeconds(5);
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

    private static String light(String slot) {
        return "document.getElementById('light-" + slot + "').dataset.light";
    }

    private static void awaitLight(String slot, int value) throws Exception {
        browser.waitFor(slot + " light " + value, light(slot) + " === '" + value + "'", LIGHT_WAIT);
        String label = browser.eval("document.getElementById('label-" + slot + "').textContent");
        assertTrue("a text label, not colour only: " + label, label.startsWith(value + " — ") && label.length() > 5);
    }

    @Test
    public void lightsFollowTheCardsFromNoCardToAuthenticated() throws Exception {
        platform.json("POST", "/demo/cards", "{\"slot\":\"hc\"}");
        platform.json("POST", "/demo/cards", "{\"slot\":\"hpc\"}");

        browser.navigate(platform.loginLink("watch"));
        browser.waitFor("the overlay page", "location.pathname === '/watch/' && !!document.getElementById('light-HC')",
                LIGHT_WAIT);
        awaitLight("HC", 0);
        awaitLight("HPC", 0);
        browser.waitFor("SAM light 2", light("SAM") + " === '2'", LIGHT_WAIT);
        browser.waitFor("live", "document.getElementById('connection').textContent === 'live'", LIGHT_WAIT);
        browser.screenshot(SHOTS.resolve("watch-0-no-cards.png"));

        platform.json("POST", "/demo/cards", "{\"slot\":\"hc\",\"card\":\"900000000001\"}");
        platform.json("POST", "/demo/cards", "{\"slot\":\"hpc\",\"card\":\"900000001001\"}");
        awaitLight("HC", 1);
        awaitLight("HPC", 1);
        assertEquals("brown", browser.eval("document.getElementById('light-HC').className.split(' ')[1]"));
        browser.screenshot(SHOTS.resolve("watch-1-inserted.png"));

        platform.json("POST", "/demo/cards", "{\"slot\":\"hc\",\"action\":\"authenticate\"}");
        platform.json("POST", "/demo/cards", "{\"slot\":\"hpc\",\"action\":\"authenticate\"}");
        awaitLight("HC", 2);
        awaitLight("HPC", 2);
        assertEquals("green", browser.eval("document.getElementById('light-HC').className.split(' ')[1]"));
        assertEquals("orange", browser.eval("document.getElementById('light-HPC').className.split(' ')[1]"));
        browser.screenshot(SHOTS.resolve("watch-2-authenticated.png"));

        platform.json("POST", "/demo/cards", "{\"slot\":\"hc\"}");
        awaitLight("HC", 0);
        awaitLight("HPC", 2);
        // a card put in again starts from 1: its authentication belonged to the card that left
        platform.json("POST", "/demo/cards", "{\"slot\":\"hc\",\"card\":\"900000000002\"}");
        awaitLight("HC", 1);
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
}
