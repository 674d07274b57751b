// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.IOException;
import java.util.Map;

import org.opennhi.contracts.platform.HttpApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /admin/api/rotate-token} ({@code nhi-cs ctl rotate-token}): a new client token, as Gogo's
 * {@code opennhi:rotatetoken}. The HIS and ctl re-read {@code INI/api-token}; the old token is refused from now on.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/admin/api/rotate-token",
    "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class TokenRotationServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient TokenRotation rotation;

    @Activate
    public TokenRotationServlet(@Reference TokenRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String where = rotation.rotate(HttpApi.caller(req.getAttribute(HttpApi.CLIENT_ATTRIBUTE),
                req.getHeader(HttpApi.CLIENT_HEADER)));
        Json.write(res, 200, Map.of("rotated", true, "message", where));
    }
}
