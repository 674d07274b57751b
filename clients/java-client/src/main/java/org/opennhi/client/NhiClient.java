// SPDX-License-Identifier: Apache-2.0
package org.opennhi.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The platform's 5.1.x API over its local HTTP API, for Java programs outside OSGi. One instance per platform;
 * thread-safe; connections are kept alive by the JDK. The client token is sent with every call and never
 * logged.
 *
 * <pre>
 *   NhiClient nhi = NhiClient.fromHome(Path.of("/home/clinic/NHI"), 7711);
 *   NhiClient.Answer basic = nhi.call("hisGetBasicData");
 *   if (basic.ok()) {
 *       byte[] dllBytes = basic.buffer();           // exactly what cshis.dll would have written
 *       String name = basic.fields().get("name");
 *   }
 *   NhiClient.Answer visit = nhi.call("hisGetSeqNumber256N1", Map.of("cTreatItem", "01"));
 * </pre>
 */
public final class NhiClient {
    private final URI base;
    private final String token;
    private final int timeoutMillis;

    /**
     * @param base the API's address, e.g. {@code http://127.0.0.1:7711}
     * @param token the client token (the content of {@code INI/api-token})
     * @param timeoutMillis connect and read timeout of each call
     */
    public NhiClient(URI base, String token, int timeoutMillis) {
        this.base = Objects.requireNonNull(base, "base");
        this.token = Objects.requireNonNull(token, "token").strip();
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * @param nhiHome the platform's NHI home (holds {@code INI/api-token})
     * @param port the API's port on 127.0.0.1
     * @return a client with a 30-second timeout
     */
    public static NhiClient fromHome(Path nhiHome, int port) throws IOException {
        String token = Files.readString(nhiHome.resolve("INI").resolve("api-token"), StandardCharsets.US_ASCII);
        return new NhiClient(URI.create("http://127.0.0.1:" + port), token, 30_000);
    }

    /** Calls a function without parameters. */
    public Answer call(String function) throws IOException {
        return call(function, Map.of());
    }

    /**
     * Calls a 5.1.x function.
     *
     * @param function the manual's function name, e.g. {@code hisGetBasicData}
     * @param parameters the manual's input parameter names with string or number values; {@code pin},
     *        {@code newPin}, {@code puk} for PIN functions; {@code iBufferLen} to offer a smaller buffer
     * @return the answer; a function's failure is an answer with its NHI code, not an exception
     * @throws IOException when the platform cannot be reached or refuses the call (token, Host, malformed)
     */
    public Answer call(String function, Map<String, ?> parameters) throws IOException {
        JsonObject body = new JsonObject();
        parameters.forEach((k, v) -> {
            if (v instanceof Number n) {
                body.addProperty(k, n);
            } else {
                body.addProperty(k, String.valueOf(v));
            }
        });
        HttpURLConnection con = (HttpURLConnection) base.resolve("/v5/" + function).toURL().openConnection();
        con.setConnectTimeout(timeoutMillis);
        con.setReadTimeout(timeoutMillis);
        con.setRequestMethod("POST");
        con.setDoOutput(true);
        con.setRequestProperty("Content-Type", "application/json");
        con.setRequestProperty("Authorization", "Bearer " + token);
        byte[] out = body.toString().getBytes(StandardCharsets.UTF_8);
        con.setFixedLengthStreamingMode(out.length);
        try (OutputStream o = con.getOutputStream()) {
            o.write(out);
        }
        int status = con.getResponseCode();
        String text;
        try (InputStream in = status < 400 ? con.getInputStream() : con.getErrorStream()) {
            text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonObject json = parse(text);
        if (status == 400 && json != null && json.has("code")) {
            return Answer.of(json);
        }
        if (status != 200 || json == null) {
            throw new IOException("the platform answered HTTP " + status + " to " + function
                    + (json != null && json.has("detail") ? ": " + json.get("detail").getAsString() : ""));
        }
        return Answer.of(json);
    }

    private static JsonObject parse(String text) {
        try {
            JsonElement e = JsonParser.parseString(text);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    /**
     * A function's answer.
     *
     * @param code the function's NHI code (0 success); status functions answer 0 and put their value in fields
     * @param message the code's official Chinese wording
     * @param messageEn the code's English wording
     * @param buffer the bytes a DLL caller gets (empty when the function has no buffer or failed)
     * @param fields the buffer's fields decoded, and values such as {@code value}, {@code pBufferDocID}
     */
    public record Answer(int code, String message, String messageEn, byte[] buffer, Map<String, String> fields) {

        /** Copies the buffer and freezes the fields. */
        public Answer {
            buffer = buffer.clone();
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public byte[] buffer() {
            return buffer.clone();
        }

        /** @return true when the code is 0 */
        public boolean ok() {
            return code == 0;
        }

        static Answer of(JsonObject json) {
            Map<String, String> fields = new LinkedHashMap<>();
            if (json.has("fields")) {
                for (Map.Entry<String, JsonElement> e : json.getAsJsonObject("fields").entrySet()) {
                    fields.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString()
                            : e.getValue().toString());
                }
            }
            byte[] buffer = json.has("bufferBase64") ? Base64.getDecoder().decode(json.get("bufferBase64")
                    .getAsString()) : new byte[0];
            return new Answer(json.get("code").getAsInt(), text(json, "message"), text(json, "messageEn"), buffer,
                    fields);
        }

        private static String text(JsonObject json, String name) {
            return json.has(name) ? json.get(name).getAsString() : "";
        }

        /** Shows the code and wording only: fields may be personal. */
        @Override
        public String toString() {
            return "Answer[" + code + " " + messageEn + ", " + buffer.length + " bytes]";
        }
    }
}
