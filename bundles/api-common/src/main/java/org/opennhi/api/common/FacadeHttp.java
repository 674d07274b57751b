// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.opennhi.contracts.platform.AuditContext;
import org.opennhi.contracts.result.ResultCode;

/**
 * A facade's HTTP API without the servlet: one JSON request in, one JSON answer out, so tests and the
 * servlet share it. The answer carries the DLL's exact bytes ({@code bufferBase64}) and their decoding.
 *
 * @param <A> the facade's Java API
 */
public class FacadeHttp<A> {
    private final String set;
    private final String title;
    private final String version;
    private final Map<String, ? extends Endpoint<A>> endpoints;
    private final Function<Request, A> facade;

    /**
     * @param set the path segment and API set name, e.g. {@code v5}
     * @param title the API's title, e.g. {@code 5.1.x}
     * @param version the facade's version (what csGetVersionEx reports)
     * @param endpoints the functions by name
     * @param facade makes the facade one request calls, with the request's PINs as its PIN source
     */
    public FacadeHttp(String set, String title, String version, Map<String, ? extends Endpoint<A>> endpoints,
            Function<Request, A> facade) {
        this.set = set;
        this.title = title;
        this.version = version;
        this.endpoints = endpoints;
        this.facade = facade;
    }

    public Map<String, ? extends Endpoint<A>> endpoints() {
        return endpoints;
    }

    /** @return the API set, the first path segment (e.g. {@code v5}) */
    public String set() {
        return set;
    }

    /**
     * An answer: HTTP status and JSON body, and the body's UTF-8 bytes when already made. A repeated answer's body
     * is shared between calls: read it, never change it.
     */
    public record Answer(int status, JsonObject body, byte[] encoded) {
        public Answer(int status, JsonObject body) {
            this(status, body, null);
        }

