// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.opennhi.contracts.platform.HttpApi;
import org.opennhi.contracts.platform.NhiHome;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Browser login for the local web pages ({@link UiSessions}): {@code GET /ui/login?code=…} redeems a single-use
 * code, {@code POST /ui/login} takes the pasted client token; both set the session cookie and go to the page.
 * {@code POST /ui/link} (client token only) issues a code as a ready-to-open URL; {@code GET /ui/session} gives a
 * page its CSRF token; {@code POST /ui/logout} ends the session.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/ui/*",
    "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class UiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient UiSessions sessions;
    private final transient TokenFile tokenFile;

    @Activate
    public UiServlet(@Reference UiSessions sessions, @Reference NhiHome home) {
        this.sessions = sessions;
        this.tokenFile = new TokenFile(home.iniFolder());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        switch (String.valueOf(req.getPathInfo())) {
            case "/login" -> {
                String code = req.getParameter("code");
                if (code == null) {
                    loginForm(res, 200, page(req.getParameter("next")), null);
                    return;
                }
                Optional<UiSessions.Login> login = sessions.redeem(code);
                if (login.isEmpty()) {
                    loginForm(res, 401, page(req.getParameter("next")),
                            "This login link was used already or has expired. Paste the client token, or ask for a"
                                    + " new link: nhi-cs ctl ui-link");
                    return;
                }
                enter(res, login.get().session(), login.get().page());
            }
            case "/session" -> {
                Object s = req.getAttribute(UiSessions.class.getName());
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("csrfToken", s instanceof UiSessions.Session session ? session.csrfToken() : null);
                out.put("client", req.getAttribute(HttpApi.CLIENT_ATTRIBUTE));
                Json.write(res, 200, out);
            }
            default -> Json.write(res, 404, Json.error("not_found", "No such page."));
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        switch (String.valueOf(req.getPathInfo())) {
            case "/login" -> {
                String next = page(req.getParameter("next"));
                String token = req.getParameter("token");
                // the file's token, never a new one: creating it here made a token the API did not accept
                String installed = tokenFile.read().orElse("");
                if (token == null || installed.isEmpty() || !MessageDigest.isEqual(
                        token.strip().getBytes(StandardCharsets.US_ASCII), installed.getBytes(StandardCharsets.US_ASCII))) {
                    loginForm(res, 401, next, "That is not this installation's client token.");
                    return;
                }
                enter(res, sessions.open(), next);
            }
            case "/link" -> {
                if (!"local-token".equals(req.getAttribute(HttpApi.CLIENT_ATTRIBUTE))) {
                    Json.write(res, 403, Json.error("token_required", "Only a client-token holder may make login links."));
                    return;
                }
                String page = "/watch/";
                try {
                    JsonObject body = JsonParser.parseString(new String(req.getInputStream().readNBytes(1024),
                            StandardCharsets.UTF_8)).getAsJsonObject();
                    if (body.has("page")) {
                        page = "/" + body.get("page").getAsString() + "/";
                    }
                } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
                    Json.write(res, 400, Json.error("bad_request", "Send {\"page\":\"watch\"} or {\"page\":\"admin\"}."));
                    return;
                }
                if (!UiSessions.PAGES.contains(page)) {
                    Json.write(res, 400, Json.error("bad_request", "page must be watch or admin"));
                    return;
                }
                String code = sessions.issueCode(page);
                Map<String, Object> out = new LinkedHashMap<>();
                // the Host header was checked against the allow-list before we got here
                out.put("url", "http://" + req.getHeader("Host") + ApiContext.LOGIN_PATH + "?code=" + code);
                out.put("validSeconds", UiSessions.CODE_LIFETIME.toSeconds());
                Json.write(res, 200, out);
            }
            case "/logout" -> {
                sessions.close(ApiContext.cookie(req, UiSessions.COOKIE));
                res.addHeader("Set-Cookie", UiSessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
                Json.write(res, 200, Map.of("message", "logged out"));
            }
            default -> Json.write(res, 404, Json.error("not_found", "No such endpoint."));
        }
    }

    private static void enter(HttpServletResponse res, UiSessions.Session session, String page) {
        res.addHeader("Set-Cookie", UiSessions.COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + UiSessions.SESSION_LIFETIME.toSeconds());
        res.setStatus(HttpServletResponse.SC_SEE_OTHER);
        res.setHeader("Location", page);
    }

    /** Only the known pages: a login never redirects anywhere else. */
    private static String page(String next) {
        return next != null && UiSessions.PAGES.contains(next) ? next : "/watch/";
    }

    private static void loginForm(HttpServletResponse res, int status, String next, String problem) throws IOException {
        res.setStatus(status);
        res.setContentType("text/html");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        res.setHeader("X-Frame-Options", "DENY");
        String message = problem == null ? "" : "<p role=\"alert\" class=\"problem\">" + problem + "</p>";
        res.getWriter().write("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Open NHI — log in</title>
                <style>body{font:16px system-ui,sans-serif;max-width:32em;margin:3em auto}
                input[type=password]{width:100%%;font:inherit}.problem{color:#a00}</style></head>
                <body><h1>讀卡機控制軟體 · log in</h1>%s
                <p>Paste the client token from <code>INI/api-token</code> in the NHI home, or open a one-click link
                from <code>nhi-cs ctl ui-link</code>.</p>
                <form method="post" action="/ui/login"><input type="hidden" name="next" value="%s">
                <label>Client token <input type="password" name="token" autocomplete="off" required></label>
                <p><button type="submit">Log in</button></p></form></body></html>
                """.formatted(message, next));
    }
}
