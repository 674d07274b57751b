// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import static org.junit.Assert.assertEquals;

import org.junit.After;
import org.junit.Test;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.VisitRequest;
import org.opennhi.engine.testing.World;

/**
 * The cache answers only for the card in the slot at the moment of the call, even when the reader's event of
 * a swap has not reached the engine yet — with readers that count card generations and with readers that
 * cannot (docs/card-engine.md, "The card in the slot").
 */
public class CardSwapCacheTest {
    private static final String A = "900000000001";
    private static final String B = "900000000008";
    private final World world = new World();

    @After
    public void close() {
        world.close();
    }

    private void swapsWithLateEvents() throws Exception {
        for (int i = 0; i < 200; i++) {
            String in = i % 2 == 0 ? A : B;
            world.readers.holdEvents(true);
            world.hc(in);
            assertEquals("swap " + i, in, world.engine.basicProfile().cardNumber());
            assertEquals("swap " + i + ", 1.1 in one operation", in,
                    new String(world.engine.basicData(), 0, 12, java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals("swap " + i + ", status from the cache or the card", 6,
                    world.engine.cardStatus().visitsLeft());
            world.readers.holdEvents(false);
        }
    }

    @Test
    public void aLateSwapEventNeverLetsThePreviousCardAnswer() throws Exception {
        swapsWithLateEvents();
        long before = world.readers.apdus(Slot.HC);
        world.engine.basicProfile();
        assertEquals("with the card unchanged the cache answers alone", before, world.readers.apdus(Slot.HC));
    }

    @Test
    public void aReaderWithoutGenerationsGetsTheCardsIdentityChecked() throws Exception {
        world.readers.generationsKnown(false);
        swapsWithLateEvents();
        world.engine.basicProfile(); // the late events emptied the cache: read afresh once
        long before = world.readers.apdus(Slot.HC);
        world.engine.basicProfile();
        assertEquals("one GET DATA of the basic profile proves the card", before + 1, world.readers.apdus(Slot.HC));
    }

    @Test
    public void withoutGenerationsTheVerifiedPinStillCarriesOverForTheSameCard() throws Exception {
        world.readers.generationsKnown(false);
        world.hc("900000000002");
        world.engine.registration(purpose -> "1234".toCharArray());
        world.engine.takeVisit(new VisitRequest("01", false, '1', VisitRequest.SignatureForm.PRINTABLE_256, false),
                PinSource.none());
    }

    @Test
    public void aVisitAfterAReadMakesNoSecondCardAuthentication() throws Exception {
        world.hc(A);
        world.engine.cardStatus();
        assertEquals(1, world.sam.authentications());
        world.engine.takeVisit(new VisitRequest("01", false, '1', VisitRequest.SignatureForm.PRINTABLE_256, false),
                PinSource.none());
        world.engine.takeVisit(new VisitRequest("01", false, '1', VisitRequest.SignatureForm.PRINTABLE_256, false),
                PinSource.none());
        assertEquals("the SAM's channel stays with the card", 1, world.sam.authentications());
    }

    @Test
    public void aKeptChannelTheCardForgotIsRenewedOnce() throws Exception {
        world.hc(A);
        world.engine.cardStatus();
        world.cards.card(A).reset(); // another application reset the card: its session and selection are gone
        world.engine.takeVisit(new VisitRequest("01", false, '1', VisitRequest.SignatureForm.PRINTABLE_256, false),
                PinSource.none());
        assertEquals("one new authentication after the card forgot the first", 2, world.sam.authentications());
    }
}