        /** @return the body as UTF-8 JSON text */
        public byte[] bytes() {
            return encoded != null ? encoded : body.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * The last answer of one function that had no extra values and no notices, kept so that a repeated read (a
     * cached hisGetBasicData at the counter) is answered without decoding and serialising the same bytes again:
     * the answer is a function of the code and the buffer alone, so equal bytes give an equal answer by
     * construction. It holds what the engine's cache holds, in JSON form, until the function's next call.
     */
    private record Repeat(int rc, byte[] buffer, JsonObject body, byte[] encoded) {
        boolean matches(int code, byte[] b, int length) {
            return rc == code && buffer.length == length && Arrays.equals(buffer, 0, length, b, 0, length);
        }
    }

    private final Map<String, Repeat> repeats = new ConcurrentHashMap<>();

    public Answer call(String function, String body) {
        return call(function, body, "token");
    }

    /**
     * @param caller who called, for the audit trail: {@code token}, {@code session}, {@code ctl}
     * @return the answer of one JSON call
     */
    public Answer call(String function, String body, String caller) {
        Endpoint<A> e = endpoints.get(function);
        if (e == null) {
            return error(404, ResultCode.FUNCTION_NOT_AVAILABLE, "no function " + function + " in the " + title
                    + " API");
        }
        JsonObject json;
        try {
            // most calls without parameters send "{}": no parser for those
            JsonElement parsed = body == null || body.isBlank() || body.equals("{}") ? new JsonObject()
                    : JsonParser.parseString(body);
            if (!parsed.isJsonObject()) {
                return error(400, ResultCode.BAD_PARAMETER, "the body must be a JSON object");
            }
            json = parsed.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException ex) {
            return error(400, ResultCode.BAD_PARAMETER, "the body is not JSON");
        }
        try {
            Outcome o = invoke(e, new Request(json), set, caller);
            boolean plain = o.extra().isEmpty() && o.notices().isEmpty() && o.buffer() != null;
            Repeat last = plain ? repeats.get(function) : null;
            if (last != null && last.matches(o.rc(), o.buffer(), o.length())) {
                return new Answer(200, last.body(), last.encoded());
            }
            JsonObject a = answer(e, o.rc(), o.buffer(), o.length(), o.extra());
            if (!o.notices().isEmpty()) {
                a.add(NOTICES, o.notices()); // 就醫次數提醒, 重大傷病到期: for the HIS to show; never a different code
            }
            byte[] encoded = a.toString().getBytes(StandardCharsets.UTF_8);
            if (plain) {
                repeats.put(function, new Repeat(o.rc(), Arrays.copyOf(o.buffer(), o.length()), a, encoded));
            }
            return new Answer(200, a, encoded);
        } catch (Endpoint.BadRequest ex) {
            return error(400, ResultCode.BAD_PARAMETER, ex.getMessage());
        }
    }

    /** A binary answer (the native libraries' format, {@link CallWire}): HTTP status and body. */
    public record BinaryAnswer(int status, byte[] body) {
    }

    /**
     * The same call in the binary format of the native libraries: the answer holds the function's int return
     * exactly as the DLL returns it (a status value stays a value), and, when the function wrote its buffer, the
     * bytes as {@code pBuffer} and the new length as {@code iBufferLen}, then the extra values; a call answered
     * 5109 because the body held no PIN names the PIN it wanted ({@code pinWanted}).
     */
    public BinaryAnswer callBinary(String function, byte[] body) {
        return callBinary(function, body, "token");
    }

    /** {@link #callBinary(String, byte[])} naming the caller for the audit trail. */
    public BinaryAnswer callBinary(String function, byte[] body, String caller) {
        Endpoint<A> e = endpoints.get(function);
        if (e == null) {
            return binaryError(404, ResultCode.FUNCTION_NOT_AVAILABLE, "no function " + function + " in the "
                    + title + " API");
        }
        try {
            Request in = new Request(CallWire.decodeRequest(body));
            Outcome o = invoke(e, in, "native", caller);
            CallWire.Answer a = new CallWire.Answer(o.rc());
            if (o.buffer() != null && wroteBuffer(o.rc())) {
                a.bytes("pBuffer", o.buffer(), o.length()).integer("iBufferLen", o.length());
            }
            if (o.rc() == ResultCode.PIN_ENTRY_CANCELLED.code() && in.missingPin() != null) {
                a.text("pinWanted", in.missingPin());
            }
            return new BinaryAnswer(200, a.extras(o.extra()).toBytes());
        } catch (CallWire.Malformed ex) {
            return binaryError(400, ResultCode.BAD_PARAMETER, ex.getMessage());
        } catch (Endpoint.BadRequest ex) {
            return binaryError(400, ResultCode.BAD_PARAMETER, ex.getMessage());
        }
    }

    /** A function wrote its buffer: on success, and with 5141 the critical illnesses' dates alone (1.33, 1.50). */
    private static boolean wroteBuffer(int rc) {
        return rc == 0 || rc == ResultCode.CRITICAL_ILLNESS_DATES_ONLY_WITHOUT_HPC.code();
    }

    public static BinaryAnswer binaryError(int status, ResultCode code, String detail) {
        return new BinaryAnswer(status, new CallWire.Answer(code.code()).text("detail", detail).toBytes());
    }

    /** What one call did: the function's int return, its buffer and length cell, its extra values. */
    private record Outcome(int rc, byte[] buffer, int length, Map<String, Object> extra, JsonArray notices) {
    }

    /** Runs one call with its transport named for the audit trail (facade: JSON set or native; the caller). */
    private Outcome invoke(Endpoint<A> e, Request in, String transport, String caller) throws Endpoint.BadRequest {
        AuditContext.transport(transport, caller);
        try {
            A api = facade.apply(in);
            int size = e.bufferSize() >= 0 ? e.bufferSize() : -e.bufferSize() * Math.max(1, in.integer("iWriteCount"));
            byte[] buffer = size > 0 ? new byte[in.bufferLength(size)] : null;
            int[] length = {buffer == null ? 0 : buffer.length};
            Map<String, Object> extra = new LinkedHashMap<>();
            Notices.begin();
            int rc;
            try {
                rc = e.call().call(api, in, buffer, length, extra);
            } finally {
                extra.put(NOTICES, Notices.end());
            }
            JsonArray notices = (JsonArray) extra.remove(NOTICES);
            return new Outcome(rc, buffer, length[0], extra, notices);
        } finally {
            in.wipe();
            AuditContext.clearTransport();
        }
    }

    private static JsonObject answer(Endpoint<?> e, int rc, byte[] buffer, int length, Map<String, Object> extra) {
        JsonObject o = new JsonObject();
        o.addProperty("function", e.name());
        o.addProperty("number", e.number());
        int code = rc;
        JsonObject fields = new JsonObject();
        if (e.kind() == Endpoint.Returns.VERSION || e.kind() == Endpoint.Returns.VALUE && rc < 1000) {
            fields.addProperty("value", rc);
            code = 0;
        }
        o.addProperty("code", code);
        Optional<ResultCode> known = ResultCode.of(code);
        o.addProperty("message", known.map(ResultCode::chinese).orElse("未知的回傳值"));
        o.addProperty("messageEn", known.map(ResultCode::english).orElse("Unknown return value"));
        if (buffer != null && wroteBuffer(code)) {
            o.addProperty("bufferLen", length);
            o.addProperty("bufferBase64", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer,
                    length)));
            for (Field f : e.fields()) {
                String v = f.decode(buffer, length);
                if (v != null) {
                    fields.addProperty(f.name(), v);
                }
            }
            if (e.bufferSize() < 0) {
                JsonArray sigs = new JsonArray();
                for (int i = 0; i + 40 <= length; i += 40) {
                    sigs.add(Field.hex("signature", i + 1, i + 40).decode(buffer, length));
                }
                fields.add("signatures", sigs);
            }
        }
        extra.forEach((k, v) -> {
            if (v instanceof Number n) {
                fields.addProperty(k, n);
            } else if (v instanceof byte[] b) {
                fields.addProperty(k + "Base64", Base64.getEncoder().encodeToString(b));
            } else if (v instanceof JsonElement j) {
                fields.add(k, j);
            } else {
                fields.addProperty(k, String.valueOf(v));
            }
        });
        o.add("fields", fields);
        return o;
    }

