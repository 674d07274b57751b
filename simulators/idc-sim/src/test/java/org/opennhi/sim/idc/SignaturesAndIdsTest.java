// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.Test;
import org.opennhi.sim.idc.internal.cli.IdcHttp;
import org.opennhi.idc.client.SamFile;
import org.opennhi.idc.client.TreatmentIds;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** Signatures, insurance status and treatment ids over HTTPS with a SAM session. */
public class SignaturesAndIdsTest extends IdcTestBase {
    private static final byte[] DATA = "1151122103000|0001|9999999999".getBytes(StandardCharsets.US_ASCII);

    @Test
    public void signaturesHaveTheLegacySizesAndVerify() throws Exception {
        SamFile file = f.testSam("9999999999");
        String session = f.session(file, "PC-1");
        String data = Base64.getEncoder().encodeToString(DATA);
        for (String[] t : new String[][] {{"VISIT_RAW", "128"}, {"VISIT_PRINTABLE", "256"}, {"PRESCRIPTION", "40"}}) {
            IdcHttp.Answer sig = f.http.post("/v1/signatures", IdcFixture.json("type", t[0], "data", data), session);
            assertEquals(200, sig.status());
            byte[] bytes = Base64.getDecoder().decode(sig.str("signature"));
            assertEquals(t[0], Integer.parseInt(t[1]), bytes.length);
            assertTrue(t[0], verify(file.samId(), t[0], DATA, sig.str("signature")));
            byte[] other = "tampered".getBytes(StandardCharsets.US_ASCII);
            assertFalse(t[0] + " of other data", verify(file.samId(), t[0], other, sig.str("signature")));
        }
        IdcHttp.Answer printable = f.http.post("/v1/signatures", IdcFixture.json("type", "VISIT_PRINTABLE", "data",
                data), session);
        assertTrue("256 printable characters", printable.str("text").matches("[0-9A-F]{256}"));
    }

