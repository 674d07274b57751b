// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SignatureType;

/** Signatures through the IDC session, checked by the real IDC simulator's verification route. */
public class CloudSamSignTest {
    private static final byte[] VISIT = "1151122103000000199999999999000000000019010000000003"
            .getBytes(StandardCharsets.US_ASCII);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private EmbeddedIdc idc;
    private CloudSam sam;

    @Before
    public void setUp() throws Exception {
        idc = new EmbeddedIdc(tmp.newFolder("idc").toPath());
        Path home = tmp.newFolder("pc").toPath();
        sam = new CloudSam(new CloudSamSettings(home.resolve("SAM/COMX1"), home.resolve("INI"), idc.baseUri(),
                idc.caFile(), Duration.ofSeconds(2), Duration.ofSeconds(5)), Clock.systemUTC(), (s, d) -> { });
        idc.testSam("9999999999").writeTo(home.resolve("SAM/COMX1"));
        sam.refresh();
    }

    @After
    public void tearDown() {
        idc.close();
    }

    private String samId() {
        return sam.identity().orElseThrow().samId();
    }

    @Test
    public void signingBeforeCsVerifySamDcAuthenticatesByItself() throws Exception {
        assertEquals(SamStatus.NOT_AUTHENTICATED, sam.status());
        assertEquals(128, sam.sign(SignatureType.VISIT_RAW, VISIT).length);
        assertEquals(SamStatus.AUTHENTICATED, sam.status());
    }

    @Test
    public void withTheIdcDownSigningBeforeAuthenticationIs4061() {
        idc.stop();
        assertEquals(ResultCode.NETWORK_DOWN,
                assertThrows(NhiException.class, () -> sam.sign(SignatureType.VISIT_RAW, VISIT)).result());
        assertEquals(SamStatus.NOT_AUTHENTICATED, sam.status());
    }

    @Test
    public void everyTypeHasItsLengthAndVerifies() throws Exception {
        sam.authenticate((d, t, s) -> { });
        for (SignatureType type : new SignatureType[] {SignatureType.VISIT_RAW, SignatureType.PRESCRIPTION}) {
            byte[] signature = sam.sign(type, VISIT);
            assertEquals(type + " length", type.length(), signature.length);
            assertTrue(type + " verifies at the IDC", idc.verify(samId(), type.name(), VISIT, signature));
        }
        byte[] printable = sam.sign(SignatureType.VISIT_PRINTABLE, VISIT);
        assertEquals(256, printable.length);
        assertTrue("upper-case hex", new String(printable, StandardCharsets.US_ASCII).matches("[0-9A-F]{256}"));
    }

    @Test
    public void aSessionTheIdcEndedIsRenewedOnce() throws Exception {
        sam.authenticate((d, t, s) -> { });
        idc.advanceClock(25 * 60); // the IDC's 24-hour session is over; our clock does not know it
        assertEquals(SamStatus.AUTHENTICATED, sam.status());
        byte[] signature = sam.sign(SignatureType.VISIT_RAW, VISIT);
        assertTrue(idc.verify(samId(), "VISIT_RAW", VISIT, signature));
    }

    @Test
    public void idcOutOfServiceIs9004AndDroppedIs4061() throws Exception {
        sam.authenticate((d, t, s) -> { });
        idc.faults("[{\"pathPrefix\":\"/v1/signatures\",\"down\":true}]");
        assertEquals(ResultCode.IDC_UNAVAILABLE,
                assertThrows(NhiException.class, () -> sam.sign(SignatureType.VISIT_RAW, VISIT)).result());
        idc.faults("[{\"pathPrefix\":\"/v1/signatures\",\"drop\":true}]");
        assertEquals(ResultCode.NETWORK_DOWN,
                assertThrows(NhiException.class, () -> sam.sign(SignatureType.VISIT_RAW, VISIT)).result());
    }
}
