// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.IOException;

import org.opennhi.contracts.platform.HttpApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /status}: the platform's state as JSON. */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/status",
    "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class StatusServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient StatusModel model;

    @Activate
    public StatusServlet(@Reference StatusModel model) {
        this.model = model;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Json.write(res, HttpServletResponse.SC_OK, model.snapshot());
    }
}
