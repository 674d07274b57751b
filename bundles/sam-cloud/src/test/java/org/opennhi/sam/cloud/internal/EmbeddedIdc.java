// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.opennhi.sim.idc.IdcOptions;
import org.opennhi.sim.idc.IdcSimulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The real IDC simulator on a loopback port, with the portal and operator routes the tests need. */
final class EmbeddedIdc implements AutoCloseable {
    private final Path dataDir;
    private IdcSimulator idc;
    private int port;
    private HttpClient http;

    EmbeddedIdc(Path dataDir) {
        this.dataDir = dataDir;
        start(0);
    }

    private void start(int onPort) {
        idc = IdcSimulator.start(IdcOptions.defaults(dataDir).withPort(onPort).withForceWrites(false));
        port = idc.port();
        http = HttpClient.newBuilder().sslContext(idc.clientTlsContext()).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Stops it (the port stops answering: connections are refused). */
    void stop() {
        idc.close();
    }

    /** Starts it again on the same port and data: its state and CA survive. */
    void restart() {
        start(port);
    }

    URI baseUri() {
        return idc.baseUri();
    }

    Path caFile() {
        return idc.caFile();
    }

    /** @return a test institution's ready SAM file, as the portal's zip delivers it: name and content */
    SamBytes testSam(String hospitalId) throws IOException, InterruptedException {
        String no = applicationNo(hospitalId);
        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(idc.baseUri().resolve(
                "/portal/applications/" + no + "/download")).build(), HttpResponse.BodyHandlers.ofByteArray());
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            ZipEntry e = in.getNextEntry();
            return new SamBytes(e.getName(), in.readAllBytes());
        }
    }

    /** Revokes the institution's SAM (portal: 註銷中, then the hourly job: 已註銷). */
    void revoke(String hospitalId) throws IOException, InterruptedException {
        String no = applicationNo(hospitalId);
        send("POST", "/portal/applications/" + no + "/revoke", "{}");
        send("POST", "/admin/production/run", "{}");
    }

    /** Sets the fault rules (idc-protocol §13). */
    void faults(String rulesJson) throws IOException, InterruptedException {
        send("PUT", "/admin/faults", "{\"rules\":" + rulesJson + "}");
    }

    /** Moves the IDC's simulated clock forward. */
    void advanceClock(long minutes) throws IOException, InterruptedException {
        send("POST", "/admin/clock", "{\"advanceMinutes\":" + minutes + "}");
    }

    /** @return whether the IDC finds the signature valid for that SAM (idc-protocol §6, no session needed) */
    boolean verify(String samId, String type, byte[] data, byte[] signature)
            throws IOException, InterruptedException {
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        JsonObject a = send("POST", "/v1/signatures/verify", "{\"samId\":\"" + samId + "\",\"type\":\"" + type
                + "\",\"data\":\"" + b64.encodeToString(data) + "\",\"signature\":\""
                + b64.encodeToString(signature) + "\"}");
        return a.get("valid").getAsBoolean();
    }

    private String applicationNo(String hospitalId) throws IOException, InterruptedException {
        JsonObject list = send("GET", "/portal/applications?hospitalId=" + hospitalId, null);
        return list.getAsJsonArray("applications").get(0).getAsJsonObject().get("applicationNo").getAsString();
    }

    private JsonObject send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(idc.baseUri().resolve(path))
                .header("X-Admin-Token", idc.adminToken()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> a = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (a.statusCode() != 200) {
            throw new AssertionError(method + " " + path + " → " + a.statusCode() + " " + a.body());
        }
        return JsonParser.parseString(a.body()).getAsJsonObject();
    }

    @Override
    public void close() {
        idc.close();
    }

    /** A SAM file as delivered. */
    record SamBytes(String name, byte[] content) {
        Path writeTo(Path folder) throws IOException {
            Files.createDirectories(folder);
            return Files.write(folder.resolve(name), content);
        }
    }
}
