// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.opennhi.contracts.result.ResultCode;

/**
 * Jetty's own errors (bad HTTP, headers too large, no such context) as our JSON error answer, never an HTML
 * page or a stack trace.
 */
public final class JsonErrorHandler extends ErrorHandler {
    /** A handler that never shows stacks. */
    public JsonErrorHandler() {
        setShowStacks(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object attr = request.getAttribute(ERROR_STATUS);
        int status = attr instanceof Integer i ? i : response.getStatus();
        if (status < 400) {
            status = 500;
        }
        ResultCode code = status >= 500 ? ResultCode.IDC_UNAVAILABLE
                : status == 404 ? ResultCode.FUNCTION_NOT_AVAILABLE : ResultCode.IDC_SYNTAX_ERROR;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, JsonBodies.utf8(JsonBodies.error(status, code, "the HTTP request was refused")), callback);
        return true;
    }
}
