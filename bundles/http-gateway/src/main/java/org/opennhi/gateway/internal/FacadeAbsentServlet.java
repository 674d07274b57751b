// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.opennhi.contracts.platform.HttpApi;
import org.opennhi.contracts.result.ResultCode;
import org.osgi.service.component.annotations.Component;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What an HIS gets from {@code /v5/…} or {@code /v3/…} while that facade bundle is not there — being updated,
 * stopped, or not installed: 503 with {@code Retry-After: 1} and the NHI answer shape, code 9005 (要求的函式無法
 * 執行), never an HTML 404 page. Registered at the lowest ranking on the facades' own patterns, so the Servlet
 * Whiteboard shadows it while a facade serves and brings it back the moment the facade's servlet goes away.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/v5/*",
    "osgi.http.whiteboard.servlet.pattern=/v3/*", "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT,
    "service.ranking:Integer=" + Integer.MIN_VALUE})
public final class FacadeAbsentServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The facades this servlet stands in for, by their first path segment. */
    private static final Map<String, String> SETS = Map.of("v5", "5.1.x", "v3", "3.5.x");

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Retry-After", "1");
        Json.write(res, HttpServletResponse.SC_SERVICE_UNAVAILABLE, answer(req.getServletPath()));
    }

    /** @param servletPath {@code /v5} or {@code /v3} */
    static Map<String, Object> answer(String servletPath) {
        String set = servletPath == null ? "" : servletPath.replace("/", "");
        ResultCode code = ResultCode.FUNCTION_NOT_AVAILABLE;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code.code());
        body.put("message", code.chinese());
        body.put("messageEn", code.english());
        body.put("detail", "The " + SETS.getOrDefault(set, set) + " API (/" + set + ") is not available: its facade"
                + " bundle is being updated, stopped or not installed. Retry shortly.");
        body.put("facade", set);
        return body;
    }
}
