package org.opennhi.sim.idc.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.opennhi.contracts.result.ResultCode;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.sam.Session;
import org.opennhi.sim.idc.internal.sam.Sessions;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * One request as an endpoint sees it: path parameters, the JSON body (size-limited, parsed once), the
 * caller's SAM session.
 */
public final class Call {
    private static final long DRAIN_LIMIT = 8L * 1024 * 1024;

    private final HttpServletRequest request;
    private final Map<String, String> params;
    private final Sessions sessions;
    private final Gson gson;
    private final int maxBody;
    private JsonObject body;
    private Session session;

    Call(HttpServletRequest request, Map<String, String> params, Sessions sessions, Gson gson, int maxBody) {
        this.request = request;
        this.params = params;
        this.sessions = sessions;
        this.gson = gson;
        this.maxBody = maxBody;
    }

    /** @return a path parameter */
    public String param(String name) {
        return params.get(name);
    }

    /** @return a query parameter, or null */
    public String query(String name) {
        return request.getParameter(name);
    }

    /** @return a request header, or null */
    public String header(String name) {
        return request.getHeader(name);
    }

    /** @return the SAM session the bearer token names (401 when there is none) */
    public Session session() {
        if (session == null) {
            session = sessions.require(request.getHeader("Authorization"));
        }
        return session;
    }

    /** @return the session if one was already required, else null (for the audit) */
    Session sessionIfAny() {
        return session;
    }

    /** @return the JSON body as an object */
    public JsonObject body() {
        if (body == null) {
            body = parse();
        }
        return body;
    }

    /** @return the JSON body bound to {@code type} */
    public <T> T body(Class<T> type) {
        try {
            T value = gson.fromJson(body(), type);
            if (value == null) {
                throw IdcException.badRequest("the request body is empty");
            }
            return value;
        } catch (JsonParseException | NumberFormatException e) {
            throw IdcException.badRequest("the JSON fields have the wrong types");
        }
    }

    /** @return a string field of the body, or null */
    public String string(String field) {
        JsonElement e = body().get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive()) {
            throw IdcException.badRequest(field + " must be a string");
        }
        return e.getAsString();
    }

    /** @return a required string field */
    public String required(String field) {
        String s = string(field);
        if (s == null || s.isEmpty()) {
            throw IdcException.badRequest(field + " is required");
        }
        return s;
    }

    private JsonObject parse() {
        String type = request.getContentType();
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new IdcException(415, ResultCode.IDC_HEADER_MISMATCH, "send Content-Type: application/json");
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > maxBody) {
                throw tooLarge(in);
            }
            bytes = in.readNBytes(maxBody + 1);
            if (bytes.length > maxBody) {
                throw tooLarge(in);
            }
        } catch (IOException e) {
            throw IdcException.badRequest("the request body could not be read");
        }
        if (bytes.length == 0) {
            return new JsonObject(); // "x is required" answers name the missing fields
        }
        try {
            JsonElement json = JsonParser.parseString(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            if (!json.isJsonObject()) {
                throw IdcException.badRequest("the body must be a JSON object");
            }
            return json.getAsJsonObject();
        } catch (JsonParseException e) {
            throw IdcException.badRequest("the body is not valid JSON");
        }
    }

    /**
     * Reads and drops up to 8 MiB more of an oversize body first, so that the client, still sending, gets to
     * read the 413 instead of a reset connection; beyond that Jetty closes the connection.
     */
    private IdcException tooLarge(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long left = DRAIN_LIMIT;
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
        }
        return new IdcException(413, ResultCode.IDC_SYNTAX_ERROR, "the body is larger than " + maxBody + " bytes");
    }
}
