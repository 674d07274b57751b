// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.opennhi.card.crypto.AuthenticationException;
import org.opennhi.sim.idc.internal.cli.IdcHttp;
import org.opennhi.idc.client.CloudSamCard;
import org.opennhi.idc.client.SamFile;

import com.google.gson.JsonObject;

/** A real IDC simulator on a free loopback port with real TLS, for tests; and the platform's side of calls. */
final class IdcFixture implements AutoCloseable {
    /** 2026-11-22 10:30 Taiwan time. */
    static final Instant START = Instant.parse("2026-11-22T02:30:00Z");

    final Path dataDir;
    final AdjustableClock clock;
    IdcSimulator idc;
    IdcHttp http;

    IdcFixture(Path dataDir) {
        this(dataDir, AdjustableClock.fixed(START));
    }

    IdcFixture(Path dataDir, AdjustableClock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        start();
    }

    void start() {
        idc = IdcSimulator.start(IdcOptions.defaults(dataDir).withClock(clock).withForceWrites(false));
        http = new IdcHttp(idc.baseUri(), idc.clientTlsContext(), idc.adminToken());
    }

    void restart() {
        idc.close();
        start();
    }

    @Override
    public void close() {
        idc.close();
        try (java.util.stream.Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    static JsonObject json(Object... kv) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            if (v instanceof Number n) {
                o.addProperty((String) kv[i], n);
            } else if (v instanceof Boolean b) {
                o.addProperty((String) kv[i], b);
            } else {
                o.addProperty((String) kv[i], v == null ? null : v.toString());
            }
        }
        return o;
    }

    /** Downloads an application's zip and returns the one SAM file in it. */
    SamFile download(String applicationNo) throws IOException {
        IdcHttp.Answer a = http.get("/portal/applications/" + applicationNo + "/download");
        if (a.status() != 200) {
            throw new AssertionError("download failed: " + a.status() + " " + a.json());
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(a.bytes()))) {
            ZipEntry e = zip.getNextEntry();
            SamFile file = SamFile.parse(zip.readAllBytes());
            if (!e.getName().equals(file.fileName()) || zip.getNextEntry() != null) {
                throw new AssertionError("the zip must hold exactly <hospital id><SAM id>.SAM, got " + e.getName());
            }
            return file;
        }
    }

    /** The test institution's ready SAM file. */
    SamFile testSam(String hospitalId) throws IOException {
        IdcHttp.Answer list = http.get("/portal/applications?hospitalId=" + hospitalId);
        String no = list.json().getAsJsonArray("applications").get(0).getAsJsonObject().get("applicationNo").getAsString();
        return download(no);
    }

    /** Runs SAM authentication as the platform does; returns the complete answer (or the first refusal). */
    IdcHttp.Answer authenticate(SamFile file, String machineId) throws IOException {
        CloudSamCard card = new CloudSamCard(file, new SecureRandom());
        IdcHttp.Answer begin = http.post("/v1/sam/auth/begin", json("samId", file.samId(), "hospitalId",
                file.hospitalId(), "machineId", machineId, "rndCard", card.challenge()), null);
        if (begin.status() != 200) {
            return begin;
        }
        try {
            return http.post("/v1/sam/auth/complete", json("authId", begin.str("authId"), "cardCryptogram",
                    card.answer(begin.str("hostData"))), null);
        } catch (AuthenticationException e) {
            throw new AssertionError("the IDC's proof did not verify", e);
        }
    }

    /** Authenticates and returns the session token. */
    String session(SamFile file, String machineId) throws IOException {
        IdcHttp.Answer a = authenticate(file, machineId);
        if (a.status() != 200) {
            throw new AssertionError("SAM authentication failed: " + a.status() + " " + a.json());
        }
        return a.str("sessionToken");
    }

    static Path tempDir() throws IOException {
        return Files.createTempDirectory("idc-test");
    }
}
