// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.Test;
import org.opennhi.sim.idc.internal.cli.IdcHttp;
import org.opennhi.idc.client.SamFile;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The cloud-SAM issuance lifecycle end to end, over real HTTPS, with the simulated clock. */
public class LifecycleEndToEndTest extends IdcTestBase {
    @Test
    public void applyReviewProduceOnTheHourDownloadAuthenticateRevokeRefused() throws Exception {
        IdcHttp http = f.http;
        assertEquals(200, http.post("/admin/institutions", IdcFixture.json("hospitalId", "3501209999",
                "name", "臺北虛擬診所", "shortName", "臺北虛擬"), null).status());

        IdcHttp.Answer applied = http.post("/portal/applications", IdcFixture.json("hospitalId", "3501209999",
                "contact", "張O玲"), null);
        assertEquals(200, applied.status());
        String no = applied.str("applicationNo");
        assertEquals("application numbers carry V as 5th character", 'V', no.charAt(4));
        assertEquals("申請中", applied.str("stateLabel"));

        assertEquals("審核中", http.post("/admin/applications/" + no + "/review", null, null).str("stateLabel"));
        assertEquals("待產製", http.post("/admin/applications/" + no + "/approve", null, null).str("stateLabel"));
        assertEquals("no file before the hour", 409, http.get("/portal/applications/" + no + "/download").status());

        // 10:30 → 10:59: still waiting; 11:00: produced.
        f.clock.advance(Duration.ofMinutes(29));
        assertEquals(0, f.idc.runHourIfDue());
        assertEquals("待產製", http.get("/portal/applications/" + no).str("stateLabel"));
        f.clock.advance(Duration.ofMinutes(1));
        assertTrue(f.idc.runHourIfDue() >= 1);
        IdcHttp.Answer ready = http.get("/portal/applications/" + no);
        assertEquals("可下載", ready.str("stateLabel"));
        String samId = ready.str("samId");
        assertTrue("production SAM ids start with 0", samId.startsWith("0"));

        SamFile file = f.download(no);
        assertEquals("3501209999" + samId + ".SAM", file.fileName());
        assertTrue("signed by the IDC's CA", file.verify(f.idc.caCertificate().getPublicKey()));
        assertEquals("臺北虛擬診所", file.hospitalName());

        String session = f.session(file, "PC-01");
        IdcHttp.Answer sig = http.post("/v1/signatures", IdcFixture.json("type", "VISIT_RAW", "data",
                Base64.getEncoder().encodeToString("visit".getBytes())), session);
        assertEquals(200, sig.status());
        assertEquals(128, Base64.getDecoder().decode(sig.str("signature")).length);

        assertEquals("註銷中", http.post("/portal/applications/" + no + "/revoke", null, null).str("stateLabel"));
        assertEquals("still works until the hour", 200, f.authenticate(file, "PC-01").status());
        f.clock.advance(Duration.ofHours(1));
        f.idc.runHourIfDue();
        assertEquals("已註銷", http.get("/portal/applications/" + no).str("stateLabel"));

        IdcHttp.Answer refused = f.authenticate(file, "PC-01");
        assertEquals(403, refused.status());
        assertEquals(9014, refused.code());
        assertEquals("a revoked SAM's session stops working", 403, http.post("/v1/signatures",
                IdcFixture.json("type", "VISIT_RAW", "data", "AA=="), session).status());

        List<String> labels = new ArrayList<>();
        for (JsonElement step : http.get("/portal/applications/" + no).json().getAsJsonArray("history")) {
            labels.add(step.getAsJsonObject().get("label").getAsString());
        }
        assertEquals(List.of("申請中", "審核中", "待產製", "可下載", "註銷中", "已註銷"), labels);
    }

    @Test
    public void rejectedApplicationStaysRejected() throws Exception {
        IdcHttp http = f.http;
        String no = http.post("/portal/applications", IdcFixture.json("hospitalId", "9999999999"), null)
                .str("applicationNo");
        http.post("/admin/applications/" + no + "/review", null, null);
        assertEquals("未通過", http.post("/admin/applications/" + no + "/reject",
                IdcFixture.json("reason", "資料不全"), null).str("stateLabel"));
        assertEquals(409, http.post("/admin/applications/" + no + "/approve", null, null).status());
        f.clock.advance(Duration.ofHours(3));
        f.idc.runHourIfDue();
        JsonObject app = http.get("/portal/applications/" + no).json();
        assertEquals("未通過", app.get("stateLabel").getAsString());
        assertTrue(app.get("samId") == null || app.get("samId").isJsonNull());
    }

    @Test
    public void newContractGetsOneSamAutomaticallyOnTheNextHour() throws Exception {
        IdcHttp.Answer contract = f.http.post("/admin/institutions", IdcFixture.json("hospitalId", "1234567890",
                "name", "新特約診所"), null);
        assertEquals("待產製", contract.str("stateLabel"));
        f.clock.advance(Duration.ofMinutes(30));
        f.idc.runHourIfDue();
        assertEquals("可下載", f.http.get("/portal/applications/" + contract.str("applicationNo")).str("stateLabel"));
    }

    @Test
    public void testInstitutionsHaveTestSams() throws Exception {
        for (String hosp : List.of("7777777777", "8888888888", "9999999999")) {
            SamFile file = f.testSam(hosp);
            assertTrue(file.samId().startsWith("9"));
            assertEquals(hosp, file.hospitalId());
        }
    }
}
