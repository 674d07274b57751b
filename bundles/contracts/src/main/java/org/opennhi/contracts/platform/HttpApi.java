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

    private HttpApi() {
    }
}
