// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamStatus;

/** SAM authentication (csVerifySAMDC) against the real IDC simulator on loopback, over real TLS. */
public class CloudSamIdcTest {
    /** Short bounds so "no answer" is decided quickly. */
    private static final Duration CONNECT = Duration.ofMillis(1_000);
    private static final Duration ANSWER = Duration.ofMillis(700);
    /** The longest csVerifySAMDC may take with these bounds: connect + answer for each of its two requests. */
    private static final long BOUND_MILLIS = 2 * (CONNECT.toMillis() + ANSWER.toMillis());

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private EmbeddedIdc idc;
    private final List<SamStatus> told = new CopyOnWriteArrayList<>();

    @Before
    public void startIdc() throws Exception {
        idc = new EmbeddedIdc(tmp.newFolder("idc").toPath());
    }

    @After
    public void stopIdc() {
        idc.close();
    }

    /** A PC: its own NHI home with the SAM folder and INI (so its own machine id). */
    private CloudSam pc(String name, Clock clock) throws Exception {
        Path home = tmp.newFolder(name).toPath();
        return new CloudSam(new CloudSamSettings(home.resolve("SAM/COMX1"), home.resolve("INI"), idc.baseUri(),
                idc.caFile(), CONNECT, ANSWER), clock, (status, detail) -> told.add(status));
    }

    private CloudSam pc(String name) throws Exception {
        return pc(name, Clock.systemUTC());
    }

    private CloudSam pcWithSam(String name, String hospitalId) throws Exception {
        CloudSam sam = pc(name);
        idc.testSam(hospitalId).writeTo(tmp.getRoot().toPath().resolve(name).resolve("SAM/COMX1"));
        assertEquals(SamStatus.NOT_AUTHENTICATED, sam.refresh());
        return sam;
    }

    private static ResultCode refusal(CloudSam sam) {
        return assertThrows(NhiException.class, () -> sam.authenticate((d, t, s) -> { })).result();
    }

