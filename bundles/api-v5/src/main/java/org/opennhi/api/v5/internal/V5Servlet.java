package org.opennhi.api.v5.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.opennhi.contracts.platform.HttpApi;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.CardEngine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /v5/<function>} and {@code GET /v5/openapi.json} on the gateway's context, which checks Host,
 * Origin and the client token before a request gets here. Bodies are never logged (they may hold PINs).
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/v5/*",
    "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class V5Servlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 64 * 1024;

    private final transient V5Http http;

    @Activate
    public V5Servlet(@Reference CardEngine engine) {
        this.http = new V5Http(engine, V5Component.location());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if ("/openapi.json".equals(req.getPathInfo())) {
            write(res, new V5Http.Answer(200, http.openApi()));
        } else {
            write(res, V5Http.error(405, ResultCode.FUNCTION_NOT_AVAILABLE, "functions are called with POST"));
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo();
        String function = path == null ? "" : path.substring(1);
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            write(res, V5Http.error(413, ResultCode.BAD_PARAMETER, "the body is larger than 64 KiB"));
            return;
        }
        write(res, http.call(function, new String(body, StandardCharsets.UTF_8)));
    }

    private static void write(HttpServletResponse res, V5Http.Answer a) throws IOException {
        byte[] out = a.body().toString().getBytes(StandardCharsets.UTF_8);
        res.setStatus(a.status());
        res.setContentType("application/json; charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.setContentLength(out.length);
        res.getOutputStream().write(out);
    }
}
