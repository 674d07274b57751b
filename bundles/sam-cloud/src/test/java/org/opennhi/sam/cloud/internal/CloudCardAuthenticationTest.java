// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.card.crypto.CardApplets;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SecureChannel;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.VirtualCardSession;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Card authentication through the cloud SAM against the real IDC simulator and real virtual cards
 * (idc-protocol §5): the card accepts the channel's protected writes, the SAM authenticates by itself on the
 * first card call, and failures carry the documented codes.
 */
public class CloudCardAuthenticationTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String TEST_HC = "900000000001";
    private static final String TEST_HPC = "900000001001";
    private static final String PRODUCTION_HC = "000000000101";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private EmbeddedIdc idc;
    private SimulatedCards cards;
    private CloudSamPlugin plugin;

    @Before
    public void setUp() throws Exception {
        idc = new EmbeddedIdc(tmp.newFolder("idc").toPath());
        cards = SimulatedCards.open(tmp.newFolder("cards").toPath());
        Path root = tmp.newFolder("NHI").toPath();
        Files.createDirectories(root.resolve("INI"));
        Files.copy(idc.caFile(), root.resolve("INI").resolve(CloudSamPlugin.DEFAULT_CA_FILE));
        idc.testSam("9999999999").writeTo(root.resolve("SAM/COMX1"));
        plugin = new CloudSamPlugin(CloudSamPluginTest.home(root),
                CloudSamPluginTest.config(idc.baseUri().toString(), false));
    }

    @After
    public void tearDown() {
        plugin.deactivate();
        idc.close();
    }

    private VirtualCardSession session(Slot slot, String number) throws Exception {
        return new VirtualCardSession(slot, cards.card(number));
    }

    @Test
    public void theFirstCardCallAuthenticatesTheSamAndTheCardTakesProtectedWrites() throws Exception {
        CloudSamPluginTest.await(() -> plugin.status() == SamStatus.NOT_AUTHENTICATED, "the file seen, status 1");
        VirtualCardSession hc = session(Slot.HC, TEST_HC);

        SecureChannel channel = authenticate(hc);

        assertEquals(SamStatus.AUTHENTICATED, plugin.status());
        assertEquals(TEST_HC, channel.cardNumber());
        byte[] phone = "0227065866    ".getBytes(StandardCharsets.US_ASCII);
        byte[] put = concat(HEX.parseHex("80DA11001003" + "00"), phone);
        ResponseApdu written = hc.transmit(channel.protect(put));
        assertEquals(String.format("%04X", written.sw()), 0x9000, written.sw());
        ResponseApdu read = hc.transmit(HEX.parseHex("00CA1100020300"));
        assertArrayEquals(phone, Arrays.copyOf(read.data(), phone.length));
        ResponseApdu second = hc.transmit(channel.protect(put));
        assertEquals("the MAC counter moves on with each write", 0x9000, second.sw());
    }

    @Test
    public void anHpcAuthenticatesAfterItsApplicationWasSelectedByTheCaller() throws Exception {
        plugin.authenticateWithIdc(null);
        VirtualCardSession hpc = session(Slot.HPC, TEST_HPC);
        String number = CardApplets.identify(hpc).cardNumber();
        int before = hpc.commands().size();

        SecureChannel channel = plugin.authenticateCard(hpc, number);

        assertEquals(TEST_HPC, channel.cardNumber());
        assertEquals("GET CHALLENGE and MUTUAL AUTHENTICATE only", 2, hpc.commands().size() - before);
    }

    @Test
    public void theIdcRefusesAMixBeforeTheCardCountsAFailure() throws Exception {
        plugin.authenticateWithIdc(null);
        VirtualCardSession hc = session(Slot.HC, PRODUCTION_HC);
        NhiException e = assertThrows(NhiException.class, () -> authenticate(hc));
        assertEquals(ResultCode.TEST_PRODUCTION_MIX, e.result());
        assertTrue(cards.show(PRODUCTION_HC), cards.show(PRODUCTION_HC).contains("failed authentications: 0"));
        for (byte[] c : hc.commands()) {
            assertTrue("no MUTUAL AUTHENTICATE reached the card", (c[1] & 0xFF) != 0x82);
        }
    }

    @Test
    public void aWrongCardNumberIsRefusedByTheCardWithTheCloudSamCode() throws Exception {
        plugin.authenticateWithIdc(null);
        VirtualCardSession hc = session(Slot.HC, TEST_HC);
        CardApplets.identify(hc);
        // the IDC derives the key of another card: the card refuses the IDC's cryptogram and counts it
        NhiException e = assertThrows(NhiException.class, () -> plugin.authenticateCard(hc, "900000000002"));
        assertEquals(ResultCode.HC_CLOUD_SAM_AUTH_FAILED, e.result());
        assertTrue(e.getMessage(), e.getMessage().contains("2 tries left"));
    }

    @Test
    public void theEngineReachesTheIdcThroughTheSamSession() throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("type", "VISIT_RAW");
        body.addProperty("data", Base64.getEncoder().encodeToString("visit".getBytes(StandardCharsets.US_ASCII)));
        JsonObject answer = JsonParser.parseString(plugin.callIdc("/v1/signatures", body.toString()))
                .getAsJsonObject();
        assertEquals("authenticated by itself for the call", SamStatus.AUTHENTICATED, plugin.status());
        assertEquals(128, Base64.getDecoder().decode(answer.get("signature").getAsString()).length);

        body.addProperty("type", "NO_SUCH_TYPE");
        NhiException refused = assertThrows(NhiException.class,
                () -> plugin.callIdc("/v1/signatures", body.toString()));
        assertTrue(refused.getMessage(), refused.getMessage().contains("IDC answered 400"));
        assertEquals(ResultCode.BAD_PARAMETER, assertThrows(NhiException.class,
                () -> plugin.callIdc("/v1/signatures", "[not json")).result());
        assertEquals(ResultCode.BAD_PARAMETER, assertThrows(NhiException.class,
                () -> plugin.callIdc("https://elsewhere/", "{}")).result());
    }

    @Test
    public void cardAuthenticationWithTheIdcDownIs4061() throws Exception {
        plugin.authenticateWithIdc(null);
        idc.stop();
        VirtualCardSession hc = session(Slot.HC, TEST_HC);
        assertEquals(ResultCode.NETWORK_DOWN,
                assertThrows(NhiException.class, () -> authenticate(hc)).result());
        idc.restart();
        assertEquals(TEST_HC, authenticate(session(Slot.HC, TEST_HC)).cardNumber());
    }

    /** As the SAM service calls the plugin: the card selected and its number read first. */
    private SecureChannel authenticate(VirtualCardSession card) throws NhiException {
        return plugin.authenticateCard(card, CardApplets.identify(card).cardNumber());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