    /** Runs csVerifySAMDC and waits for its end no longer than the bound (plus scheduling slack). */
    private static ResultCode boundedRefusal(CloudSam sam) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<ResultCode> call = CompletableFuture.supplyAsync(() -> refusal(sam));
        ResultCode code = call.get(BOUND_MILLIS + 2_000, TimeUnit.MILLISECONDS);
        System.out.printf("csVerifySAMDC answered %d in %d ms (bound %d ms)%n", code.code(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), BOUND_MILLIS);
        return code;
    }

    @Test
    public void withoutAFileTheStatusIsAbsent() throws Exception {
        CloudSam sam = pc("pc");
        assertEquals(SamStatus.ABSENT, sam.refresh());
        assertEquals(ResultCode.SAM_FOLDER_INVALID, refusal(sam));
        assertEquals(ResultCode.SAM_NOT_AUTHENTICATED, assertThrows(NhiException.class, sam::session).result());
    }

    @Test
    public void notAuthenticatedThenAuthenticated() throws Exception {
        CloudSam sam = pcWithSam("pc", "9999999999");
        assertEquals("9999999999", sam.identity().orElseThrow().hospitalId());
        assertEquals("before csVerifySAMDC card operations answer 4050", ResultCode.SAM_NOT_AUTHENTICATED,
                assertThrows(NhiException.class, sam::session).result());

        List<String> steps = new CopyOnWriteArrayList<>();
        sam.authenticate((done, total, step) -> steps.add(done + "/" + total + " " + step));

        assertEquals(SamStatus.AUTHENTICATED, sam.status());
        assertTrue(sam.session().expiresAt().isAfter(Instant.now()));
        assertEquals(List.of(SamStatus.NOT_AUTHENTICATED, SamStatus.AUTHENTICATED), told);
        assertEquals("0/4 Reading the SAM file", steps.get(0));
        assertEquals("4/4 Authenticated with the IDC", steps.get(steps.size() - 1));
    }

    @Test
    public void anEndedSessionCountsAsNotAuthenticated() throws Exception {
        Instant[] now = {Instant.now()};
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        CloudSam sam = pc("pc", clock);
        idc.testSam("9999999999").writeTo(tmp.getRoot().toPath().resolve("pc/SAM/COMX1"));
        sam.authenticate((d, t, s) -> { });
        now[0] = sam.session().expiresAt();
        assertEquals(SamStatus.NOT_AUTHENTICATED, sam.status());
        assertEquals(ResultCode.SAM_NOT_AUTHENTICATED, assertThrows(NhiException.class, sam::session).result());
        now[0] = Instant.now();
        sam.authenticate((d, t, s) -> { });
        assertEquals(SamStatus.AUTHENTICATED, sam.status());
    }

    @Test
    public void aFileUsedOnAnotherPcIs9202() throws Exception {
        EmbeddedIdc.SamBytes file = idc.testSam("8888888888");
        CloudSam first = pc("pc-a");
        CloudSam second = pc("pc-b");
        file.writeTo(tmp.getRoot().toPath().resolve("pc-a/SAM/COMX1"));
        file.writeTo(tmp.getRoot().toPath().resolve("pc-b/SAM/COMX1"));

        first.authenticate((d, t, s) -> { });
        assertEquals(ResultCode.SAM_FILE_BOUND_ELSEWHERE, refusal(second));
        assertEquals(SamStatus.NOT_AUTHENTICATED, second.status());
        first.authenticate((d, t, s) -> { });
        assertEquals("the first PC keeps working", SamStatus.AUTHENTICATED, first.status());
    }

    @Test
    public void idcDownIs4061WithinTheBoundThenRecovers() throws Exception {
        CloudSam sam = pcWithSam("pc", "9999999999");
        idc.stop();
        assertEquals(ResultCode.NETWORK_DOWN, boundedRefusal(sam));
        assertEquals(SamStatus.NOT_AUTHENTICATED, sam.status());

        idc.restart();
        sam.authenticate((d, t, s) -> { });
        assertEquals("recovers when the IDC is back", SamStatus.AUTHENTICATED, sam.status());
    }

    @Test
    public void aSilentIdcIs4061WithinTheBound() throws Exception {
        CloudSam sam = pcWithSam("pc", "9999999999");
        idc.faults("[{\"pathPrefix\":\"/v1/sam/auth\",\"latencyMs\":20000}]");
        assertEquals(ResultCode.NETWORK_DOWN, boundedRefusal(sam));
        idc.faults("[]");
        sam.authenticate((d, t, s) -> { });
        assertEquals(SamStatus.AUTHENTICATED, sam.status());
    }

    @Test
    public void aDroppedConnectionIs4061() throws Exception {
        CloudSam sam = pcWithSam("pc", "9999999999");
        idc.faults("[{\"pathPrefix\":\"/v1/sam/auth/complete\",\"drop\":true}]");
        assertEquals(ResultCode.NETWORK_DOWN, boundedRefusal(sam));
    }

    @Test
    public void anIdcOutOfServiceIs9004() throws Exception {
        CloudSam sam = pcWithSam("pc", "9999999999");
        idc.faults("[{\"pathPrefix\":\"/v1/sam/auth\",\"down\":true}]");
        assertEquals(ResultCode.IDC_UNAVAILABLE, refusal(sam));
    }

    @Test
    public void aRevokedSamIs4051() throws Exception {
        CloudSam sam = pcWithSam("pc", "7777777777");
        idc.revoke("7777777777");
        assertEquals(ResultCode.SAM_IDC_AUTH_FAILED, refusal(sam));
        assertEquals(SamStatus.NOT_AUTHENTICATED, sam.status());
    }

    @Test
    public void aCorruptFileIs9201AndNotASam() throws Exception {
        CloudSam sam = pc("pc");
        EmbeddedIdc.SamBytes file = idc.testSam("9999999999");
        byte[] content = file.content().clone();
        content[content.length - 10] ^= 0x01; // one bit of the signature
        new EmbeddedIdc.SamBytes(file.name(), content).writeTo(tmp.getRoot().toPath().resolve("pc/SAM/COMX1"));
        assertEquals(ResultCode.SAM_FILE_UNREADABLE, refusal(sam));
        assertEquals(SamStatus.NOT_A_SAM, sam.status());
        assertFalse(sam.identity().isPresent());
    }
}
