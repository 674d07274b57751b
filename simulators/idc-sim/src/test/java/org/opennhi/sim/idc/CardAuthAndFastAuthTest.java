// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.Test;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.idc.internal.cli.IdcHttp;

/**
 * Card authentication for cloud SAMs against card-sim's virtual cards (real APDUs), and HPC fast auth on the
 * simulated clock.
 */
public class CardAuthAndFastAuthTest extends IdcTestBase {
    private static final String HC_AID = "D1580000010000000000000000001100";
    private static final String HPC_AID = "D1580000010000000000000000003100";
    private static final String SAM_AID = "D1580000010000000000000000002100";

    @Test
    public void physicalSamCardAuthenticatesAndItsSignaturesVerify() throws Exception {
        HexFormat hex = HexFormat.of();
        VirtualCard sam = cards().card("900099999999");
        ok(sam.transmit(hex.parseHex("00A4040010" + SAM_AID)));
        byte[] challenge = ok(sam.transmit(hex.parseHex("0084000008")));
        IdcHttp.Answer begin = f.http.post("/v1/sam/auth/begin", IdcFixture.json("samId", sam.number(), "hospitalId",
                "9999999999", "machineId", "PC-DEDICATED", "rndCard", hex.formatHex(challenge)), null);
        assertEquals(200, begin.status());
        byte[] cc = ok(sam.transmit(hex.parseHex("8082000018" + begin.str("hostData") + "10")));
        IdcHttp.Answer done = f.http.post("/v1/sam/auth/complete", IdcFixture.json("authId", begin.str("authId"),
                "cardCryptogram", hex.formatHex(cc)), null);
        assertEquals(200, done.status());

        byte[] data = "1151122103000000199999999999".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] sig = ok(sam.transmit(hex.parseHex("802A0028" + String.format("%02X", data.length)
                + hex.formatHex(data) + "00")));
        assertEquals(40, sig.length);
        assertEquals(Boolean.TRUE, f.http.post("/v1/signatures/verify", IdcFixture.json("samId", sam.number(), "type",
                "PRESCRIPTION", "data", java.util.Base64.getEncoder().encodeToString(data), "signature",
                java.util.Base64.getEncoder().encodeToString(sig)), null).json().get("valid").getAsBoolean());
    }

    @Test
    public void idcAuthenticatesAVirtualHealthCard() throws Exception {
        String session = f.session(f.testSam("9999999999"), "PC-1");
        VirtualCard hc = cards().card("900000000001");
        IdcHttp.Answer done = authenticate(session, hc, "HC", HC_AID);
        assertEquals(200, done.status());
        assertEquals(32, done.str("sessionKey").length());
    }

    @Test
    public void wrongCryptogramIsRefusedWith9211() throws Exception {
        String session = f.session(f.testSam("9999999999"), "PC-1");
        IdcHttp.Answer begin = f.http.post("/v1/cards/auth/begin", IdcFixture.json("kind", "HC", "cardNo",
                "900000000001", "rndCard", "0102030405060708"), session);
        IdcHttp.Answer done = f.http.post("/v1/cards/auth/complete", IdcFixture.json("authId", begin.str("authId"),
                "cardCryptogram", "00000000000000000000000000000000"), session);
        assertEquals(401, done.status());
        assertEquals(9211, done.code());
    }

    @Test
    public void testSamNeverAuthenticatesAProductionCard() throws Exception {
        String session = f.session(f.testSam("9999999999"), "PC-1");
        IdcHttp.Answer a = f.http.post("/v1/cards/auth/begin", IdcFixture.json("kind", "HC", "cardNo", "000000000101",
                "rndCard", "0102030405060708"), session);
        assertEquals(409, a.status());
        assertEquals(9203, a.code());
    }

    @Test
    public void fastAuthLastsEightHoursAndTheNewestLoginWins() throws Exception {
        String session = f.session(f.testSam("9999999999"), "PC-1");
        VirtualCard hpc = cards().card("900000001001");
        assertEquals(200, authenticate(session, hpc, "HPC", HPC_AID).status());
        IdcHttp.Answer token = f.http.post("/v1/hpc/fast-auth", IdcFixture.json("hpcCardNo", "900000001001",
                "pinVerified", true), session);
        assertEquals(200, token.status());
        String t = token.str("token");

        f.clock.advance(Duration.ofHours(7).plusMinutes(59));
        assertEquals(200, check(session, t).status());
        f.clock.advance(Duration.ofMinutes(1));
        IdcHttp.Answer expired = check(session, t);
        assertEquals(401, expired.status());
        assertEquals(9251, expired.code());
    }

    @Test
    public void sameHpcOnAnotherPcSupersedesTheOldToken() throws Exception {
        String pc1 = f.session(f.testSam("9999999999"), "PC-1");
        String pc2 = f.session(f.testSam("8888888888"), "PC-2");
        VirtualCard hpc = cards().card("900000001001");
        authenticate(pc1, hpc, "HPC", HPC_AID);
        String first = f.http.post("/v1/hpc/fast-auth", IdcFixture.json("hpcCardNo", "900000001001", "pinVerified",
                true), pc1).str("token");
        authenticate(pc2, hpc, "HPC", HPC_AID);
        String second = f.http.post("/v1/hpc/fast-auth", IdcFixture.json("hpcCardNo", "900000001001", "pinVerified",
                true), pc2).str("token");
        assertEquals(9267, check(pc1, first).code());
        assertEquals(200, check(pc2, second).status());
    }

    @Test
    public void fastAuthNeedsAnAuthenticatedHpcAndAVerifiedPin() throws Exception {
        String session = f.session(f.testSam("9999999999"), "PC-1");
        assertEquals(9221, f.http.post("/v1/hpc/fast-auth", IdcFixture.json("hpcCardNo", "900000001001",
                "pinVerified", true), session).code());
        assertEquals(4042, f.http.post("/v1/hpc/fast-auth", IdcFixture.json("hpcCardNo", "900000001001",
                "pinVerified", false), session).code());
    }

    private IdcHttp.Answer check(String session, String token) throws Exception {
        return f.http.post("/v1/hpc/fast-auth/check", IdcFixture.json("token", token), session);
    }

    private SimulatedCards cards() throws Exception {
        return SimulatedCards.open(Files.createTempDirectory("cards"), f.clock);
    }

    /** The engine's relay: card challenge → IDC → card → IDC. */
    private IdcHttp.Answer authenticate(String session, VirtualCard card, String kind, String aid) throws Exception {
        HexFormat hex = HexFormat.of();
        ok(card.transmit(hex.parseHex("00A4040010" + aid)));
        byte[] challenge = ok(card.transmit(hex.parseHex("0084000008")));
        IdcHttp.Answer begin = f.http.post("/v1/cards/auth/begin", IdcFixture.json("kind", kind, "cardNo",
                card.number(), "rndCard", hex.formatHex(challenge)), session);
        assertEquals(200, begin.status());
        byte[] cc = ok(card.transmit(hex.parseHex("8082000018" + begin.str("hostData") + "10")));
        return f.http.post("/v1/cards/auth/complete", IdcFixture.json("authId", begin.str("authId"),
                "cardCryptogram", hex.formatHex(cc)), session);
    }

    private static byte[] ok(byte[] response) {
        int n = response.length;
        assertArrayEquals("card answered " + HexFormat.of().formatHex(response), new byte[] {(byte) 0x90, 0},
                Arrays.copyOfRange(response, n - 2, n));
        return Arrays.copyOf(response, n - 2);
    }
}
