// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.visits.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.idc.client.TreatmentIds;

/**
 * Manual 1.53/1.54/1.56: a treatment id the IDC answers reaches the HIS only when it is well formed and of the
 * SAM's hospital (idc-protocol §8); otherwise the call fails with 5174.
 */
public class IdcVisitsTreatmentIdTest {
    private static final String HOSPITAL = "9999999999";
    private static final LocalDateTime VISIT = LocalDateTime.of(2026, 11, 22, 10, 30, 5);

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void section1_53_aWellFormedIdOfTheSamsHospitalIsHandedOut() throws Exception {
        String good = TreatmentIds.encode(HOSPITAL, TreatmentIds.Source.ONLINE_CARD, VISIT, 1);
        assertEquals(good, issue(good));
    }

    @Test
    public void section1_53_aShortIdIsTheFailedTreatmentId() {
        String good = TreatmentIds.encode(HOSPITAL, TreatmentIds.Source.ONLINE_CARD, VISIT, 1);
        assertFailed(good.substring(0, 19));
        assertFailed(good + "0");
    }

    @Test
    public void section1_53_aWrongCheckCharacterIsTheFailedTreatmentId() {
        String good = TreatmentIds.encode(HOSPITAL, TreatmentIds.Source.ONLINE_CARD, VISIT, 1);
        char wrong = good.charAt(19) == 'A' ? 'B' : 'A';
        assertFailed(good.substring(0, 19) + wrong);
    }

    @Test
    public void section1_53_anIdOfAnotherHospitalIsTheFailedTreatmentId() {
        assertFailed(TreatmentIds.encode("3501200000", TreatmentIds.Source.ONLINE_CARD, VISIT, 1));
    }

    @Test
    public void section1_54_anIdWithoutALoadedSamIsTheFailedTreatmentId() throws Exception {
        String good = TreatmentIds.encode(HOSPITAL, TreatmentIds.Source.ONLINE_NO_CARD, VISIT, 1);
        IdcVisits visits = new IdcVisits(answering("{\"treatmentId\":\"" + good + "\"}", Optional.empty()),
                folder.getRoot().toPath().resolve("journal.jsonl"));
        NhiException e = assertThrows(NhiException.class,
                () -> visits.issueTreatmentId("1151122103005", Optional.empty(), null, "A123456789"));
        assertEquals(ResultCode.TREATMENT_ID_FAILED, e.result());
    }

    private void assertFailed(String answered) {
        NhiException e = assertThrows(NhiException.class, () -> issue(answered));
        assertEquals(answered, ResultCode.TREATMENT_ID_FAILED, e.result());
    }

    private String issue(String answered) throws Exception {
        Path journal = folder.getRoot().toPath().resolve("journal.jsonl");
        SamIdentity sam = new SamIdentity(HOSPITAL, "測試醫院", "測試", "901000000001");
        IdcVisits visits = new IdcVisits(answering("{\"treatmentId\":\"" + answered + "\"}",
                Optional.of(sam)), journal);
        return visits.issueTreatmentId("1151122103005", Optional.of("900000000001"), "0001", "A123456789");
    }

    /** A SAM of that identity whose IDC answers every call with one fixed body; nothing else is asked of it. */
    private static SamService answering(String answer, Optional<SamIdentity> identity) {
        return (SamService) Proxy.newProxyInstance(SamService.class.getClassLoader(),
                new Class<?>[] {SamService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "callIdc" -> answer;
                    case "identity" -> identity;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
