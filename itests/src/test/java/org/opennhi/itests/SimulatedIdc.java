// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.sim.idc.IdcEndpoint;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.google.gson.JsonParser;

/**
 * The IDC simulator bundle running inside the platform under test, and a clinic's cloud SAM from its portal:
 * what the SAM and visit tests need of the NHI side.
 */
final class SimulatedIdc {
    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final Path dataDir;
    private final int port;

    /** Starts the IDC on a fixed loopback port (so it can be stopped and started again where clients look). */
    SimulatedIdc(BundleContext context, ConfigurationAdmin configAdmin, Path dataDir) throws Exception {
        this.context = context;
        this.configAdmin = configAdmin;
        this.dataDir = dataDir;
        this.port = PlatformOptions.freePort();
        start();
    }

    void start() throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("dataDir", dataDir.toString());
        props.put("port", port);
        configAdmin.getConfiguration("org.opennhi.sim.idc", "?").update(props);
        Await.until("the IDC simulator listens", () -> context.getServiceReference(IdcEndpoint.class) != null
                && listening());
    }

    /** Stops it: its port refuses connections until {@link #start()}; its state stays on disk. */
    void stop() throws Exception {
        Configuration c = configAdmin.getConfiguration("org.opennhi.sim.idc", "?");
        c.delete();
        // the service goes first; the port is free only once Jetty has stopped, and a start before that fails
        Await.until("the IDC simulator stopped", () -> context.getServiceReference(IdcEndpoint.class) == null
                && !listening());
    }

    private boolean listening() {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    IdcEndpoint endpoint() {
        ServiceReference<IdcEndpoint> ref = context.getServiceReference(IdcEndpoint.class);
        return context.getService(ref);
    }

    /**
     * The institution downloads its test SAM from the portal, as a clinic would, into {@code SAM/COMX1}; the
     * IDC's CA goes where both SAM plugins look by default, and both are pointed at this IDC.
     */
    void installCloudSam(NhiHome home, String hospitalId) throws Exception {
        IdcEndpoint idc = endpoint();
        Files.copy(idc.caFile(), home.iniFolder().resolve("idc-ca.pem"), StandardCopyOption.REPLACE_EXISTING);
        HttpClient http = HttpClient.newBuilder().sslContext(idc.clientTlsContext()).build();
        String list = http.send(HttpRequest.newBuilder(idc.baseUri().resolve("/portal/applications?hospitalId="
                + hospitalId)).build(), HttpResponse.BodyHandlers.ofString()).body();
        String no = JsonParser.parseString(list).getAsJsonObject().getAsJsonArray("applications").get(0)
                .getAsJsonObject().get("applicationNo").getAsString();
        byte[] zip = http.send(HttpRequest.newBuilder(idc.baseUri().resolve(URI.create("/portal/applications/" + no
                + "/download"))).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        Path folder = Files.createDirectories(home.samFolder("COMX1"));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e = in.getNextEntry();
            Files.write(folder.resolve(e.getName()), in.readAllBytes());
        }
        Configs.update(configAdmin, "opennhi.sam.cloud", "idcUrl", idc.baseUri().toString());
        Configs.update(configAdmin, "opennhi.sam.physical", "idcUrl", idc.baseUri().toString());
    }
}
