// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.IOException;

import org.opennhi.contracts.platform.HttpApi;
import org.osgi.service.component.annotations.Component;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Closes the race {@link FacadeAbsentServlet} cannot: a request already matched to a facade's servlet when that
 * servlet is unregistered (its bundle is being updated) fails in the whiteboard with "Servlet has been
 * unregistered", which Jetty would turn into an HTML 500. The facades answer every call with an NHI code and
 * never throw, so a servlet exception on their paths means the facade went away: the caller gets the same
 * documented 503/9005 answer.
 */
@Component(service = Filter.class, property = {"osgi.http.whiteboard.filter.pattern=/v5/*",
    "osgi.http.whiteboard.filter.pattern=/v3/*", "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class FacadeGoneFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(req, res);
        } catch (ServletException e) {
            if (res.isCommitted()) {
                throw e;
            }
            res.reset();
            res.setHeader("Retry-After", "1");
            Json.write(res, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    FacadeAbsentServlet.answer(firstSegment(req.getRequestURI())));
        }
    }

    /** @return {@code /v5} of {@code /v5/hisGetBasicData} */
    static String firstSegment(String uri) {
        int next = uri.indexOf('/', 1);
        return next < 0 ? uri : uri.substring(0, next);
    }
}
