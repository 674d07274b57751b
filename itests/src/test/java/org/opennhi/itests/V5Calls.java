// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.opennhi.contracts.platform.NhiHome;
import org.osgi.framework.BundleContext;

/** Calls {@code POST /v5/<function>} (or another API set's) of the platform under test with its client token. */
final class V5Calls {
    private final BundleContext context;
    private final NhiHome home;
    private final String set;

    V5Calls(BundleContext context, NhiHome home) {
        this(context, home, "v5");
    }

    /** @param set the API set, the path's first segment: {@code v5} or {@code v3} */
    V5Calls(BundleContext context, NhiHome home, String set) {
        this.context = context;
        this.home = home;
        this.set = set;
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

    /** @return the HTTP answer, whatever its status */
    RawHttp.Response raw(String function, String body) throws IOException {
        Map<String, String> headers = authorised();
        headers.put("Content-Type", "application/json");
        return RawHttp.send(port(), "POST", "/" + set + "/" + function, headers, body);
    }

    /** @return the answer of an HTTP 200 */
    JsonObject call(String function, String body) throws IOException {
        RawHttp.Response r = raw(function, body);
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
