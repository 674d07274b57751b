// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.opennhi.sim.idc.IdcOptions;
import org.opennhi.sim.idc.internal.http.AdminApi;
import org.opennhi.sim.idc.internal.http.ApiHandler;
import org.opennhi.sim.idc.internal.http.IdcApi;
import org.opennhi.sim.idc.internal.http.JsonErrorHandler;
import org.opennhi.sim.idc.internal.http.PortalApi;
import org.opennhi.sim.idc.internal.http.Router;
import org.opennhi.sim.idc.internal.http.WebTreatmentApi;
import org.opennhi.sim.idc.internal.web.ApplicationsPage;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The IDC behind Jetty 12 over TLS: a server certificate issued at start from the per-install CA, one core
 * Jetty handler for every route (no servlet layer; signatures served on the selector threads), Jetty's own
 * errors as JSON, fault injection in front, and a background check for the full hour of the simulated clock.
 */
public final class IdcServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(IdcServer.class.getName());

    private final IdcCore core;
    private final Server server;
    private final ServerConnector connector;
    private final ScheduledExecutorService hourly;
    private final String adminToken;

    /** Starts the server. */
    public IdcServer(IdcOptions options) {
        Times times = new Times(options.clock());
        this.core = new IdcCore(options.dataDir(), times, options.forceWrites(), options.unknownCardsInsured());
        this.adminToken = adminToken(options.dataDir());
        Gson gson = new GsonBuilder().disableHtmlEscaping().create();
        Router router = new Router();
        SecureRandom random = new SecureRandom();
        new IdcApi(new IdcApi.Services(times, core.sams, core.samAuth, core.cardAuth, core.signatures, core.insurance,
                core.treatmentIds, core.fastAuth, core.uploads, core.lifecycle, der(core), core.cardContents))
                .register(router);
        new PortalApi(core.lifecycle).register(router);
        new WebTreatmentApi(core.sams, core.signatures, core.treatmentIds, times, random).register(router);
        new AdminApi(new AdminApi.Services(options.clock(), times, core.lifecycle, core.faults, core.insurance,
                core.samAuth, core.issuer, core.sams, core.audit, core.cardContents)).register(router);
        new ApplicationsPage(core.lifecycle, times).register(router);

        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("idc");
        server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        char[] password = newPassword(random);
        ssl.setKeyStore(core.ca.serverKeyStore(hosts(options.host()), password));
        ssl.setKeyStorePassword(new String(password));
        // No SecureRequestCustomizer (Jetty adds one unless told not to): it wraps every request to expose TLS
        // session data that no route reads (SAMs authenticate inside the protocol, not with client
        // certificates), and its SNI host check resolves the Host header on every request.
        SslConnectionFactory tls = new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString());
        tls.setEnsureSecureRequestCustomizer(false);
        // One selector per core (at most 8): the signature routes run on the selector threads (see ApiHandler),
        // so that many are needed to sign on every core; one acceptor is plenty.
        int selectors = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        connector = new ServerConnector(server, null, null, null, 1, selectors, tls, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        core.faults.setHandler(new ApiHandler(router, core.sessions, core.audit, gson, adminToken));
        server.setHandler(core.faults);
        server.setErrorHandler(new JsonErrorHandler());
        try {
            server.start();
        } catch (Exception e) {
            core.close();
            throw new IllegalStateException("the IDC simulator could not start on " + options.host() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        }
        hourly = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idc-hourly");
            t.setDaemon(true);
            return t;
        });
        hourly.scheduleWithFixedDelay(this::hourTick, 0, Math.max(100, options.hourCheckMillis()), TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "IDC simulator listening on https://{0}:{1,number,#} (data in {2})",
                options.host(), port(), options.dataDir());
    }

    /** @return the bound port */
    public int port() {
        return connector.getLocalPort();
    }

    /** @return the core (services and CA) */
    public IdcCore core() {
        return core;
    }

    /** @return the admin token */
    public String adminToken() {
        return adminToken;
    }

    @Override
    public void close() {
        hourly.shutdown();
        try {
            // let a running hourly job finish its journal writes before the journal closes
            hourly.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "stopping Jetty failed: {0}", e.toString());
        }
        core.close();
    }

    private void hourTick() {
        try {
            core.lifecycle.runHourIfDue();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the hourly job failed", e);
        }
    }

    private static char[] newPassword(SecureRandom random) {
        byte[] raw = new byte[12];
        random.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw).toCharArray();
    }

    private static List<String> hosts(String bind) {
        List<String> hosts = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
        if (!hosts.contains(bind) && !"0.0.0.0".equals(bind) && !bind.isEmpty()) {
            hosts.add(0, bind);
        }
        return hosts;
    }

    private static byte[] der(IdcCore core) {
        try {
            return core.ca.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The admin token: created once per install in {@code admin.token}, readable by the owner only. */
    private static String adminToken(Path dataDir) {
        Path file = dataDir.resolve("admin.token");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            byte[] raw = new byte[24];
            new SecureRandom().nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data folder's ACL applies
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }
}
