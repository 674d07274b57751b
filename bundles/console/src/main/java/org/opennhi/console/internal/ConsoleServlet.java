// SPDX-License-Identifier: Apache-2.0
package org.opennhi.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.opennhi.contracts.platform.AuditContext;
import org.opennhi.contracts.platform.HttpApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /admin/}: the console page and its API, in the local API's context (token or browser session; a browser
 * session's POSTs carry its CSRF token, which the gateway checks). Long actions answer 202 with a job to poll.
 * <pre>
 * POST /admin/api/sam/authenticate        csVerifySAMDC            → 202 job
 * POST /admin/api/reset {"target":0..3}   csSoftwareReset          → 202 job
 * POST /admin/api/reset {"target":"fsim"} csResetFsim              → 202 job
 * POST /admin/api/rescan                  reader mapping rescan    → 200
 * POST /admin/api/stop                    killcsTask               → 202
 * GET  /admin/api/jobs/{id}               a job's progress and result
 * GET  /admin/api/log[?file=…&lines=…]    the LOG folder
 * GET  /admin/api/log-level               the platform log's level (LOG/platform.log)
 * POST /admin/api/log-level {"level":"DEBUG"}  sets it, live (ERROR, WARN, INFO, DEBUG, TRACE)
 * GET  /admin/api/audit[?since=…&amp;card=NNNN&amp;function=…&amp;limit=…]  the audit trail, newest {@code limit}
 * </pre>
 * Actions are audited with their caller (session, token, ctl: {@code X-OpenNHI-Client: ctl}).
 * <pre>
 * </pre>
 * Settings (reader type, SAM mode, fast auth, remote/local) go through {@code PUT /settings/platform}.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/admin/*",
    "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final Map<String, String> FILES = Map.of("/", "index.html", "/admin.js", "admin.js",
            "/admin.css", "admin.css");
    private static final Map<String, String> TYPES = Map.of("html", "text/html", "js", "text/javascript",
            "css", "text/css");

    private final transient ConsoleActions actions;
    private final transient LogLevelSetting logLevel;

    @Activate
    public ConsoleServlet(@Reference ConsoleActions actions, @Reference LogLevelSetting logLevel) {
        this.actions = actions;
        this.logLevel = logLevel;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            res.sendRedirect("/admin/");
            return;
        }
        try {
            if (path.startsWith("/api/jobs/")) {
                Optional<Jobs.Job> job = actions.job(Long.parseLong(path.substring("/api/jobs/".length())));
                if (job.isEmpty()) {
                    write(res, 404, error("not_found", "no such job"));
                } else {
                    write(res, 200, job.get().view());
                }
            } else if (path.equals("/api/log-level")) {
                write(res, 200, Map.of("level", logLevel.level(), "levels", LogLevelSetting.LEVELS));
            } else if (path.equals("/api/audit")) {
                Map<String, Object> out = audit(req);
                if ("lines".equals(req.getParameter("format"))) { // nhi-cs ctl audit: one record a line
                    res.setContentType("text/plain");
                    res.setCharacterEncoding("UTF-8");
                    for (Object line : (List<?>) out.get("lines")) {
                        res.getWriter().write(line + "\n");
                    }
                    res.getWriter().write("# " + out.get("count") + " records");
                } else {
                    out.remove("lines");
                    write(res, 200, out);
                }
            } else if (path.equals("/api/log")) {
                List<String> files = actions.logFiles();
                String file = Optional.ofNullable(req.getParameter("file")).orElse(files.isEmpty() ? null : files.get(0));
                int lines = parseInt(req.getParameter("lines"), 200);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("files", files);
                out.put("file", file);
                out.put("lines", file == null ? List.of() : actions.tail(file, lines));
                write(res, 200, out);
            } else {
                page(path, res);
            }
        } catch (NumberFormatException e) {
            write(res, 400, error("bad_request", "not a number: " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            write(res, 400, error("bad_request", e.getMessage()));
        }
    }

    /** The audit trail's matching records; {@code since}: an ISO instant or date (YYYY-MM-DD, local day). */
    private Map<String, Object> audit(HttpServletRequest req) {
        String since = req.getParameter("since");
        String card = req.getParameter("card");
        if (card != null && !card.isBlank() && !card.strip().matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException("card: the last 4 digits of the card number, no more");
        }
        int limit = parseInt(req.getParameter("limit"), 200);
        List<String> lines = actions.auditTrail(since(since), card, req.getParameter("function"), limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", lines.size());
        out.put("records", lines.stream().map(JsonParser::parseString).toList());
        out.put("lines", lines);
        return out;
    }

    static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return since.length() == 10 ? LocalDate.parse(since).atStartOfDay(ZoneId.systemDefault()).toInstant()
                    : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since: an instant (2025-01-31T08:00:00Z) or a date (2025-01-31)");
        }
    }

    /** Who calls, for the audit trail of the actions. */
    static String caller(HttpServletRequest req) {
        return HttpApi.caller(req.getAttribute(HttpApi.CLIENT_ATTRIBUTE), req.getHeader(HttpApi.CLIENT_HEADER));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        AuditContext.transport("console", caller(req));
        try {
            post(req, res);
        } finally {
            AuditContext.clearTransport();
        }
    }

    private void post(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = String.valueOf(req.getPathInfo());
        try {
            switch (path) {
                case "/api/sam/authenticate" -> write(res, 202, actions.authenticateSam().view());
                case "/api/reset" -> {
                    JsonElement target = body(req).get("target");
                    if (target == null || !target.isJsonPrimitive()) {
                        throw new IllegalArgumentException("send {\"target\":0..3} or {\"target\":\"fsim\"}");
                    }
                    Jobs.Job job = "fsim".equals(target.getAsString()) ? actions.resetFsim()
                            : actions.softwareReset(Integer.parseInt(target.getAsString()));
                    write(res, 202, job.view());
                }
                case "/api/rescan" -> write(res, 200, Map.of("message", actions.rescan()));
                case "/api/log-level" -> {
                    JsonElement level = body(req).get("level");
                    if (level == null || !level.isJsonPrimitive()) {
                        throw new IllegalArgumentException("send {\"level\":\"ERROR|WARN|INFO|DEBUG|TRACE\"}");
                    }
                    write(res, 200, Map.of("level", logLevel.setLevel(level.getAsString())));
                }
                case "/api/stop" -> {
                    actions.stopPlatform();
                    write(res, 202, Map.of("message", "the platform stops now (killcsTask)"));
                }
                default -> write(res, 404, error("not_found", "no such action"));
            }
        } catch (NumberFormatException e) {
            write(res, 400, error("bad_request", "target must be 0, 1, 2, 3 or \"fsim\""));
        } catch (IllegalArgumentException | JsonParseException | IllegalStateException e) {
            write(res, 400, error("bad_request", e.getMessage()));
        } catch (Exception e) {
            write(res, 500, error("failed", e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private static JsonObject body(HttpServletRequest req) throws IOException {
        String text = new String(req.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
        return text.isBlank() ? new JsonObject() : JsonParser.parseString(text).getAsJsonObject();
    }

    private static int parseInt(String s, int otherwise) {
        return s == null ? otherwise : Integer.parseInt(s);
    }

    private static Map<String, Object> error(String error, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("message", message);
        return m;
    }

    private static void write(HttpServletResponse res, int status, Object body) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write(GSON.toJson(body));
    }

    private static void page(String path, HttpServletResponse res) throws IOException {
        String file = FILES.get(path);
        InputStream in = file == null ? null : ConsoleServlet.class.getResourceAsStream("/admin-web/" + file);
        if (in == null) {
            res.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (in) {
            res.setContentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
            res.setCharacterEncoding("UTF-8");
            res.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
            res.setHeader("X-Frame-Options", "DENY");
            in.transferTo(res.getOutputStream());
        }
    }
}
