// SPDX-License-Identifier: Apache-2.0
package org.opennhi.watch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.opennhi.contracts.platform.HttpApi;
import org.osgi.service.component.annotations.Component;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /watch/}: the watch overlay's page, script and style, in the local API's context so only a token holder
 * or a logged-in browser gets it (an unauthenticated browser is sent to the login page). The page reads
 * {@code /events} with its session cookie.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/watch/*",
    "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class WatchPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FILES = Map.of("/", "index.html", "/watch.js", "watch.js",
            "/watch.css", "watch.css");
    private static final Map<String, String> TYPES = Map.of("html", "text/html", "js", "text/javascript",
            "css", "text/css");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            res.sendRedirect("/watch/");
            return;
        }
        String file = FILES.get(path);
        if (file == null) {
            res.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream in = WatchPageServlet.class.getResourceAsStream("/watch-web/" + file)) {
            if (in == null) {
                res.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            res.setContentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
            res.setCharacterEncoding("UTF-8");
            res.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
            res.setHeader("X-Frame-Options", "DENY");
            in.transferTo(res.getOutputStream());
        }
    }
}
