// SPDX-License-Identifier: Apache-2.0
package org.opennhi.hpc.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.card.crypto.CardApplets;
import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.HpcAuthorisation;
import org.opennhi.contracts.sam.SecureChannel;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.VirtualCardSession;

/** PIN verification on real virtual HPCs, and the grant's life with and without fast authentication. */
public class HpcGateTest {
    private static final String DOCTOR = "900000001001";
    private static final String EXPIRED = "900000001003";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final Instant[] now = {Instant.parse("2026-11-22T01:00:00Z")};
    private final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return Clock.fixed(now[0], zone); }
        @Override public Instant instant() { return now[0]; }
    };
    private final boolean[] present = {true};
    private final List<PlatformEvent> events = new CopyOnWriteArrayList<>();
    private SimulatedCards cards;
    private HpcGate gate;

    @Before
    public void setUp() throws Exception {
        cards = SimulatedCards.open(tmp.newFolder("cards").toPath());
        gate = new HpcGate(clock, () -> present[0], events::add, false, Duration.ofHours(8));
    }

    /** The SAM's part is covered by the SAM plugins' tests; the gate needs only the authenticated number. */
    private record Authenticated(Slot slot, String cardNumber) implements SecureChannel {
        @Override
        public byte[] protect(byte[] plainCommand) {
            throw new UnsupportedOperationException("the PIN check writes nothing");
        }
    }

    private VirtualCardSession hpc(String number) throws Exception {
        VirtualCardSession s = new VirtualCardSession(Slot.HPC, cards.card(number));
        CardApplets.select(s);
        return s;
    }

    private HpcAuthorisation.Grant verify(VirtualCardSession s, String pin) throws NhiException {
        return gate.verifyPin(s, new Authenticated(Slot.HPC, CardApplets.identify(s).cardNumber()), pin.toCharArray());
    }

    private static int triesLeft(VirtualCardSession s) {
        return s.transmit(HexFormat.of().parseHex("00CA110002FF00")).data()[1];
    }

    @Test
    public void aWrongPinSays5102WithTheTriesLeftAndTheRightOneGrants() throws Exception {
        VirtualCardSession s = hpc(DOCTOR);
        NhiException wrong = assertThrows(NhiException.class, () -> verify(s, "0000"));
        assertEquals(ResultCode.PIN_MISMATCH, wrong.result());
        assertTrue(wrong.getMessage(), wrong.getMessage().contains("2 tries left"));
        HpcAuthorisation.Grant g = verify(s, "1234");
        assertEquals(DOCTOR, g.hpcCardNumber());
        assertEquals(3, triesLeft(s));
        assertTrue("no fast authentication unless switched on", g.fastAuthUntil().isEmpty());
        assertTrue(events.stream().noneMatch(e -> e.detail().contains("1234") || e.detail().contains(DOCTOR)));
    }

    @Test
    public void threeWrongPinsBlockIt5122() throws Exception {
        VirtualCardSession s = hpc(DOCTOR);
        for (int i = 0; i < 2; i++) {
            assertEquals(ResultCode.PIN_MISMATCH, assertThrows(NhiException.class, () -> verify(s, "9999")).result());
        }
        assertEquals(ResultCode.HPC_STILL_LOCKED, assertThrows(NhiException.class, () -> verify(s, "9999")).result());
        assertEquals(ResultCode.HPC_STILL_LOCKED, assertThrows(NhiException.class, () -> verify(s, "1234")).result());
    }

    @Test
    public void malformedPinsAndExpiredCardsNeverReachTheCardsCounter() throws Exception {
        VirtualCardSession s = hpc(DOCTOR);
        for (String bad : new String[] {"12", "1234567", "12a4"}) {
            assertEquals(ResultCode.PIN_MISMATCH, assertThrows(NhiException.class, () -> verify(s, bad)).result());
        }
        assertEquals(3, triesLeft(s));
        VirtualCardSession expired = hpc(EXPIRED);
        assertEquals(ResultCode.HPC_EXPIRED, assertThrows(NhiException.class, () -> verify(expired, "0000")).result());
        assertEquals(3, triesLeft(expired));
    }

    @Test
    public void withoutFastAuthTheGrantEndsWhenTheHpcLeaves() throws Exception {
        assertEquals(ResultCode.HPC_PIN_NOT_VERIFIED, assertThrows(NhiException.class, gate::require).result());
        verify(hpc(DOCTOR), "1234");
        assertEquals(DOCTOR, gate.require().hpcCardNumber());
        present[0] = false;
        gate.hpcLeft();
        assertEquals(ResultCode.HPC_NOT_PRESENT, assertThrows(NhiException.class, gate::require).result());
        present[0] = true;
        assertEquals("back in the reader, the PIN is needed again", ResultCode.HPC_PIN_NOT_VERIFIED,
                assertThrows(NhiException.class, gate::require).result());
    }

    @Test
    public void fastAuthHoldsEightHoursWithoutTheHpcThenNeedsItAgain() throws Exception {
        gate.configure(true, Duration.ofHours(8));
        HpcAuthorisation.Grant g = verify(hpc(DOCTOR), "1234");
        assertEquals(now[0].plus(Duration.ofHours(8)), g.fastAuthUntil().orElseThrow());
        present[0] = false;
        gate.hpcLeft();
        now[0] = now[0].plus(Duration.ofHours(8)).minusSeconds(1);
        assertEquals("7:59:59 later, the HPC away: still authorised", DOCTOR, gate.require().hpcCardNumber());
        now[0] = now[0].plusSeconds(1);
        assertEquals(ResultCode.HPC_NOT_PRESENT, assertThrows(NhiException.class, gate::require).result());
        present[0] = true;
        assertEquals(ResultCode.HPC_PIN_NOT_VERIFIED, assertThrows(NhiException.class, gate::require).result());
        assertTrue(events.stream().anyMatch(e -> e.type() == PlatformEvent.Type.HPC_AUTHORISATION
                && e.detail().contains("fast authentication ended")));
    }

    @Test
    public void switchingFastAuthOffMidGrantNeedsTheHpcAtOnce() throws Exception {
        gate.configure(true, Duration.ofHours(8));
        verify(hpc(DOCTOR), "1234");
        present[0] = false;
        assertTrue(gate.current().isPresent());
        gate.configure(false, Duration.ofHours(8));
        assertFalse(gate.current().isPresent());
        gate.revoke();
    }
}
