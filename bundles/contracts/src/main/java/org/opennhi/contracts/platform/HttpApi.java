// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

/**
 * How an endpoint joins the platform's local HTTP API. Register a servlet with the Servlet Whiteboard and the
 * property {@code osgi.http.whiteboard.context.select} set to {@link #CONTEXT_SELECT}: it then gets the
 * gateway's checks for free (loopback binding, exact Host and Origin allow-lists, the client token, rate
 * limits) and must not repeat them.
 */
public final class HttpApi {

    /** Name of the servlet context every API endpoint uses. */
    public static final String CONTEXT_NAME = "opennhi.api";

    /** Value for {@code osgi.http.whiteboard.context.select}. */
    public static final String CONTEXT_SELECT = "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")";

    /** Request attribute holding the name of the authenticated client (for audit records). */
    public static final String CLIENT_ATTRIBUTE = "opennhi.client";

    /**
     * Request header by which {@code nhi-cs ctl} names itself ({@code ctl}); it holds the client token, so the
     * header only refines a token caller.
     *
     * @since 1.3
     */
    public static final String CLIENT_HEADER = "X-OpenNHI-Client";

    private HttpApi() {
    }

    /**
     * Who called, as the audit trail names it.
     *
     * @param clientAttribute the request's {@link #CLIENT_ATTRIBUTE}
     * @param clientHeader the request's {@link #CLIENT_HEADER}, or null
     * @return {@code session} (a browser's UI session), {@code ctl} or {@code token}
     * @since 1.3
     */
    public static String caller(Object clientAttribute, String clientHeader) {
        if ("browser-session".equals(clientAttribute)) {
            return "session";
        }
        return "ctl".equals(clientHeader) ? "ctl" : "token";
    }
}
