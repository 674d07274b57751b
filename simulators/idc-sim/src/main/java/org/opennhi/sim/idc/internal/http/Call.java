// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Fields;
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
 * caller's SAM session. The body is read straight from Jetty's content chunks into one array of the declared
 * length: no stream wrappers and no scratch buffers on the signing path.
 */
public final class Call {
    /** How much of an unread or oversize body is read and dropped so that the connection stays usable. */
    static final long DRAIN_LIMIT = 8L * 1024 * 1024;

    private final Request request;
    private final Map<String, String> params;
    private final Sessions sessions;
    private final Gson gson;
    private final int maxBody;
    private JsonObject body;
    private Session session;
    private Fields query;
    private boolean bodyDone;
    /** A chunk the handler read before this call existed (to see whether the body was all there), or null. */
    private Content.Chunk pending;

    Call(Request request, Map<String, String> params, Sessions sessions, Gson gson, int maxBody, Content.Chunk first) {
        this.request = request;
        this.params = params;
        this.sessions = sessions;
        this.gson = gson;
        this.maxBody = maxBody;
        this.pending = first;
    }

    /**
     * @return true when {@code first}, the first chunk read, is the whole body: the last chunk, or as many bytes
     *         as the request's {@code Content-Length} says (reading it never has to wait for the client then)
     */
    static boolean isWholeBody(Request request, Content.Chunk first) {
        if (first == null || Content.Chunk.isFailure(first)) {
            return false;
        }
        return first.isLast() || first.remaining() == request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    }

    /** @return a path parameter */
    public String param(String name) {
        return params.get(name);
    }

    /** @return a query parameter, or null */
    public String query(String name) {
        if (query == null) {
            query = Request.extractQueryParameters(request);
        }
        return query.getValue(name);
    }

    /** @return a request header, or null */
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** @return the SAM session the bearer token names (401 when there is none) */
    public Session session() {
        if (session == null) {
            session = sessions.require(request.getHeaders().get(HttpHeader.AUTHORIZATION));
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

    /**
     * Reads what is left of the body (an endpoint that needs none, or a refusal before reading). Jetty would
     * otherwise close the connection after the answer, and a client reusing it would see it close under its
     * next request.
     */
    void finish() {
        if (!bodyDone) {
            bodyDone = true; // one try: a body beyond the limit closes the connection
            if (pending != null) {
                boolean last = pending.isLast();
                pending.release();
                pending = null;
                if (last) {
                    return;
                }
            }
            drain(request, DRAIN_LIMIT);
        }
    }

    private JsonObject parse() {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new IdcException(415, ResultCode.IDC_HEADER_MISMATCH, "send Content-Type: application/json");
        }
        byte[] bytes = readBody();
        if (bytes.length == 0) {
            return new JsonObject(); // "x is required" answers name the missing fields
        }
        try {
            JsonElement json = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
            if (!json.isJsonObject()) {
                throw IdcException.badRequest("the body must be a JSON object");
            }
            return json.getAsJsonObject();
        } catch (JsonParseException e) {
            throw IdcException.badRequest("the body is not valid JSON");
        }
    }

    private byte[] readBody() {
        if (bodyDone) {
            return new byte[0];
        }
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBody) {
            throw tooLarge();
        }
        byte[] bytes = new byte[declared >= 0 ? (int) declared : Math.min(maxBody, 4096)];
        int length = 0;
        while (true) {
            Content.Chunk chunk = pending != null ? pending : next(request);
            pending = null;
            if (chunk == null) {
                continue;
            }
            if (Content.Chunk.isFailure(chunk)) {
                throw failed(chunk.getFailure());
            }
            ByteBuffer data = chunk.getByteBuffer();
            int n = data.remaining();
            boolean last = chunk.isLast();
            if (length + n > maxBody) {
                chunk.release();
                bodyDone = last;
                throw tooLarge();
            }
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(maxBody, Math.max(length + n, 2 * bytes.length)));
            }
            data.get(bytes, length, n);
            length += n;
            chunk.release();
            // With a Content-Length the body is complete at that many bytes: no need to wait for its end
            // marker (Jetty consumes that by itself), so an inline call never waits.
            if (last || length == declared) {
                bodyDone = true;
                return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
            }
        }
    }

    /**
     * Reads and drops up to 8 MiB more of an oversize body first, so that the client, still sending, gets to
     * read the 413 instead of a reset connection; beyond that Jetty closes the connection.
     */
    private IdcException tooLarge() {
        finish();
        return new IdcException(413, ResultCode.IDC_SYNTAX_ERROR, "the body is larger than " + maxBody + " bytes");
    }

    /** Reads and drops up to {@code limit} bytes of the body. */
    static void drain(Request request, long limit) {
        long left = limit;
        while (left >= 0) {
            Content.Chunk chunk;
            try {
                chunk = next(request);
            } catch (IdcException | ClientGone e) {
                return; // the body cannot be read: the answer still goes out
            }
            if (chunk != null) {
                left -= chunk.remaining();
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    return;
                }
            }
        }
    }

    /**
     * @return the next chunk of the body after waiting for one, or null to ask again (a spurious wake-up)
     * @throws IdcException 400 when the body cannot be read
     * @throws ClientGone when the client went away
     */
    private static Content.Chunk next(Request request) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
            try (Blocker.Runnable blocker = Blocker.runnable()) {
                request.demand(blocker);
                blocker.block();
            } catch (IOException e) {
                throw failed(e);
            }
            return null;
        }
        if (Content.Chunk.isFailure(chunk)) {
            throw failed(chunk.getFailure());
        }
        return chunk;
    }

    private static RuntimeException failed(Throwable failure) {
        return failure instanceof EofException eof ? new ClientGone(eof)
                : IdcException.badRequest("the request body could not be read");
    }

    /** The client closed the connection while its request was being read: there is nobody to answer. */
    static final class ClientGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClientGone(EofException cause) {
            super(cause);
        }
    }
}
