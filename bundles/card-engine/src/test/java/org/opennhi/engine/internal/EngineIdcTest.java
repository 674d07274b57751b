// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;

import com.google.gson.JsonObject;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.Visit;
import org.opennhi.engine.VisitRequest;
import org.opennhi.engine.testing.IdcVisitClient;
import org.opennhi.engine.testing.Expect;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.idc.IdcOptions;
import org.opennhi.sim.idc.IdcSimulator;
import org.opennhi.idc.client.TreatmentIds;

/** The engine with the IDC simulator: insurance checks, online treatment ids, offline ids and reconciliation. */
public class EngineIdcTest {
    private static IdcSimulator idc;
    private static IdcVisitClient client;

    @BeforeClass
    public static void startIdc() throws Exception {
        idc = IdcSimulator.start(IdcOptions.defaults(Files.createTempDirectory("idc")).withPort(0));
        client = new IdcVisitClient(idc, "7777777777");
    }

    @AfterClass
    public static void stopIdc() {
        if (idc != null) {
            idc.close();
        }
    }

    private static World world() {
        World w = new World();
        w.idc(client);
        return w;
    }

    @Test
    public void visitWithTreatmentIdOnline() throws Exception {
        try (World w = world()) {
            w.hc("900000000001");
            Visit v = w.engine.takeVisit(new VisitRequest("01", false, '1', VisitRequest.SignatureForm.PRINTABLE_256,
                    true), PinSource.none());
            String id = v.treatmentId().orElseThrow();
            assertEquals(20, id.length());
            JsonObject verified = client.verify(id);
            assertTrue(verified.toString(), verified.get("wellFormed").getAsBoolean());
            assertEquals("7777777777", verified.get("hospitalId").getAsString());
            assertEquals("ONLINE_CARD", verified.get("source").getAsString());
            assertEquals(v.visitDateTime(), verified.get("visitDateTime").getAsString());
            // 1.56: the id of a visit already on the card names that visit's date-time
            String again = w.engine.treatmentId(v.visitDateTime(), PinSource.none());
            assertEquals(v.visitDateTime(), TreatmentIds.rocDateTime(TreatmentIds.decode(again).visit()));
        }
    }

    /** 1.55: the insurance check on its own, before any number is taken; no visit is written. */
    @Test
    public void quickInsuranceCheckAnswersTheIdcsOutcomeAndTakesNoVisit() throws Exception {
        try (World w = world()) {
            w.hc("900000000001");
            byte[] lastBefore = w.engine.lastSequenceNumber(PinSource.none());
            w.engine.checkInsurance();
            assertEquals("no visit taken", new String(lastBefore),
                    new String(w.engine.lastSequenceNumber(PinSource.none())));
            for (String[] c : new String[][] {{"900000000003", "INSURANCE_NOT_INSURED"},
                    {"900000000017", "INSURANCE_SUSPENDED"}}) {
                w.hc(c[0]);
                try {
                    w.engine.checkInsurance();
                    fail(c[0] + " is not insured");
                } catch (NhiException e) {
                    assertEquals(ResultCode.valueOf(c[1]), e.result());
                }
            }
        }
    }

    @Test
    public void insuranceCheckForInpatientCategories() throws Exception {
        try (World w = world()) {
            w.hc("900000000003");
            expect(ResultCode.INSURANCE_NOT_INSURED, w, "05");
            w.hc("900000000017");
            expect(ResultCode.INSURANCE_SUSPENDED, w, "BA");
            w.hc("900000000001");
            assertEquals(4, w.engine.takeVisit(visit("05"), PinSource.none()).sequenceNumber().length());
            // outpatient visits need no check
            w.hc("900000000003");
            assertEquals(4, w.engine.takeVisit(visit("01"), PinSource.none()).sequenceNumber().length());
        }
    }

    private static VisitRequest visit(String category) {
        return new VisitRequest(category, false, '1', VisitRequest.SignatureForm.PRINTABLE_256, false);
    }

    private static void expect(ResultCode code, World w, String category) throws Exception {
        Expect.code(code, () -> w.engine.takeVisit(visit(category), PinSource.none()));
    }

    @Test
    public void offlineWhileTheIdcIsDownThenReconciled() throws Exception {
        try (World w = world()) {
            String idNumber = w.person("900000000001").idNumber();
            client.faults("[{\"pathPrefix\":\"/v1/treatment-ids/verify\"},"
                    + "{\"pathPrefix\":\"/v1/treatment-ids\",\"drop\":true}]");
            String answer;
            try {
                answer = w.engine.treatmentIdWithoutCard(idNumber, "7777777777");
            } finally {
                client.faults("[{\"pathPrefix\":\"/v1/treatment-ids/verify\"},"
                        + "{\"pathPrefix\":\"/v1/treatment-ids\",\"drop\":true}]");
            }
            assertEquals(43, answer.length());
            assertEquals("7777777777", answer.substring(13, 23));
            String id = answer.substring(23);
            assertEquals(TreatmentIds.Source.OFFLINE, TreatmentIds.decode(id).source());
            assertEquals(answer.substring(0, 13), TreatmentIds.rocDateTime(TreatmentIds.decode(id).visit()));
            assertEquals(1, w.engine.pendingOfflineTreatmentIds());
            try {
                w.engine.reconcileOfflineTreatmentIds();
                fail("the IDC is still down");
            } catch (NhiException e) {
                assertEquals(ResultCode.NETWORK_DOWN, e.result());
            }
            assertEquals(1, w.engine.pendingOfflineTreatmentIds());

            client.faults("[]");
            assertEquals(1, w.engine.reconcileOfflineTreatmentIds());
            assertEquals(0, w.engine.pendingOfflineTreatmentIds());
            JsonObject verified = client.verify(id);
            assertTrue(verified.toString(), verified.get("registered").getAsBoolean());
            assertTrue(verified.toString(), verified.get("reconciled").getAsBoolean());

            String online = w.engine.treatmentIdWithoutCard(idNumber, "7777777777").substring(23);
            assertEquals(TreatmentIds.Source.ONLINE_NO_CARD, TreatmentIds.decode(online).source());
            try {
                w.engine.treatmentIdWithoutCard(idNumber, "8888888888");
                fail("another institution's id");
            } catch (NhiException e) {
                assertEquals(ResultCode.BAD_PARAMETER, e.result());
            }
        } finally {
            client.faults("[]");
        }
    }
}