    public static Answer error(int status, ResultCode code, String detail) {
        JsonObject o = new JsonObject();
        o.addProperty("code", code.code());
        o.addProperty("message", code.chinese());
        o.addProperty("messageEn", code.english());
        o.addProperty("detail", detail);
        return new Answer(status, o);
    }

    /** @return the OpenAPI 3.0 document of every endpoint */
    public JsonObject openApi() {
        JsonObject doc = new JsonObject();
        doc.addProperty("openapi", "3.0.3");
        JsonObject info = new JsonObject();
        info.addProperty("title", "Open NHI " + title + " API");
        info.addProperty("version", version);
        info.addProperty("description", "The functions of the " + title + " control software (cshis.dll), one POST per "
                + "function. The body holds the manual's input parameters; the answer holds the return code, "
                + "its wording, the exact bytes a DLL caller gets (bufferBase64) and their decoding. Every call "
                + "needs the client token (Authorization: Bearer).");
        doc.add("info", info);
        JsonObject paths = new JsonObject();
        for (Endpoint<A> e : endpoints.values()) {
            JsonObject schema = new JsonObject();
            schema.addProperty("type", "object");
            JsonObject props = new JsonObject();
            JsonArray required = new JsonArray();
            for (Endpoint.Param p : e.inputs()) {
                JsonObject ps = new JsonObject();
                ps.addProperty("type", p.integer() ? "integer" : "string");
                ps.addProperty("description", p.description());
                props.add(p.name(), ps);
                if (p.required()) {
                    required.add(p.name());
                }
            }
            schema.add("properties", props);
            if (!required.isEmpty()) {
                schema.add("required", required);
            }
            JsonObject post = new JsonObject();
            post.addProperty("operationId", e.name());
            post.addProperty("summary", e.number() + " " + e.summary());
            JsonObject body = new JsonObject();
            body.add("content", content(schema));
            post.add("requestBody", body);
            JsonObject responses = new JsonObject();
            responses.add("200", response("The function ran; code is its return code"
                    + (e.bufferSize() != 0 ? "; buffer " + (e.bufferSize() > 0 ? e.bufferSize() + " bytes"
                            : "40 bytes per prescription") : "")
                    + (e.fields().isEmpty() ? "" : "; fields: " + String.join(", ", e.fields().stream()
                            .map(f -> f.name() + " " + f.from() + "–" + f.to()).toList()))));
            responses.add("400", response("Malformed request (code 6018)"));
            responses.add("401", response("No or wrong client token"));
            post.add("responses", responses);
            JsonObject item = new JsonObject();
            item.add("post", post);
            paths.add("/" + set + "/" + e.name(), item);
        }
        doc.add("paths", paths);
        JsonObject security = new JsonObject();
        JsonObject bearer = new JsonObject();
        bearer.addProperty("type", "http");
        bearer.addProperty("scheme", "bearer");
        security.add("token", bearer);
        JsonObject components = new JsonObject();
        components.add("securitySchemes", security);
        components.add("schemas", answerSchema());
        doc.add("components", components);
        JsonArray sec = new JsonArray();
        JsonObject req = new JsonObject();
        req.add("token", new JsonArray());
        sec.add(req);
        doc.add("security", sec);
        return doc;
    }

