// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.Test;
import org.opennhi.sim.idc.internal.cli.IdcHttp;

import com.google.gson.JsonObject;

/** Uploads (3.1–3.3) and fault injection. */
public class UploadsAndFaultsTest extends IdcTestBase {

    @Test
    public void uploadThenCheckReport() throws Exception {
        String session = f.session(f.testSam("9999999999"), "PC-1");
        byte[] data = "rec1\nrec2\nrec3\n".getBytes(StandardCharsets.US_ASCII);
        IdcHttp.Answer up = f.http.post("/v1/uploads", IdcFixture.json("fileName", "A1.xml", "fileSize", data.length,
                "recordCount", 3, "data", Base64.getEncoder().encodeToString(data)), session);
        assertEquals(200, up.status());
        assertEquals(130, up.str("serverRandom").length());
        assertEquals(3, up.json().get("recordCount").getAsInt());
        assertTrue(up.str("uploadDateTime").matches("\\d{14}"));
        JsonObject report = f.http.post("/v1/uploads/report", IdcFixture.json("serverRandom", up.str("serverRandom")),
                session).json();
        assertEquals(3, report.get("validRecords").getAsInt());
        assertEquals("檢核無誤", report.get("result").getAsString());
        // issue 16 item 11: the journal holds SAM keys, the uploads visit data: owner-only on disk
        int checked = 0;
        for (java.nio.file.Path p : new java.nio.file.Path[] {f.dataDir, f.dataDir.resolve("db"),
            f.dataDir.resolve("db/journal.jsonl"), f.dataDir.resolve("db/snapshot.json"), f.dataDir.resolve("uploads"),
            f.dataDir.resolve("uploads/" + up.str("serverRandom") + ".dat")}) {
            String mode = java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(p));
            assertEquals(p.toString(), java.nio.file.Files.isDirectory(p) ? "rwx------" : "rw-------", mode);
            checked++;
        }
        System.out.println("IDC data owner-only: " + checked + " paths checked");
    }

    @Test
    public void sizeMismatchIs9070() throws Exception {
        String session = f.session(f.testSam("9999999999"), "PC-1");
        IdcHttp.Answer up = f.http.post("/v1/uploads", IdcFixture.json("fileName", "A1.xml", "fileSize", 99,
                "recordCount", 1, "data", Base64.getEncoder().encodeToString("x".getBytes())), session);
        assertEquals(422, up.status());
        assertEquals(9070, up.code());
    }

    @Test
    public void faultsPerEndpointAndClearing() throws Exception {
        faults("{\"rules\":[{\"pathPrefix\":\"/v1/health\",\"down\":true}]}");
        IdcHttp.Answer down = f.http.get("/v1/health");
        assertEquals(503, down.status());
        assertEquals(9004, down.code());
        assertEquals("other endpoints unaffected", 200, f.http.get("/v1/time").status());

        faults("{\"rules\":[{\"pathPrefix\":\"/v1/time\",\"errorRate\":1.0}]}");
        assertEquals(500, f.http.get("/v1/time").status());
        assertEquals(200, f.http.get("/v1/health").status());

        faults("{\"rules\":[{\"pathPrefix\":\"/v1/health\",\"drop\":true}]}");
        try {
            f.http.get("/v1/health");
            throw new AssertionError("a dropped connection must fail on the client");
        } catch (IOException expected) {
            // what the platform maps to 4061
        }

        faults("{\"rules\":[{\"pathPrefix\":\"/v1/health\",\"latencyMs\":50}]}");
        assertEquals("slow still answers", 200, f.http.get("/v1/health").status());

        faults("{\"rules\":[]}");
        assertEquals(200, f.http.get("/v1/health").status());
        assertEquals(400, f.http.put("/admin/faults", com.google.gson.JsonParser.parseString(
                "{\"rules\":[{\"pathPrefix\":\"no-slash\"}]}").getAsJsonObject()).status());
    }

    private void faults(String json) throws Exception {
        assertEquals(200, f.http.put("/admin/faults", com.google.gson.JsonParser.parseString(json).getAsJsonObject())
                .status());
    }
}
