// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.demo.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.net.ssl.SSLContext;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.opennhi.contracts.platform.Progress;

/**
 * Gets a test cloud SAM file the way a clinic does on the VPN portal (docs/idc-protocol.md §12): find the
 * institution's application, walk it to 可下載 if it is not there yet (review, approve, produce with the
 * operator token, as NHI staff would), download the zip and put its one {@code .SAM} file into the SAM folder.
 * A file already in the folder is kept while it was signed by the same IDC CA; after the IDC's data was wiped
 * (a new CA) it is replaced, since the cloud SAM plugin would refuse it (9201).
 */
final class SamProvisioner {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Next to the SAM files of the demo home: which CA signed the file we put there. */
    static final String MARK = "demo-sam.ca-sha256";

    private final URI idc;
    private final HttpClient http;
    private final String adminToken;

    /**
     * @param idc the IDC's base URI
     * @param tls trusts the IDC's CA only
     * @param adminToken the operator token ({@code <idc data>/admin.token}), for the staff steps of the lifecycle
     */
    SamProvisioner(URI idc, SSLContext tls, String adminToken) {
        this.idc = idc;
        this.adminToken = adminToken;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(TIMEOUT).build();
    }

    /**
     * @param hospitalId a contracted test institution, e.g. 7777777777
     * @param samFolder {@code <home>/SAM/COMX1}
     * @param caPem the IDC CA's PEM bytes
     * @param progress told of each step
     * @return the SAM file in the folder
     */
    Path provision(String hospitalId, Path samFolder, byte[] caPem, Progress progress)
            throws IOException, InterruptedException {
        Files.createDirectories(samFolder);
        String ca = sha256(caPem);
        Path mark = samFolder.getParent().resolve(MARK);
        List<Path> present = samFiles(samFolder);
        if (present.size() == 1 && Files.exists(mark) && Files.readString(mark).strip().equals(ca)) {
            progress.update(4, 4, "SAM file already in place: " + present.get(0).getFileName());
            return present.get(0);
        }
        for (Path stale : present) {
            if (stale.getFileName().toString().startsWith(hospitalId)) {
                progress.update(0, 4, "removing " + stale.getFileName() + " (issued by an earlier IDC)");
                Files.delete(stale);
            }
        }

        JsonObject app = findApplication(hospitalId);
        if (app == null) {
            progress.update(0, 4, "applying for a cloud SAM for " + hospitalId);
            app = send("POST", "/portal/applications", "{\"hospitalId\":\"" + hospitalId
                    + "\",\"contact\":\"demo\",\"phone\":\"0200000000\",\"email\":\"demo@example.invalid\"}", false);
        }
        String no = app.get("applicationNo").getAsString();
        for (int step = 1; !"DOWNLOADABLE".equals(state(app)); step++) {
            progress.update(Math.min(step, 3), 4, "application " + no + ": " + app.get("stateLabel").getAsString());
            app = switch (state(app)) {
                case "APPLIED" -> send("POST", "/admin/applications/" + no + "/review", "{}", true);
                case "UNDER_REVIEW" -> send("POST", "/admin/applications/" + no + "/approve", "{}", true);
                case "AWAITING_PRODUCTION" -> {
                    send("POST", "/admin/production/run", "{}", true);
                    yield send("GET", "/portal/applications/" + no, null, false);
                }
                default -> throw new IOException("application " + no + " is " + state(app)
                        + "; a demo SAM needs a fresh IDC data folder");
            };
            if (step > 6) {
                throw new IOException("application " + no + " does not move on from " + state(app));
            }
        }
        progress.update(3, 4, "application " + no + ": " + app.get("stateLabel").getAsString() + ", downloading");
        byte[] zip = get("/portal/applications/" + no + "/download");
        Path file = unzipSamFile(zip, samFolder);
        Files.writeString(mark, ca + "\n");
        progress.update(4, 4, "SAM file " + file.getFileName() + " placed in " + samFolder);
        return file;
    }

    private JsonObject findApplication(String hospitalId) throws IOException, InterruptedException {
        JsonObject all = send("GET", "/portal/applications?hospitalId=" + hospitalId, null, false);
        JsonObject best = null;
        JsonArray apps = all.getAsJsonArray("applications");
        for (JsonElement e : apps) {
            JsonObject a = e.getAsJsonObject();
            String s = state(a);
            if ("DOWNLOADABLE".equals(s)) {
                return a;
            }
            if (best == null && !"REJECTED".equals(s) && !"REVOKING".equals(s) && !"REVOKED".equals(s)) {
                best = a;
            }
        }
        return best;
    }

    private static String state(JsonObject app) {
        return app.get("state").getAsString();
    }

    private JsonObject send(String method, String path, String body, boolean admin)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(idc.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (admin) {
            b.header("X-Admin-Token", adminToken);
        }
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + res.statusCode() + ": " + res.body());
        }
        return JsonParser.parseString(res.body()).getAsJsonObject();
    }

    private byte[] get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(idc.resolve(path)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + res.statusCode());
        }
        return res.body();
    }

    /** Takes the portal zip's single {@code .SAM} entry, refusing any path in its name. */
    static Path unzipSamFile(byte[] zip, Path folder) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                String name = e.getName();
                if (name.matches("[0-9]{10}[0-9A-Za-z]{12}\\.SAM")) {
                    Path tmp = Files.createTempFile(folder.getParent(), "sam", ".part");
                    Files.write(tmp, in.readAllBytes());
                    return Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
        throw new IOException("the portal's zip holds no <hospital id><SAM id>.SAM file");
    }

    static List<Path> samFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && p.getFileName().toString().toUpperCase().endsWith(".SAM")) {
                    files.add(p);
                }
            }
        }
        return files;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