    /** The server keeps one signer per thread and algorithm: mixed SAMs, types and threads must not mix keys. */
    @Test
    public void concurrentSignaturesOfTwoSamsAllVerify() throws Exception {
        SamFile[] files = {f.testSam("9999999999"), f.testSam("8888888888")};
        String[] sessions = {f.session(files[0], "PC-1"), f.session(files[1], "PC-1")};
        String[] types = {"VISIT_RAW", "PRESCRIPTION", "VISIT_PRINTABLE"};
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 36; i++) {
                int sam = i % 2;
                String type = types[(i / 2) % 3];
                byte[] data = ("visit " + i).getBytes(StandardCharsets.US_ASCII);
                results.add(pool.submit(() -> {
                    IdcHttp.Answer a = f.http.post("/v1/signatures", IdcFixture.json("type", type, "data",
                            Base64.getEncoder().encodeToString(data)), sessions[sam]);
                    return a.status() == 200 && files[sam].samId().equals(a.str("samId"))
                            && verify(files[sam].samId(), type, data, a.str("signature"));
                }));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void visitSignatureVerifiesOfflineWithThePublishedKey() throws Exception {
        SamFile file = f.testSam("8888888888");
        String session = f.session(file, "PC-1");
        byte[] sig = Base64.getDecoder().decode(f.http.post("/v1/signatures", IdcFixture.json("type", "VISIT_RAW",
                "data", Base64.getEncoder().encodeToString(DATA)), session).str("signature"));
        JsonObject keys = f.http.get("/v1/sams/" + file.samId() + "/keys").json();
        String spki = keys.getAsJsonObject("visitKey").get("spki").getAsString();
        Signature v = Signature.getInstance("SHA256withRSA");
        v.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(spki))));
        v.update(DATA);
        assertTrue(v.verify(sig));
    }

    @Test
    public void signingNeedsASession() throws Exception {
        IdcHttp.Answer a = f.http.post("/v1/signatures", IdcFixture.json("type", "VISIT_RAW", "data", "AA=="), "nope");
        assertEquals(401, a.status());
        assertEquals(4050, a.code());
    }

    @Test
    public void insuranceOutcomes() throws Exception {
        String session = f.session(f.testSam("9999999999"), "PC-1");
        assertEquals(0, check(session, "900000000100", null).get("code").getAsInt());
        assertEquals(5012, check(session, "900000000101", null).get("code").getAsInt());
        assertEquals(9084, check(session, "900000000103", null).get("code").getAsInt());
        assertEquals(9092, check(session, "900000000111", null).get("code").getAsInt());
        f.http.put("/admin/persons/900000000200", IdcFixture.json("idNumber", "A123456789", "status", "INSURED"));
        assertEquals(0, check(session, "900000000200", "A123456789").get("code").getAsInt());
        JsonObject mismatch = check(session, "900000000200", "B223456789");
        assertEquals(9093, mismatch.get("code").getAsInt());
        assertFalse(mismatch.get("insured").getAsBoolean());
        assertFalse("the register keeps digests only",
                f.http.get("/admin/persons").json().toString().contains("A123456789"));
    }

    @Test
    public void treatmentIdsAreUniqueAndEncodeHospitalAndTime() throws Exception {
        String session = f.session(f.testSam("9999999999"), "PC-1");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            IdcHttp.Answer a = f.http.post("/v1/treatment-ids", IdcFixture.json("visitDateTime", "1151122103000",
                    "cardNo", "900000000100", "sequenceNumber", "0001"), session);
            assertEquals(200, a.status());
            String id = a.str("treatmentId");
            assertEquals(20, id.length());
            assertTrue(ids.add(id));
            TreatmentIds.Decoded d = TreatmentIds.decode(id);
            assertEquals("9999999999", d.hospitalId());
            assertEquals(LocalDateTime.of(2026, 11, 22, 10, 30, 0), d.visit());
        }
        String one = ids.iterator().next();
        JsonObject v = f.http.post("/v1/treatment-ids/verify", IdcFixture.json("treatmentId", one), null).json();
        assertTrue(v.get("registered").getAsBoolean());
        String broken = one.substring(0, 19) + (one.charAt(19) == '0' ? '1' : '0');
        assertFalse(f.http.post("/v1/treatment-ids/verify", IdcFixture.json("treatmentId", broken), null).json()
                .get("wellFormed").getAsBoolean());
    }

    @Test
    public void offlineIdsAreReconciled() throws Exception {
        SamFile file = f.testSam("9999999999");
        LocalDateTime visit = LocalDateTime.of(2026, 11, 22, 9, 15, 7);
        String offline = TreatmentIds.offline(file.hospitalId(), file.samId(), file.authKey(), visit, "A123456789");
        String session = f.session(file, "PC-1");
        JsonArray items = new JsonArray();
        items.add(item(offline, TreatmentIds.rocDateTime(visit), "A123456789"));
        items.add(item(offline, TreatmentIds.rocDateTime(visit), "B223456789"));
        items.add(item(offline, TreatmentIds.rocDateTime(visit.plusSeconds(1)), "A123456789"));
        JsonObject body = new JsonObject();
        body.add("items", items);
        JsonArray results = f.http.post("/v1/treatment-ids/reconcile", body, session).json().getAsJsonArray("results");
        assertEquals("ACCEPTED", outcome(results, 0));
        assertNotEquals("ACCEPTED", outcome(results, 1));
        assertEquals("TIME_MISMATCH", outcome(results, 2));
        JsonArray again = f.http.post("/v1/treatment-ids/reconcile", body, session).json().getAsJsonArray("results");
        assertEquals("ALREADY_RECONCILED", outcome(again, 0));
        JsonObject v = f.http.post("/v1/treatment-ids/verify", IdcFixture.json("treatmentId", offline), null).json();
        assertTrue(v.get("reconciled").getAsBoolean());
        assertEquals("OFFLINE", v.get("source").getAsString());
    }

    @Test
    public void webApiRandomSignatureId() throws Exception {
        SamFile file = f.testSam("7777777777");
        String session = f.session(file, "PC-1");
        String random = f.http.get("/webapi/v1/random").str("sRandom");
        String sig = f.http.post("/v1/signatures", IdcFixture.json("type", "VISIT_PRINTABLE", "data",
                Base64.getEncoder().encodeToString(random.getBytes(StandardCharsets.US_ASCII))), session).str("text");
        JsonObject req = IdcFixture.json("sSamId", file.samId(), "sHospId", file.hospitalId(), "sClientRandom", random,
                "sSignature", sig, "sCardType", "3", "sTreatDT", "1151122103000");
        IdcHttp.Answer a = f.http.post("/webapi/v1/treatment-number", req, null);
        assertEquals("0000", a.str("RtnCode"));
        assertEquals("7777777777", TreatmentIds.decode(a.str("sTreatNum")).hospitalId());
        assertEquals("WEB_API", TreatmentIds.decode(a.str("sTreatNum")).source().name());
        assertEquals("a random is good once", "8203", f.http.post("/webapi/v1/treatment-number", req, null).str("RtnCode"));
        req.addProperty("sCardType", "1");
        assertEquals("5003", f.http.post("/webapi/v1/treatment-number", req, null).str("RtnCode"));
    }

    private JsonObject check(String session, String cardNo, String idNumber) throws Exception {
        IdcHttp.Answer a = f.http.post("/v1/insurance/check", IdcFixture.json("cardNo", cardNo, "idNumber", idNumber),
                session);
        assertEquals(200, a.status());
        return a.json();
    }

    private boolean verify(String samId, String type, byte[] data, String signature) throws Exception {
        return f.http.post("/v1/signatures/verify", IdcFixture.json("samId", samId, "type", type, "data",
                Base64.getEncoder().encodeToString(data), "signature", signature), null).json().get("valid").getAsBoolean();
    }

    private static JsonObject item(String id, String roc, String idNumber) {
        return IdcFixture.json("treatmentId", id, "visitDateTime", roc, "idNumber", idNumber);
    }

    private static String outcome(JsonArray results, int i) {
        return results.get(i).getAsJsonObject().get("outcome").getAsString();
    }
}