    private static JsonObject content(JsonObject schema) {
        JsonObject media = new JsonObject();
        media.add("schema", schema);
        JsonObject content = new JsonObject();
        content.add("application/json", media);
        return content;
    }

    private static JsonObject response(String description) {
        JsonObject r = new JsonObject();
        r.addProperty("description", description);
        JsonObject ref = new JsonObject();
        ref.addProperty("$ref", "#/components/schemas/Answer");
        r.add("content", content(ref));
        return r;
    }

    private static final String NOTICES = "notices";

    /** The notices of a 取號 (1.9, 1.37, 1.53): present only when there is one. */
    private static JsonObject noticesSchema() {
        JsonObject item = new JsonObject();
        item.addProperty("type", "object");
        JsonObject props = new JsonObject();
        for (String[] p : new String[][] {{"kind", "string", "visitReminder (就醫次數提醒) or criticalIllnessExpiry "
                + "(重大傷病到期)"}, {"message", "string", "the notice in Chinese, as the staff should see it"},
            {"red", "boolean", "visitReminder: 90 visits or more, shown in red"},
            {"visitsThisYear", "integer", "visitReminder: visits counted this year before this one"},
            {"age", "integer", "visitReminder: the holder's age"},
            {"code", "string", "criticalIllnessExpiry: the illness code on the card"},
            {"endDate", "string", "criticalIllnessExpiry: its end date, ROC YYYMMDD"},
            {"daysLeft", "integer", "criticalIllnessExpiry: days until then, 0 on the last day"}}) {
            JsonObject t = new JsonObject();
            t.addProperty("type", p[1]);
            t.addProperty("description", p[2]);
            props.add(p[0], t);
        }
        item.add("properties", props);
        JsonObject array = new JsonObject();
        array.addProperty("type", "array");
        array.addProperty("description", "Notices of a 取號 for the HIS to show; they never change the code or "
                + "the buffer. Absent when there is none.");
        array.add("items", item);
        return array;
    }

    private static JsonObject answerSchema() {
        JsonObject props = new JsonObject();
        for (String[] p : new String[][] {{"function", "string"}, {"number", "string"}, {"code", "integer"},
            {"message", "string"}, {"messageEn", "string"}, {"bufferLen", "integer"}, {"bufferBase64", "string"},
            {"fields", "object"}, {"detail", "string"}}) {
            JsonObject t = new JsonObject();
            t.addProperty("type", p[1]);
            props.add(p[0], t);
        }
        props.add(NOTICES, noticesSchema());
        JsonObject answer = new JsonObject();
        answer.addProperty("type", "object");
        answer.add("properties", props);
        JsonObject schemas = new JsonObject();
        schemas.add("Answer", answer);
        return schemas;
    }
}
