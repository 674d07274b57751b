// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps {@code METHOD /path/{param}} patterns to endpoints. */
public final class Router {
    /** An endpoint: returns a JSON-serialisable object or a {@link Reply}. */
    @FunctionalInterface
    public interface Endpoint {
        /** @return the answer */
        Object handle(Call call) throws Exception;
    }

    /** Where a route lives: its access class and its body limit. */
    public enum Access { PUBLIC, ADMIN }

    record Route(String method, String[] parts, Endpoint endpoint, Access access, int maxBody, boolean inline) {
    }

    record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route with the default body limit (64 KiB). */
    public Router add(String method, String pattern, Endpoint endpoint) {
        return add(method, pattern, Access.PUBLIC, 64 * 1024, endpoint);
    }

    /** Adds a route. */
    public Router add(String method, String pattern, Access access, int maxBody, Endpoint endpoint) {
        routes.add(new Route(method, split(pattern), endpoint, access, maxBody, false));
        return this;
    }

    /**
     * Adds a public route whose endpoint only computes from memory: no disk, no sleeping, no waiting for
     * anyone. It runs on the I/O thread that read the request once the whole body is there, without a hand-off
     * to a worker thread (see {@link ApiHandler}). Anything that may block must use {@link #add}.
     */
    public Router addInline(String method, String pattern, Endpoint endpoint) {
        routes.add(new Route(method, split(pattern), endpoint, Access.PUBLIC, 64 * 1024, true));
        return this;
    }

    /** Adds an admin route (needs the admin token). */
    public Router admin(String method, String pattern, Endpoint endpoint) {
        return add(method, pattern, Access.ADMIN, 64 * 1024, endpoint);
    }

    /** @return the match, or null; {@code pathExists} tells 404 from 405 */
    Match match(String method, String path, boolean[] pathExists) {
        String[] parts = split(path);
        for (Route r : routes) {
            Map<String, String> params = bind(r.parts(), parts);
            if (params != null) {
                pathExists[0] = true;
                if (r.method().equals(method)) {
                    return new Match(r, params);
                }
            }
        }
        return null;
    }

    private static Map<String, String> bind(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        // literal parts first, so that the routes tried before the right one allocate nothing
        boolean hasParams = false;
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{")) {
                hasParams = true;
            } else if (!pattern[i].equals(path[i])) {
                return null;
            }
        }
        if (!hasParams) {
            return Map.of();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{")) {
                params.put(pattern[i].substring(1, pattern[i].length() - 1), path[i]);
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/");
    }
}
