// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;

import org.opennhi.sim.idc.internal.IdcServer;
import org.opennhi.idc.client.IdcTrust;

/**
 * The IDC simulator, started in-process: the platform's demo mode embeds it, tests start it on a free port.
 * It listens on its own Jetty (HTTPS, loopback by default), not on the OSGi HTTP service: the IDC is "another
 * machine".
 *
 * <pre>
 * try (IdcSimulator idc = IdcSimulator.start(IdcOptions.defaults(dataDir))) {
 *     URI base = idc.baseUri();                 // https://127.0.0.1:port/
 *     SSLContext tls = idc.clientTlsContext();  // trusts the per-install CA only
 * }
 * </pre>
 */
public final class IdcSimulator implements IdcEndpoint, AutoCloseable {
    private final IdcServer server;
    private final IdcOptions options;

    private IdcSimulator(IdcServer server, IdcOptions options) {
        this.server = server;
        this.options = options;
    }

    /**
     * Opens the data folder (creating the CA, the journal and the test institutions on first use) and starts
     * listening.
     *
     * @param options where and how
     * @return the running simulator
     * @throws IllegalStateException when it cannot start (port taken, data folder unusable)
     */
    public static IdcSimulator start(IdcOptions options) {
        return new IdcSimulator(new IdcServer(options), options);
    }

    /** @return {@code https://<host>:<port>/} */
    @Override
    public URI baseUri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("https://" + host + ":" + port() + "/");
    }

    /** @return the bound TCP port */
    public int port() {
        return server.port();
    }

    /** @return the data folder */
    public Path dataDir() {
        return options.dataDir();
    }

    /** @return the per-install CA certificate that clients must trust */
    @Override
    public X509Certificate caCertificate() {
        return server.core().ca().certificate();
    }

    /** @return the CA certificate's file, {@code <data>/tls/ca.pem} */
    @Override
    public Path caFile() {
        return options.dataDir().resolve("tls").resolve("ca.pem");
    }

    /** @return a TLS context that trusts this IDC's CA and nothing else */
    @Override
    public SSLContext clientTlsContext() {
        return IdcTrust.context(caCertificate());
    }

    /** @return the token admin routes need in {@code X-Admin-Token} (also in {@code <data>/admin.token}) */
    public String adminToken() {
        return server.adminToken();
    }

    /** @return the simulated clock (advance it to reach the next full hour) */
    public AdjustableClock clock() {
        return options.clock();
    }

    /**
     * Runs the hourly job if the simulated clock passed a full hour since it last ran.
     *
     * @return how many applications changed state
     */
    public int runHourIfDue() {
        return server.core().lifecycle().runHourIfDue();
    }

    /** Stops listening and closes the data folder; the state stays on disk. */
    @Override
    public void close() {
        server.close();
    }
}
