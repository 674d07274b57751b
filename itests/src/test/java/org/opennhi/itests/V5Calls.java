package org.opennhi.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.opennhi.contracts.platform.NhiHome;
import org.osgi.framework.BundleContext;

/** Calls {@code POST /v5/<function>} of the platform under test with its client token. */
final class V5Calls {
    private final BundleContext context;
    private final NhiHome home;

    V5Calls(BundleContext context, NhiHome home) {
        this.context = context;
        this.home = home;
    }

    int port() {
        return Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
    }

    String host() {
        return "127.0.0.1:" + port();
    }

    Map<String, String> authorised() throws IOException {
        String token = Files.readString(home.iniFolder().resolve("api-token")).strip();
        return RawHttp.headers("Host", host(), "Authorization", "Bearer " + token);
    }

    /** @return the answer of an HTTP 200 */
    JsonObject call(String function, String body) throws IOException {
        Map<String, String> headers = authorised();
        headers.put("Content-Type", "application/json");
        RawHttp.Response r = RawHttp.send(port(), "POST", "/v5/" + function, headers, body);
        assertEquals(r.body(), 200, r.status());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** @return the answer, which must be code 0 */
    JsonObject ok(String function, String body) throws IOException {
        JsonObject a = call(function, body);
        assertEquals(a.toString(), 0, a.get("code").getAsInt());
        return a;
    }
}
