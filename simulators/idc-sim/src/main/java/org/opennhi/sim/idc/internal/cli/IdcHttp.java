// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A small JSON-over-HTTPS client of our IDC protocol, used by the CLI (and the tests).
 */
public final class IdcHttp {
    /** An answer: HTTP status, JSON body (or null) and raw bytes. */
    public record Answer(int status, JsonObject json, byte[] bytes) {
        /** @return the body's NHI {@code code}, or 0 */
        public int code() {
            return json != null && json.has("code") ? json.get("code").getAsInt() : 0;
        }

        /** @return a string field of the body */
        public String str(String field) {
            JsonElement e = json == null ? null : json.get(field);
            return e == null || e.isJsonNull() ? null : e.getAsString();
        }
    }

    private final HttpClient client;
    private final URI base;
    private final String adminToken;

    /**
     * @param base the IDC's base URI, e.g. {@code https://127.0.0.1:8443/}
     * @param tls a TLS context trusting the IDC's CA
     * @param adminToken the admin token, or null
     */
    public IdcHttp(URI base, SSLContext tls, String adminToken) {
        this.client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.base = base;
        this.adminToken = adminToken;
    }

    /** GET. */
    public Answer get(String path) throws IOException {
        return send(request(path, null).GET().build());
    }

    /** POST a JSON body; {@code bearer} is the SAM session token or null. */
    public Answer post(String path, JsonObject body, String bearer) throws IOException {
        return send(request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body.toString())).build());
    }

    /** PUT a JSON body. */
    public Answer put(String path, JsonObject body) throws IOException {
        return send(request(path, null).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** POST raw bytes as they are (for robustness tests). */
    public Answer postRaw(String path, String contentType, byte[] body) throws IOException {
        return send(request(path, null).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (adminToken != null) {
            b.header("X-Admin-Token", adminToken);
        }
        return b;
    }

    private Answer send(HttpRequest request) throws IOException {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonObject json = null;
            if (type.startsWith("application/json")) {
                JsonElement e = JsonParser.parseString(new String(r.body(), StandardCharsets.UTF_8));
                json = e.isJsonObject() ? e.getAsJsonObject() : null;
            }
            return new Answer(r.statusCode(), json, r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
