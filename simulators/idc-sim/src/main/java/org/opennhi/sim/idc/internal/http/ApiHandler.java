// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.sam.Session;
import org.opennhi.sim.idc.internal.sam.Sessions;
import org.opennhi.sim.idc.internal.store.AuditLog;

import com.google.gson.Gson;
import com.google.gson.JsonElement;

/**
 * The one handler for every route, on Jetty's core API: routes, checks the admin token, turns every failure
 * into a JSON error answer (never a stack trace) and writes one audit entry per request.
 *
 * <p>Why no servlet: the API uses nothing of the servlet layer (context, servlet channel, wrapped request
 * and response, output stream), and every one of those costs CPU on every request. The answer goes out as one
 * buffer with its length, so Jetty writes header and body in one TLS record.
 *
 * <p>Why non-blocking: the routes added with {@link Router#addInline} (signatures, health) are served on the
 * selector thread that read the request, once their whole body is there. That saves the hand-off to a worker
 * thread (a wake-up and a context switch per request, the largest cost on the signing path after TLS and the
 * kernel's TCP work on a 2-core machine). Every other route, and an inline one whose body is still on its way,
 * runs on a worker thread as before, where it may block. {@code IdcServer} runs one selector per core so that
 * inline signing uses every core.
 */
public final class ApiHandler extends Handler.Abstract {
    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Reply.JSON);
    private static final HttpField BEARER_CHALLENGE = new PreEncodedHttpField(HttpHeader.WWW_AUTHENTICATE, "Bearer");

    private final Router router;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Gson gson;
    private final byte[] adminToken;

    /**
     * @param router the routes
     * @param sessions SAM sessions
     * @param audit the audit log
     * @param gson the JSON mapper
     * @param adminToken the token admin routes require in {@code X-Admin-Token}
     */
    public ApiHandler(Router router, Sessions sessions, AuditLog audit, Gson gson, String adminToken) {
        super(InvocationType.NON_BLOCKING);
        this.router = router;
        this.sessions = sessions;
        this.audit = audit;
        this.gson = gson;
        this.adminToken = adminToken.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Runs on Jetty's I/O (selector) thread, as this handler declares itself non-blocking: an inline route whose
     * body is all there is served right here; everything else goes to a worker thread, where it may block.
     */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        boolean[] pathExists = {false};
        Router.Match m = router.match(request.getMethod(), request.getHttpURI().getPath(), pathExists);
        Content.Chunk first = null;
        if (m != null && m.route().inline()) {
            first = request.read();
            if (Call.isWholeBody(request, first)) {
                serve(request, response, callback, start, m, true, first);
                return true;
            }
        }
        Content.Chunk read = first;
        try {
            getServer().getThreadPool().execute(() -> serve(request, response, callback, start, m, pathExists[0], read));
        } catch (RejectedExecutionException e) {
            if (read != null) {
                read.release();
            }
            callback.failed(e); // stopping, or no thread left: Jetty answers 500 through JsonErrorHandler
        }
        return true;
    }

    private void serve(Request request, Response response, Callback callback, long start, Router.Match m,
            boolean pathExists, Content.Chunk first) {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        int status = 200;
        int code = 0;
        Call call = null;
        Answer answer;
        try {
            if (m == null) {
                throw pathExists ? new IdcException(405, ResultCode.FUNCTION_NOT_AVAILABLE, "method not allowed here")
                        : IdcException.notFound(ResultCode.FUNCTION_NOT_AVAILABLE, "no such endpoint: " + path);
            }
            if (m.route().access() == Router.Access.ADMIN) {
                checkAdmin(request.getHeaders().get("X-Admin-Token"));
            }
            call = new Call(request, m.params(), sessions, gson, m.route().maxBody(), first);
            answer = answer(m.route().endpoint().handle(call));
            call.finish();
        } catch (IdcException e) {
            status = e.status();
            code = e.code().code();
            answer = error(status, e.code(), e.getMessage());
        } catch (Call.ClientGone e) {
            // the client went away before the answer was written: nothing to answer to
            audit(request, call, method, path, 499, 0, start);
            LOG.log(System.Logger.Level.DEBUG, "client closed the connection during {0} {1}", method, path);
            callback.failed(e.getCause());
            return;
        } catch (Exception | StackOverflowError e) {
            status = 500;
            code = ResultCode.IDC_UNAVAILABLE.code();
            LOG.log(System.Logger.Level.ERROR, "request " + method + " " + path + " failed", e);
            answer = error(status, ResultCode.IDC_UNAVAILABLE, "internal error; see the IDC log");
        }
        if (status != 200) {
            if (call == null) {
                call = new Call(request, Map.of(), sessions, gson, 0, first); // only to read what is left
            }
            call.finish();
        }
        // Recorded before the write so that the entry exists by the time the client has the answer.
        audit(request, call, method, path, status, code, start);
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(answer.contentType);
        if (answer.fileName != null) {
            headers.put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + answer.fileName + "\"");
        }
        if (status == 401) {
            headers.put(BEARER_CHALLENGE);
        }
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body.length);
        response.write(true, ByteBuffer.wrap(answer.body), callback);
    }

    private record Answer(HttpField contentType, byte[] body, String fileName) {
    }

    private Answer answer(Object result) {
        if (result instanceof Reply r) {
            HttpField type = Reply.JSON.equals(r.contentType()) ? JSON : new HttpField(HttpHeader.CONTENT_TYPE,
                    r.contentType());
            return new Answer(type, r.body(), r.fileName());
        }
        String json = result instanceof JsonElement e ? e.toString() : gson.toJson(result);
        return new Answer(JSON, json.getBytes(StandardCharsets.UTF_8), null);
    }

    private static Answer error(int status, ResultCode code, String detail) {
        return new Answer(JSON, JsonBodies.error(status, code, detail).toString().getBytes(StandardCharsets.UTF_8),
                null);
    }

    private void audit(Request request, Call call, String method, String path, int status, int code, long start) {
        Session s = call == null ? null : call.sessionIfAny();
        audit.record(new AuditLog.Entry(Instant.now().toString(), Request.getRemoteAddr(request),
                s == null ? null : s.samId(), method, path, status, code, (System.nanoTime() - start) / 1000));
    }

    private void checkAdmin(String given) {
        if (given == null || !MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.US_ASCII))) {
            throw new IdcException(401, ResultCode.INSUFFICIENT_CARD_PERMISSION,
                    "admin routes need the X-Admin-Token header (see admin.token in the data folder)");
        }
    }
}
