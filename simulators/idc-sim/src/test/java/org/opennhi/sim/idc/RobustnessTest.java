// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import javax.net.ssl.SSLSocket;

import org.junit.Test;
import org.opennhi.sim.idc.internal.cli.IdcHttp;
import org.opennhi.idc.client.SamFile;

/** Bad input gets clear 4xx JSON answers, never a stack trace, and the server keeps running. */
public class RobustnessTest extends IdcTestBase {

    @Test
    public void malformedJsonIs400WithCode9002() throws Exception {
        for (String body : new String[] {"{bad", "[1,2]", "\"text\"", "{\"samId\":{}}", "\u0000\u0001"}) {
            IdcHttp.Answer a = f.http.postRaw("/v1/sam/auth/begin", "application/json", body.getBytes(StandardCharsets.UTF_8));
            assertEquals(body, 400, a.status());
            assertEquals(9002, a.code());
            assertClean(a);
        }
    }

    @Test
    public void oversizeBodyIs413() throws Exception {
        byte[] big = new byte[200_000];
        Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        IdcHttp.Answer a = f.http.postRaw("/v1/sam/auth/begin", "application/json", big);
        assertEquals(413, a.status());
        assertClean(a);
    }

    @Test
    public void unknownSamIs404With9013() throws Exception {
        IdcHttp.Answer a = f.http.post("/v1/sam/auth/begin", IdcFixture.json("samId", "901099999999", "machineId",
                "PC-1", "rndCard", "0102030405060708"), null);
        assertEquals(404, a.status());
        assertEquals(9013, a.code());
        assertClean(a);
    }

    @Test
    public void wrongShapesAndPlacesGetClearAnswers() throws Exception {
        assertEquals(400, f.http.post("/v1/sam/auth/begin", IdcFixture.json("samId", "x"), null).status());
        assertEquals(400, f.http.post("/v1/sam/auth/begin", IdcFixture.json("samId", "901000000001", "machineId",
                "PC 1 with spaces", "rndCard", "01"), null).status());
        assertEquals(415, f.http.postRaw("/v1/sam/auth/begin", "text/plain", "{}".getBytes()).status());
        assertEquals(404, f.http.get("/v1/nothing/here").status());
        assertEquals(405, f.http.get("/v1/sam/auth/begin").status());
        IdcHttp.Answer admin = new IdcHttp(f.idc.baseUri(), f.idc.clientTlsContext(), "wrong").get("/admin/sams");
        assertEquals(401, admin.status());
        assertClean(admin);
    }

    @Test
    public void garbageOnTheWireGetsJsonAndTheServerKeepsRunning() throws Exception {
        try (SSLSocket s = (SSLSocket) f.idc.clientTlsContext().getSocketFactory().createSocket("127.0.0.1", f.idc.port())) {
            OutputStream out = s.getOutputStream();
            out.write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(answer, answer.startsWith("HTTP/1.1 400"));
            assertFalse(answer, answer.contains("Exception"));
        }
        assertEquals(200, f.http.get("/v1/health").status());
    }

    @Test
    public void stateSurvivesARestart() throws Exception {
        SamFile file = f.testSam("9999999999");
        String session = f.session(file, "PC-1");
        String treatmentId = f.http.post("/v1/treatment-ids", IdcFixture.json("visitDateTime", "1151122103000"),
                session).str("treatmentId");
        String no = f.http.post("/portal/applications", IdcFixture.json("hospitalId", "7777777777"), null)
                .str("applicationNo");
        f.http.post("/admin/applications/" + no + "/review", null, null);
        f.http.put("/admin/persons/900000000300", IdcFixture.json("status", "SUSPENDED"));
        String serverRandom = f.http.post("/v1/uploads", IdcFixture.json("fileName", "visits.xml", "fileSize", 4,
                "recordCount", 1, "data", Base64.getEncoder().encodeToString("rec\n".getBytes())), session)
                .str("serverRandom");
        String ca = f.idc.caCertificate().getSerialNumber().toString();

        f.restart();

        assertEquals("same CA after a restart", ca, f.idc.caCertificate().getSerialNumber().toString());
        assertEquals("審核中", f.http.get("/portal/applications/" + no).str("stateLabel"));
        assertEquals("the session survives", 200, f.http.post("/v1/insurance/check",
                IdcFixture.json("cardNo", "900000000300"), session).status());
        assertEquals(9084, f.http.post("/v1/insurance/check", IdcFixture.json("cardNo", "900000000300"), session)
                .json().get("code").getAsInt());
        assertTrue(f.http.post("/v1/treatment-ids/verify", IdcFixture.json("treatmentId", treatmentId), null).json()
                .get("registered").getAsBoolean());
        assertEquals("the binding survives", 9202, f.authenticate(file, "PC-2").code());
        assertEquals(200, f.http.post("/v1/uploads/report", IdcFixture.json("serverRandom", serverRandom), session)
                .status());
        String next = f.http.post("/v1/treatment-ids", IdcFixture.json("visitDateTime", "1151122103000"), session)
                .str("treatmentId");
        assertFalse("ids stay unique across restarts", next.equals(treatmentId));
        assertTrue("the audit trail survives", f.http.get("/admin/audit?limit=500").json().getAsJsonArray("entries")
                .size() > 5);
    }

    private static void assertClean(IdcHttp.Answer a) {
        assertNotNull("a JSON error body", a.json());
        assertNotNull(a.json().get("message"));
        String text = a.json().toString();
        assertFalse(text, text.contains("Exception") || text.contains("\tat "));
    }
}
