package org.opennhi.sim.idc.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opennhi.contracts.result.ResultCode;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.sam.Session;
import org.opennhi.sim.idc.internal.sam.Sessions;
import org.opennhi.sim.idc.internal.store.AuditLog;

import com.google.gson.Gson;
import com.google.gson.JsonElement;

/**
 * The one servlet: routes, checks the admin token, turns every failure into a JSON error answer (never a
 * stack trace) and writes one audit entry per request.
 */
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ApiServlet.class.getName());

    private final transient Router router;
    private final transient Sessions sessions;
    private final transient AuditLog audit;
    private final transient Gson gson;
    private final byte[] adminToken;

    /**
     * @param router the routes
     * @param sessions SAM sessions
     * @param audit the audit log
     * @param gson the JSON mapper
     * @param adminToken the token admin routes require in {@code X-Admin-Token}
     */
    public ApiServlet(Router router, Sessions sessions, AuditLog audit, Gson gson, String adminToken) {
        this.router = router;
        this.sessions = sessions;
        this.audit = audit;
        this.gson = gson;
        this.adminToken = adminToken.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.nanoTime();
        String path = req.getRequestURI();
        int status = 200;
        int code = 0;
        Call call = null;
        try {
            boolean[] pathExists = {false};
            Router.Match m = router.match(req.getMethod(), path, pathExists);
            if (m == null) {
                throw pathExists[0] ? new IdcException(405, ResultCode.FUNCTION_NOT_AVAILABLE, "method not allowed here")
                        : IdcException.notFound(ResultCode.FUNCTION_NOT_AVAILABLE, "no such endpoint: " + path);
            }
            if (m.route().access() == Router.Access.ADMIN) {
                checkAdmin(req.getHeader("X-Admin-Token"));
            }
            call = new Call(req, m.params(), sessions, gson, m.route().maxBody());
            write(req, resp, m.route().endpoint().handle(call));
        } catch (IdcException e) {
            status = e.status();
            code = e.code().code();
            writeError(req, resp, status, e.code(), e.getMessage());
        } catch (org.eclipse.jetty.io.EofException e) {
            status = 499; // the client went away before the answer was written: nothing to answer to
            LOG.log(System.Logger.Level.DEBUG, "client closed the connection during " + req.getMethod() + " " + path);
        } catch (Exception | StackOverflowError e) {
            status = 500;
            code = ResultCode.IDC_UNAVAILABLE.code();
            LOG.log(System.Logger.Level.ERROR, "request " + req.getMethod() + " " + path + " failed", e);
            writeError(req, resp, status, ResultCode.IDC_UNAVAILABLE, "internal error; see the IDC log");
        } finally {
            Session s = call == null ? null : call.sessionIfAny();
            audit.record(new AuditLog.Entry(Instant.now().toString(), req.getRemoteAddr(), s == null ? null : s.samId(),
                    req.getMethod(), path, status, code, (System.nanoTime() - start) / 1000));
        }
    }

    private void checkAdmin(String given) {
        if (given == null || !MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.US_ASCII))) {
            throw new IdcException(401, ResultCode.INSUFFICIENT_CARD_PERMISSION,
                    "admin routes need the X-Admin-Token header (see admin.token in the data folder)");
        }
    }

    /**
     * Reads what is left of the request body (e.g. an endpoint that needs none, or a refusal before reading).
     * Jetty would otherwise close the connection after the answer, and a client reusing it would see it
     * close under its next request.
     */
    private static void drain(HttpServletRequest req) {
        try {
            java.io.InputStream in = req.getInputStream();
            byte[] sink = new byte[8192];
            long left = 8L * 1024 * 1024;
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // nothing more to read, or the body was read as a reader: the answer still goes out
        }
    }

    private void write(HttpServletRequest req, HttpServletResponse resp, Object result) throws IOException {
        drain(req);
        if (resp.isCommitted()) {
            return;
        }
        byte[] body;
        if (result instanceof Reply r) {
            resp.setContentType(r.contentType());
            if (r.fileName() != null) {
                resp.setHeader("Content-Disposition", "attachment; filename=\"" + r.fileName() + "\"");
            }
            body = r.body();
        } else {
            resp.setContentType("application/json; charset=utf-8");
            body = (result instanceof JsonElement json ? json.toString() : gson.toJson(result))
                    .getBytes(StandardCharsets.UTF_8);
        }
        resp.setStatus(200);
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }

    private void writeError(HttpServletRequest req, HttpServletResponse resp, int status, ResultCode code,
            String detail) throws IOException {
        drain(req);
        if (resp.isCommitted()) {
            return;
        }
        resp.reset();
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        if (status == 401) {
            resp.setHeader("WWW-Authenticate", "Bearer");
        }
        byte[] body = JsonBodies.error(status, code, detail).toString().getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }
}
