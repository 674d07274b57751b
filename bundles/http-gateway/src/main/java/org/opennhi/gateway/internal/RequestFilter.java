// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.opennhi.contracts.platform.HttpApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The first filter of every API request, after the context's security check (issue 16, items 2 and 10):
 * <ul>
 * <li>reads the body whole within {@link GatewayConfig#bodyReadSeconds()} ({@link BufferedRequest}), so a slow
 * sender is cut off (408) instead of pinning a server thread;</li>
 * <li>turns anything an endpoint throws into a short JSON answer: a {@link ClientError} (bad escapes, bad UTF-8,
 * unknown charset, bad chunked framing, too many fields) into its 4xx with no stack trace, anything else into a 500
 * whose stack trace goes to DEBUG only. Without this the whiteboard logged ~50 lines and Jetty sent an HTML page.</li>
 * </ul>
 * Async-capable, so {@code /events} can still start its stream behind it.
 */
@Component(service = Filter.class, configurationPid = GatewayConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {"osgi.http.whiteboard.filter.pattern=/*",
    "osgi.http.whiteboard.filter.asyncSupported=true", "service.ranking:Integer=" + Integer.MAX_VALUE,
    "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class RequestFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RequestFilter.class);

    private final transient ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "opennhi-body-budget");
        t.setDaemon(true);
        return t;
    });
    private transient volatile long budgetMillis;

    @Activate
    public RequestFilter(GatewayConfig config) {
        modified(config);
    }

    @Modified
    void modified(GatewayConfig config) {
        budgetMillis = Math.max(1, config.bodyReadSeconds()) * 1000L;
    }

    @Deactivate
    void deactivate() {
        alarms.shutdownNow();
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) {
        try {
            chain.doFilter(BufferedRequest.read(req, budgetMillis, alarms), res);
        } catch (ClientError e) {
            answer(res, e.status, e.error, e.getMessage(), true);
        } catch (IOException e) {
            // mostly a client that went away mid-answer: nothing to answer, nothing worth a stack trace
            LOG.debug("{} {}: {}", req.getMethod(), req.getRequestURI(), e.toString());
            answer(res, 400, "bad_request", "The request could not be read.", true);
        } catch (Exception | LinkageError | AssertionError e) {
            Throwable cause = e.getCause();
            if (cause instanceof ClientError c) {
                answer(res, c.status, c.error, c.getMessage(), true);
                return;
            }
            LOG.warn("{} {} failed: {}", req.getMethod(), req.getRequestURI(), e.toString());
            LOG.debug("{} {} failed", req.getMethod(), req.getRequestURI(), e);
            answer(res, 500, "internal_error", "The platform could not answer this request; see its log.", false);
        }
    }

    private static void answer(HttpServletResponse res, int status, String error, String message, boolean close) {
        if (res.isCommitted()) {
            return; // the endpoint had started its answer: the connection ends where it is
        }
        try {
            res.reset();
            if (close) {
                res.setHeader("Connection", "close"); // whatever is left of a bad body is never read
            }
            res.setHeader("Cache-Control", "no-store");
            Json.write(res, status, Json.error(error, message));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("could not answer {}: {}", status, e.toString());
        }
    }
}
