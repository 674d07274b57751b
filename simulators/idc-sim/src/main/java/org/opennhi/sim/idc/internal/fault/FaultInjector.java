// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.fault;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.http.JsonBodies;

/**
 * Fault injection for tests and demos, per endpoint: down, dropped connections, added latency, error rate.
 * {@code /admin} is never affected, so faults can always be cleared. Rules live in memory only: a restart
 * clears them.
 */
public final class FaultInjector extends Handler.Wrapper {
    private static final System.Logger LOG = System.getLogger(FaultInjector.class.getName());

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final Random random;

    /** @param random decides which requests the error rate hits (seed it for repeatable tests) */
    public FaultInjector(Random random) {
        this.random = random;
    }

    /** Replaces all rules. */
    public void set(List<FaultRule> next) {
        for (FaultRule r : next) {
            if (r == null || r.pathPrefix() == null || !r.pathPrefix().startsWith("/") || r.latencyMs() < 0
                    || r.latencyMs() > 60_000 || r.errorRate() < 0 || r.errorRate() > 1) {
                throw IdcException.badRequest("a rule needs pathPrefix starting with /, latencyMs 0..60000, errorRate 0..1");
            }
        }
        rules.clear();
        rules.addAll(next);
        LOG.log(System.Logger.Level.INFO, "fault rules now: {0}", rules);
    }

    /** @return the current rules */
    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /**
     * May run on Jetty's selector thread (the API handler is non-blocking), so added latency never sleeps here:
     * the request waits on a worker thread instead.
     */
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        FaultRule rule = path.startsWith("/admin") ? null : match(path);
        if (rule == null) {
            return super.handle(request, response, callback);
        }
        if (rule.latencyMs() > 0) {
            getServer().getThreadPool().execute(() -> {
                try {
                    Thread.sleep(rule.latencyMs());
                    if (!apply(rule, request, response, callback)) {
                        Response.writeError(request, response, callback, 404);
                    }
                } catch (Exception e) {
                    callback.failed(e);
                }
            });
            return true;
        }
        return apply(rule, request, response, callback);
    }

    private boolean apply(FaultRule rule, Request request, Response response, Callback callback) throws Exception {
        if (rule.drop()) {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new EofException("fault injection: connection dropped"));
            return true;
        }
        if (rule.down() || (rule.errorRate() > 0 && random.nextDouble() < rule.errorRate())) {
            int status = rule.down() ? 503 : 500;
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.write(true, JsonBodies.utf8(JsonBodies.error(status, ResultCode.IDC_UNAVAILABLE,
                    "fault injection")), callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    private FaultRule match(String path) {
        for (FaultRule r : rules) {
            if (path.startsWith(r.pathPrefix())) {
                return r;
            }
        }
        return null;
    }
}
