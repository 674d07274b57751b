// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.profile;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.contracts.card.HcArea;

/** The builders drive a whole HC session through a SAM, as the platform's engine will. */
public class ApdusTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Taipei"));

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static byte[] ok(VirtualCard card, byte[] command) {
        byte[] r = card.transmit(command);
        assertEquals("SW of " + HEX.formatHex(command), StatusWords.OK, Apdus.sw(r));
        return Apdus.data(r);
    }

    @Test
    public void publicCommandsAreThePublishedBytes() {
        assertEquals("00A4040010D1580000010000000000000000001100", HEX.formatHex(Apdus.select(CardKind.HC)));
        assertEquals("00CA1100020000", HEX.formatHex(Apdus.readBasic()));
        assertEquals("00CA110003070201", HEX.formatHex(Apdus.read(HcArea.VISITS.id(), 2, 1, -1)));
        assertEquals("extended: Lc 00 00 02, Le 0E 4C (3660)", "00CA1100" + "000002" + "0E00" + "0E4C",
                HEX.formatHex(Apdus.read(HcArea.OUTPATIENT_PRESCRIPTIONS.id(), 0, 0, 3660)));
    }

    @Test
    public void wholeSessionThroughASam() {
        SimulatedCards world = SimulatedCards.open(tmp.getRoot().toPath(), CLOCK);
        VirtualCard hc = world.card("900000000002");
        VirtualCard sam = world.card("900077777777");
        ok(hc, Apdus.select(CardKind.HC));
        ok(sam, Apdus.select(CardKind.SAM));
        String number = new String(ok(hc, Apdus.readBasic()), 0, 12, StandardCharsets.US_ASCII);
        byte[] rndC = ok(hc, Apdus.getChallenge());
        byte[] hostData = ok(sam, Apdus.samAuthenticateBegin(0, CardKind.HC, number, rndC));
        byte[] cC = ok(hc, Apdus.mutualAuthenticate(hostData));
        ok(sam, Apdus.samAuthenticateComplete(0, cC));
        assertEquals(StatusWords.triesLeft(3), Apdus.sw(hc.transmit(Apdus.verifyStatus())));
        ok(hc, Apdus.verify("1234"));
        byte[] allergy = Arrays.copyOf("ASPIRIN".getBytes(StandardCharsets.US_ASCII), 40);
        Arrays.fill(allergy, 7, 40, (byte) ' ');
        ok(hc, ok(sam, Apdus.samProtect(0, Apdus.putData(HcArea.ALLERGIC_MEDICINES.id(), 1, allergy))));
        assertArrayEquals(allergy, ok(hc, Apdus.read(HcArea.ALLERGIC_MEDICINES.id(), 1, 1, 40)));
        byte[] rx = new byte[61];
        Arrays.fill(rx, (byte) ' ');
        ok(hc, ok(sam, Apdus.samProtect(0, Apdus.appendRecord(HcArea.OUTPATIENT_PRESCRIPTIONS.id(), rx))));
        byte[] all = ok(hc, Apdus.read(HcArea.OUTPATIENT_PRESCRIPTIONS.id(), 0, 0, 3660));
        assertEquals(60 * Areas.recordLength(CardKind.HC, HcArea.OUTPATIENT_PRESCRIPTIONS.id()), all.length);
        assertEquals(128, ok(sam, Apdus.samSign(128, new byte[] {1, 2, 3})).length);
        assertEquals(40, ok(sam, Apdus.samSign(40, new byte[] {1, 2, 3})).length);
        ok(hc, Apdus.changePin("1234", "5678"));
        ok(hc, Apdus.disablePin());
        ok(hc, Apdus.enablePin("2468"));
        assertEquals(-1, Areas.records(CardKind.SAM, HcArea.VISITS.id()));
    }

    @Test
    public void hpcUnblock() {
        VirtualCard hpc = SimulatedCards.open(tmp.getRoot().toPath(), CLOCK).card("900000001001");
        ok(hpc, Apdus.select(CardKind.HPC));
        for (int i = 0; i < 3; i++) {
            hpc.transmit(Apdus.verify("0000"));
        }
        assertEquals(StatusWords.BLOCKED, Apdus.sw(hpc.transmit(Apdus.verify("1234"))));
        ok(hpc, Apdus.unblockPin("12345678", "4321"));
        ok(hpc, Apdus.verify("4321"));
    }
}
