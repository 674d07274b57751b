// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.IOException;

import org.opennhi.contracts.platform.HttpApi;
import org.osgi.service.component.annotations.Component;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API's error page for every status an endpoint sends with {@code sendError} (a method an endpoint lacks), and
 * its default servlet for paths no endpoint serves: a short JSON body instead of Jetty's HTML page (issue 16,
 * item 10). As the default servlet ({@code /}) it sits in the API's context, so such paths get its checks too.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/",
    "osgi.http.whiteboard.servlet.errorPage=4xx",
    "osgi.http.whiteboard.servlet.errorPage=5xx", "osgi.http.whiteboard.servlet.name=opennhi-error-page",
    "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class ErrorPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        int status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code
                : HttpServletResponse.SC_NOT_FOUND;
        res.setHeader("Cache-Control", "no-store");
        Json.write(res, status, Json.error(error(status), message(status)));
    }

    static String error(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 404 -> "No such endpoint.";
            case 405 -> "This endpoint does not take that method.";
            default -> status >= 500 ? "The platform could not answer this request; see its log."
                    : "The request was refused (" + status + ").";
        };
    }
}
