// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * HTTPS + JSON to the IDC (idc-protocol §1, §2): posts one JSON object, returns the answer object or a
 * {@link IdcRefusal}. Every call is bounded: the connect timeout and the answer timeout together cap how long
 * a caller waits, so a silent or unreachable IDC can never hang it.
 */
public final class IdcConnection {
    private final URI base;
    private final HttpClient http;
    private final Duration answerTimeout;

    /**
     * @param base the IDC's base URL, e.g. {@code https://127.0.0.1:8443}
     * @param tls trusts the IDC's CA only
     * @param connectTimeout how long to wait for the connection
     * @param answerTimeout how long to wait for the answer once connected
     */
    public IdcConnection(URI base, SSLContext tls, Duration connectTimeout, Duration answerTimeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.answerTimeout = Objects.requireNonNull(answerTimeout, "answerTimeout");
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @param path the route, e.g. {@code /v1/sam/auth/begin}
     * @param body the request object
     * @param bearer the SAM session token, or null
     * @return the answer object of an HTTP 200
     * @throws IdcRefusal when the IDC answered with an error (§2)
     * @throws IOException when there is no answer: refused, dropped, timed out, not TLS we trust
     * @throws InterruptedException when the caller is interrupted
     */
    public JsonObject post(String path, JsonObject body, String bearer)
            throws IdcRefusal, IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(answerTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new IdcTimeout("the IDC did not answer " + path + " in time", e);
        }
        JsonObject json = object(answer.body());
        if (answer.statusCode() == 200 && json != null) {
            return json;
        }
        int code = json != null && json.has("code") ? json.get("code").getAsInt() : 0;
        String detail = json != null && json.has("detail") ? json.get("detail").getAsString() : "";
        throw new IdcRefusal(answer.statusCode(), code, detail);
    }

    /** No answer within the answer timeout: the request may have reached the IDC (9003 mid-operation). */
    public static final class IdcTimeout extends IOException {
        private static final long serialVersionUID = 1L;

        IdcTimeout(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** @return the text as a JSON object, or null when it is not one */
    private static JsonObject object(String text) {
        try {
            JsonElement e = JsonParser.parseString(text);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }
}
