// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.contracts.idc.IdcVisitService;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.contracts.sam.SamStatus;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The IDC's visit services in the platform, with the cloud SAM of test institution 9999999999 and the IDC
 * simulator running in the framework: insurance outcomes, online ids the IDC knows, and offline ids made while
 * the IDC is down, kept on disk across a restart of the bundle, and reconciled when the IDC is back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IdcVisitsIT {
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    @Inject
    private BundleContext context;
    @Inject
    private SamService sam;
    @Inject
    private IdcVisitService visits;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private NhiHome home;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        return PlatformOptions.platform("opennhi.itest.sim.card", "opennhi.itest.sim.idc").toArray(new Option[0]);
    }

    @Test
    public void insuranceOnlineAndOfflineTreatmentIds() throws Exception {
        SimulatedIdc idc = new SimulatedIdc(context, configAdmin, Files.createTempDirectory("idc-visits-"));
        idc.installCloudSam(home, "9999999999");
        Await.until("the cloud SAM authenticated", () -> sam.status() == SamStatus.AUTHENTICATED);

        assertEquals(ResultCode.SUCCESS, visits.checkInsurance("900000000001", null));
        assertEquals(ResultCode.of(9083).orElseThrow(), visits.checkInsurance("900000000003", null));
        assertEquals(ResultCode.of(9084).orElseThrow(), visits.checkInsurance("900000000017", null));
        assertEquals(ResultCode.of(5012).orElseThrow(), visits.checkInsurance("900000000101", null));

        String roc = roc(LocalDateTime.now(TAIPEI));
        String online = visits.issueTreatmentId(roc, Optional.of("900000000001"), "0001", "A123456789");
        assertEquals(20, online.length());
        assertTrue(online, online.startsWith("9999999999"));
        JsonObject verify = new JsonObject();
        verify.addProperty("treatmentId", online);
        JsonObject checked = JsonParser.parseString(sam.callIdc("/v1/treatment-ids/verify", verify.toString()))
                .getAsJsonObject();
        assertTrue(checked.toString(), checked.get("registered").getAsBoolean());

        idc.stop();
        assertEquals("the engine falls back to 1.54 offline on this code", ResultCode.NETWORK_DOWN,
                assertThrows(NhiException.class, () -> visits.issueTreatmentId(roc, Optional.empty(), null,
                        "A123456789")).result());
        LocalDateTime visit = LocalDateTime.now(TAIPEI).withNano(0);
        String first = visits.offlineTreatmentId(visit, "A123456789");
        String second = visits.offlineTreatmentId(visit, "B223456789");
        assertNotEquals(first, second);
        assertEquals("the same patient in the same second gets the same id", first,
                visits.offlineTreatmentId(visit, "A123456789"));
        Path journal = home.iniFolder().resolve("offline-treatment-ids.jsonl");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)));
        assertEquals(2, Files.readAllLines(journal, StandardCharsets.UTF_8).size());

        Bundle bundle = Arrays.stream(context.getBundles())
                .filter(b -> "org.opennhi.idc.visits".equals(b.getSymbolicName())).findFirst().orElseThrow();
        bundle.stop();
        bundle.start();
        Await.until("the visit services are back", () -> context.getServiceReference(IdcVisitService.class) != null);
        IdcVisitService restarted = context.getService(context.getServiceReference(IdcVisitService.class));
        assertEquals("the pending ids survived the restart", first, restarted.offlineTreatmentId(visit, "A123456789"));
        assertEquals("the service counts what it journaled before the restart", 2, restarted.pendingOfflineIds());
        assertEquals(ResultCode.NETWORK_DOWN, assertThrows(NhiException.class, restarted::reconcilePending).result());
        assertEquals(2, restarted.pendingOfflineIds());

        idc.start();
        List<IdcVisitService.Reconciliation> results = restarted.reconcile(List.of(
                new IdcVisitService.OfflineTreatmentId(first, roc(visit), "A123456789"),
                new IdcVisitService.OfflineTreatmentId(second, roc(visit), "B223456789")));
        assertEquals(2, results.size());
        assertTrue(results.toString(), results.stream().allMatch(IdcVisitService.Reconciliation::accepted));
        assertEquals("nothing pending: the journal is compacted", 0, Files.readAllLines(journal).size());
        assertEquals(0, restarted.pendingOfflineIds());
        assertEquals(0, restarted.reconcilePending());
        verify.addProperty("treatmentId", first);
        JsonObject reconciled = JsonParser.parseString(sam.callIdc("/v1/treatment-ids/verify", verify.toString()))
                .getAsJsonObject();
        assertTrue(reconciled.toString(), reconciled.get("reconciled").getAsBoolean());
    }

    private static String roc(LocalDateTime t) {
        return String.format("%03d%02d%02d%02d%02d%02d", t.getYear() - 1911, t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());
    }
}
