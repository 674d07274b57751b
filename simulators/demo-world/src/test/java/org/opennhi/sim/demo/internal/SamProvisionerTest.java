// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.demo.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.sim.idc.IdcOptions;
import org.opennhi.sim.idc.IdcSimulator;
import org.opennhi.idc.client.SamFile;

/** Provisioning the demo's test cloud SAM from a real IDC simulator on loopback, through its portal. */
public class SamProvisionerTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private IdcSimulator idc;
    private Path samFolder;

    @Before
    public void start() throws Exception {
        idc = IdcSimulator.start(IdcOptions.defaults(tmp.newFolder("idc").toPath()).withForceWrites(false));
        samFolder = tmp.newFolder("home", "SAM", "COMX1").toPath();
    }

    @After
    public void stop() {
        idc.close();
    }

    private void assertSignedByThisIdc(Path file) throws java.io.IOException {
        assertTrue("signed by this IDC's CA", SamFile.parse(Files.readAllBytes(file)).verify(idc.caCertificate().getPublicKey()));
    }

    private SamProvisioner provisioner() {
        return new SamProvisioner(idc.baseUri(), idc.clientTlsContext(), idc.adminToken());
    }

    @Test
    public void downloadsTheTestInstitutionsSamIntoTheFolderOnceAndKeepsIt() throws Exception {
        List<String> steps = new ArrayList<>();
        Path file = provisioner().provision("7777777777", samFolder, Files.readAllBytes(idc.caFile()),
                (done, total, step) -> steps.add(step));
        assertTrue("<hospital id><test SAM id starting with 9>.SAM: " + file.getFileName(),
                file.getFileName().toString().matches("77777777779[0-9]{11}\\.SAM"));
        assertEquals(List.of(file), SamProvisioner.samFiles(samFolder));
        assertSignedByThisIdc(file);
        assertTrue(steps.toString(), steps.stream().anyMatch(s -> s.contains("downloading")));

        long before = Files.getLastModifiedTime(file).toMillis();
        steps.clear();
        Path again = provisioner().provision("7777777777", samFolder, Files.readAllBytes(idc.caFile()),
                (done, total, step) -> steps.add(step));
        assertEquals(file, again);
        assertEquals(before, Files.getLastModifiedTime(again).toMillis());
        assertFalse("nothing downloaded the second time", steps.stream().anyMatch(s -> s.contains("downloading")));
    }

    @Test
    public void replacesAFileAnEarlierIdcIssued() throws Exception {
        Path stale = samFolder.resolve("7777777777900077777777.SAM");
        Files.writeString(stale, "OPENNHI-SAM-FILE 1\nsigned by a CA that no longer exists\n");
        Files.writeString(samFolder.getParent().resolve(SamProvisioner.MARK), "0".repeat(64));
        Path file = provisioner().provision("7777777777", samFolder, Files.readAllBytes(idc.caFile()),
                (d, t, s) -> { });
        assertSignedByThisIdc(file);
    }

    @Test
    public void walksANewApplicationThroughReviewApprovalAndProduction() throws Exception {
        // a second SAM for the same institution: the lifecycle starts at 申請中
        Path other = tmp.newFolder("other", "SAM", "COMX1").toPath();
        provisioner().provision("8888888888", other, Files.readAllBytes(idc.caFile()), (d, t, s) -> { });
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().sslContext(idc.clientTlsContext()).build();
        String revoke = "/portal/applications/";
        String list = http.send(java.net.http.HttpRequest.newBuilder(idc.baseUri().resolve(
                "/portal/applications?hospitalId=8888888888")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String no = com.google.gson.JsonParser.parseString(list).getAsJsonObject().getAsJsonArray("applications")
                .get(0).getAsJsonObject().get("applicationNo").getAsString();
        assertEquals(200, http.send(java.net.http.HttpRequest.newBuilder(idc.baseUri().resolve(revoke + no + "/revoke"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());

        List<String> steps = new ArrayList<>();
        Path fresh = tmp.newFolder("fresh", "SAM", "COMX1").toPath();
        Path file = provisioner().provision("8888888888", fresh, Files.readAllBytes(idc.caFile()),
                (d, t, s) -> steps.add(s));
        assertSignedByThisIdc(file);
        String all = String.join(" | ", steps);
        assertTrue(all, all.contains("applying"));
        assertTrue(all, all.contains("申請中"));
        assertTrue(all, all.contains("審核中"));
        assertTrue(all, all.contains("待產製"));
    }
}
