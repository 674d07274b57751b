// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.opennhi.contracts.platform.HttpApi;
import org.opennhi.contracts.result.ResultCode;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /<set>/<function>} and {@code GET /<set>/openapi.json} of one facade, registered by the facade
 * on the gateway's context (which checks Host, Origin and the client token before a request gets here).
 * Bodies are never logged: they may hold PINs. A body of type {@link CallWire#MEDIA_TYPE} (the native
 * libraries) gets an answer of that type; anything else is JSON.
 */
public abstract class FacadeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 64 * 1024;
    /** Header by which {@code nhi-cs ctl} names itself ({@code ctl}). */
    public static final String CLIENT_HEADER = HttpApi.CLIENT_HEADER;

    private final transient FacadeHttp<?> http;

    protected FacadeServlet(FacadeHttp<?> http) {
        this.http = http;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if ("/openapi.json".equals(req.getPathInfo())) {
            write(res, new FacadeHttp.Answer(200, http.openApi()));
        } else {
            write(res, FacadeHttp.error(405, ResultCode.FUNCTION_NOT_AVAILABLE, "functions are called with POST"));
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
        boolean binary = isBinary(req.getContentType());
        if (body.length > MAX_BODY) {
            String detail = "the body is larger than 64 KiB";
            if (binary) {
                write(res, FacadeHttp.binaryError(413, ResultCode.BAD_PARAMETER, detail));
            } else {
                write(res, FacadeHttp.error(413, ResultCode.BAD_PARAMETER, detail));
            }
            return;
        }
        String caller = caller(req);
        if (binary) {
            write(res, http.callBinary(function, body, caller));
        } else {
            write(res, http.call(function, new String(body, StandardCharsets.UTF_8), caller));
        }
    }

    /**
     * Who called, for the audit trail: the gateway names the credential; {@code nhi-cs ctl} says so in
     * {@link #CLIENT_HEADER} (it holds the client token, so the header only refines a token caller).
     */
    static String caller(HttpServletRequest req) {
        return HttpApi.caller(req.getAttribute(HttpApi.CLIENT_ATTRIBUTE), req.getHeader(CLIENT_HEADER));
    }

    /** The native libraries send {@link CallWire#MEDIA_TYPE}; everything else is JSON. */
    static boolean isBinary(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return CallWire.MEDIA_TYPE.equalsIgnoreCase(type);
    }

    private static void write(HttpServletResponse res, FacadeHttp.BinaryAnswer a) throws IOException {
        res.setStatus(a.status());
        res.setContentType(CallWire.MEDIA_TYPE);
        res.setHeader("Cache-Control", "no-store");
        res.setContentLength(a.body().length);
        res.getOutputStream().write(a.body());
    }

    private static void write(HttpServletResponse res, FacadeHttp.Answer a) throws IOException {
        byte[] out = a.bytes();
        res.setStatus(a.status());
        res.setContentType("application/json; charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.setContentLength(out.length);
        res.getOutputStream().write(out);
    }
}
