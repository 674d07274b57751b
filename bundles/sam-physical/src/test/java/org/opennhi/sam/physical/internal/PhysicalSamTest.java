// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.physical.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.card.crypto.CardApplets;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SecureChannel;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.sim.card.InJvmReaders;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.idc.IdcOptions;
import org.opennhi.sim.idc.IdcSimulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The physical SAM on real virtual cards (SAM, HC, HPC) and the real IDC simulator on loopback: the SAM card
 * answers the IDC itself, authenticates cards, MACs their writes and signs.
 */
public class PhysicalSamTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String TEST_SAM = "900099999999";
    private static final String TEST_HC = "900000000001";
    private static final String TEST_HPC = "900000001001";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private IdcSimulator idc;
    private int idcPort;
    private Path idcData;
    private SimulatedCards cards;
    private final InJvmReaders readers = new InJvmReaders();
    private final List<SamStatus> told = new CopyOnWriteArrayList<>();
    private PhysicalSam sam;

    @Before
    public void setUp() throws Exception {
        idcData = tmp.newFolder("idc").toPath();
        idc = IdcSimulator.start(IdcOptions.defaults(idcData).withPort(0).withForceWrites(false));
        idcPort = idc.port();
        cards = SimulatedCards.open(tmp.newFolder("cards").toPath());
        sam = new PhysicalSam(readers, settings(2_000), Clock.systemUTC(), (status, why) -> told.add(status));
    }

    @After
    public void tearDown() {
        idc.close();
    }

    private PhysicalSamSettings settings(long answerMillis) throws Exception {
        return new PhysicalSamSettings(tmp.getRoot().toPath().resolve("INI"), idc.baseUri(), idc.caFile(),
                Duration.ofMillis(1_000), Duration.ofMillis(answerMillis), Duration.ofSeconds(2));
    }

    private CardSession open(Slot slot) throws NhiException {
        return readers.openSession(slot, Duration.ofSeconds(1));
    }

    @Test
    public void withoutACardTheStatusIs0AndAuthenticationSays4012() {
        assertEquals(SamStatus.ABSENT, sam.refresh());
        assertEquals(ResultCode.SAM_NOT_PRESENT,
                assertThrows(NhiException.class, () -> sam.authenticate((d, t, s) -> { })).result());
    }

    @Test
    public void aSamCardIsReadThenAuthenticatedWithTheIdc() throws Exception {
        readers.insert(Slot.SAM, cards.card(TEST_SAM));
        assertEquals(SamStatus.NOT_AUTHENTICATED, sam.refresh());
        assertEquals("9999999999", sam.identity().orElseThrow().hospitalId());
        assertEquals("健保測試藥局丙", sam.identity().orElseThrow().hospitalName());
        assertEquals(TEST_SAM, sam.identity().orElseThrow().samId());

        List<String> steps = new ArrayList<>();
        sam.authenticate((done, total, step) -> steps.add(done + "/" + total + " " + step));

        assertEquals(SamStatus.AUTHENTICATED, sam.status());
        assertEquals(List.of(SamStatus.NOT_AUTHENTICATED, SamStatus.AUTHENTICATED), told);
        assertEquals("4/4 Authenticated with the IDC", steps.get(steps.size() - 1));
    }

    @Test
    public void aSamCardTheReaderHoldsCountsBeforeItsInsertionEventArrives() throws Exception {
        // no refresh and no event: as right after start, when the reader shows the card before the plugin heard of it
        readers.insert(Slot.SAM, cards.card(TEST_SAM));
        assertEquals(SamStatus.NOT_AUTHENTICATED, sam.status());
        assertEquals(TEST_SAM, sam.identity().orElseThrow().samId());
        readers.remove(Slot.SAM);
        assertEquals("a card gone is noticed at the next look", SamStatus.ABSENT, sam.refresh());
        assertEquals(SamStatus.ABSENT, sam.status());
    }

    @Test
    public void notASamCardIsStatus9() throws Exception {
        readers.insert(Slot.SAM, cards.card(TEST_HC));
        assertEquals(SamStatus.NOT_A_SAM, sam.refresh());
        assertEquals(ResultCode.NOT_A_SAM, assertThrows(NhiException.class,
                () -> sam.authenticate((d, t, s) -> { })).result());
    }

    @Test
    public void theFirstCardCallAuthenticatesAndTheHcTakesWritesTheSamCardProtects() throws Exception {
        readers.insert(Slot.SAM, cards.card(TEST_SAM));
        readers.insert(Slot.HC, cards.card(TEST_HC));
        try (CardSession hc = open(Slot.HC)) {
            String number = CardApplets.identify(hc).cardNumber();
            SecureChannel channel = sam.authenticateCard(hc, number);
            assertEquals(SamStatus.AUTHENTICATED, sam.status());

            byte[] phone = "0912345678    ".getBytes(StandardCharsets.US_ASCII);
            byte[] put = concat(HEX.parseHex("80DA1100100300"), phone);
            assertEquals(0x9000, hc.transmit(channel.protect(put)).sw());
            assertEquals(0x9000, hc.transmit(channel.protect(put)).sw());
            ResponseApdu read = hc.transmit(HEX.parseHex("00CA1100020300"));
            assertArrayEquals(phone, Arrays.copyOf(read.data(), phone.length));
        }
    }

    @Test
    public void hcAndHpcHoldSeparateChannelsAndARemovedSamDropsThem() throws Exception {
        readers.insert(Slot.SAM, cards.card(TEST_SAM));
        readers.insert(Slot.HC, cards.card(TEST_HC));
        readers.insert(Slot.HPC, cards.card(TEST_HPC));
        try (CardSession hc = open(Slot.HC); CardSession hpc = open(Slot.HPC)) {
            SecureChannel hcChannel = sam.authenticateCard(hc, CardApplets.identify(hc).cardNumber());
            SecureChannel hpcChannel = sam.authenticateCard(hpc, CardApplets.identify(hpc).cardNumber());
            byte[] put = concat(HEX.parseHex("80DA1100100300"), "0800000000    ".getBytes(StandardCharsets.US_ASCII));
            assertEquals("the HPC's authentication left the HC's channel alone", 0x9000,
                    hc.transmit(hcChannel.protect(put)).sw());
            assertEquals(TEST_HPC, hpcChannel.cardNumber());

            readers.remove(Slot.SAM);
            sam.cardLeft("removed");
            assertEquals(SamStatus.ABSENT, sam.status());
            readers.insert(Slot.SAM, cards.card(TEST_SAM));
            assertEquals(SamStatus.NOT_AUTHENTICATED, sam.refresh());
            assertEquals("a re-inserted SAM no longer holds the card", ResultCode.HC_INTERNAL_AUTH_FAILED,
                    assertThrows(NhiException.class, () -> hcChannel.protect(put)).result());
        }
    }

    @Test
    public void theSamCardSignsAndTheIdcVerifiesIt() throws Exception {
        readers.insert(Slot.SAM, cards.card(TEST_SAM));
        byte[] data = "1151122103000000190000000000019000000000001900099999999".getBytes(StandardCharsets.US_ASCII);
        byte[] raw = sam.sign(SignatureType.VISIT_RAW, data);
        assertEquals(128, raw.length);
        byte[] printable = sam.sign(SignatureType.VISIT_PRINTABLE, data);
        assertEquals(new String(printable, StandardCharsets.US_ASCII), HexFormat.of().withUpperCase().formatHex(raw));
        assertEquals(40, sam.sign(SignatureType.PRESCRIPTION, data).length);

        JsonObject verify = new JsonObject();
        verify.addProperty("samId", TEST_SAM);
        verify.addProperty("type", "VISIT_RAW");
        verify.addProperty("data", Base64.getEncoder().encodeToString(data));
        verify.addProperty("signature", Base64.getEncoder().encodeToString(raw));
        JsonObject answer = JsonParser.parseString(sam.forward("/v1/signatures/verify", verify.toString()))
                .getAsJsonObject();
        assertTrue(answer.toString(), answer.get("valid").getAsBoolean());
    }

    @Test
    public void withTheIdcDownAuthenticationIs4061AndRecovers() throws Exception {
        readers.insert(Slot.SAM, cards.card(TEST_SAM));
        idc.close();
        assertEquals(ResultCode.NETWORK_DOWN, assertThrows(NhiException.class,
                () -> sam.authenticate((d, t, s) -> { })).result());
        assertEquals(SamStatus.NOT_AUTHENTICATED, sam.status());
        assertTrue(cards.show(TEST_SAM), cards.show(TEST_SAM).contains("failed authentications: 0"));
        idc = IdcSimulator.start(IdcOptions.defaults(idcData).withPort(idcPort).withForceWrites(false));
        sam.authenticate((d, t, s) -> { });
        assertEquals(SamStatus.AUTHENTICATED, sam.status());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
