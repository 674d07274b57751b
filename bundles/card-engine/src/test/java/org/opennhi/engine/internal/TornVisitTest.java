// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.After;
import org.junit.Test;
import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.engine.CardFields;
import org.opennhi.engine.CardStatus;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.Visit;
import org.opennhi.engine.VisitRequest;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.internal.SimCard;

/**
 * A patient pulling the HC at every point of a visit: the card keeps the whole visit or none of it, the next
 * contact finds its areas agreeing, and no sequence number is given twice (docs/card-profile.md §3.5.1).
 */
public class TornVisitTest {
    private static final String CARD = "900000000001";
    private final World world = new World();

    @After
    public void close() {
        world.close();
    }

    private static VisitRequest visit(String category) {
        return new VisitRequest(category, false, '1', VisitRequest.SignatureForm.PRINTABLE_256, false);
    }

    @Test
    public void aCardPulledAfterAnyCommandOfAVisitKeepsAllOrNothing() throws Exception {
        int cuts = 0;
        int kept = 0;
        for (boolean answerLost : new boolean[] {false, true}) {
            for (int after = 1; ; after++) {
                world.cards.reset();
                world.hc(CARD);
                Ledger before = Ledger.of(world);
                world.readers.pullAfter(Slot.HC, after, answerLost);
                Visit acknowledged = null;
                try {
                    acknowledged = world.engine.takeVisit(visit("01"), PinSource.none());
                } catch (NhiException e) {
                    // the card left mid-visit
                }
                boolean pulled = !world.readers.slot(Slot.HC).cardPresent();
                if (!pulled) {
                    assertTrue("a visit that was never cut succeeds", acknowledged != null);
                    break;
                }
                cuts++;
                world.hc(CARD);
                world.engine.lastSequenceNumber(PinSource.none()); // the next contact
                Ledger after1 = Ledger.of(world);
                boolean onCard = after1.count == before.count + 1;
                if (onCard) {
                    after1.assertAgrees("cut after " + after + (answerLost ? " (answer lost)" : ""));
                } else {
                    after1.assertSame("cut after " + after + (answerLost ? " (answer lost)" : ""), before);
                }
                if (acknowledged != null) {
                    assertTrue("an acknowledged visit is on the card", onCard);
                    assertEquals(acknowledged.sequenceNumber(), after1.newestSequence);
                }
                kept += onCard ? 1 : 0;
                Visit next = world.engine.takeVisit(visit("01"), PinSource.none());
                Ledger after2 = Ledger.of(world);
                after2.assertAgrees("the visit after the cut " + after);
                assertEquals("sequence numbers are never given twice", after1.count + 1,
                        Integer.parseInt(next.sequenceNumber()));
                world.readers.remove(Slot.HC);
            }
        }
        System.out.printf("Torn visits (engine): %d cuts, %d kept the visit, %d kept none, 0 torn%n", cuts, kept,
                cuts - kept);
        assertTrue("every command of a visit was cut at least once each way", cuts > 20);
    }

    @Test
    public void aCardTornTheOldWayIsRolledForwardOnTheNextContact() throws Exception {
        world.hc(CARD);
        Ledger before = Ledger.of(world);
        Visit v = world.engine.takeVisit(visit("01"), PinSource.none());
        world.readers.remove(Slot.HC);
        // the record landed, the counters did not: what a card written one area at a time kept when pulled
        SimCard card = (SimCard) world.cards.card(CARD);
        card.state().setArea(HcArea.CUMULATIVE_DATA.id(), before.cumulative);
        card.state().setArea(HcArea.LAST_SEQUENCE.id(), before.last);
        card.state().setArea(HcArea.CARD_STATUS.id(), before.status);

        world.hc(CARD);
        byte[] last = world.engine.lastSequenceNumber(PinSource.none());
        assertEquals("1.14 tells the HIS the visit the card kept", v.sequenceNumber(),
                new String(last, 3, 4, StandardCharsets.US_ASCII));
        Ledger repaired = Ledger.of(world);
        repaired.assertAgrees("rolled forward");
        assertEquals(before.count + 1, repaired.count);
        assertEquals(before.visitsLeft - 1, repaired.visitsLeft);
        Visit next = world.engine.takeVisit(visit("01"), PinSource.none());
        assertEquals(Integer.parseInt(v.sequenceNumber()) + 1, Integer.parseInt(next.sequenceNumber()));

        // torn after the count: the last sequence number and the visits left lag one behind
        world.readers.remove(Slot.HC);
        Ledger whole = Ledger.of(card);
        card.state().setArea(HcArea.LAST_SEQUENCE.id(), whole.lastFor(Integer.parseInt(next.sequenceNumber()) - 1));
        card.state().setArea(HcArea.CARD_STATUS.id(), VisitArea.withVisitsLeft(whole.status, whole.visitsLeft + 1));
        world.hc(CARD);
        world.engine.lastSequenceNumber(PinSource.none());
        Ledger again = Ledger.of(world);
        again.assertAgrees("rolled forward after the count");
        assertEquals(whole.visitsLeft, again.visitsLeft);
    }

    @Test
    public void visitDateTimesOnACardStrictlyIncrease() throws Exception {
        world.hc("900000000010");
        Set<String> seen = new HashSet<>();
        String previous = "";
        for (int i = 0; i < 12; i++) {
            Visit v = world.engine.takeVisit(visit(i % 2 == 0 ? "01" : "AB"), PinSource.none());
            assertTrue(v.visitDateTime() + " after " + previous, v.visitDateTime().compareTo(previous) > 0);
            assertTrue(seen.add(v.visitDateTime()));
            previous = v.visitDateTime();
        }
        assertNotEquals(previous, "");
    }

    /** The four visit areas of the card in the reader, read afresh (no cache). */
    private record Ledger(byte[] visits, byte[] cumulative, byte[] last, byte[] status, int count,
            String newestSequence, int visitsLeft) {
        static Ledger of(World world) throws NhiException {
            return of(CardAreas.read(world, HcArea.VISITS), CardAreas.read(world, HcArea.CUMULATIVE_DATA),
                    CardAreas.read(world, HcArea.LAST_SEQUENCE), CardAreas.read(world, HcArea.CARD_STATUS));
        }

        static Ledger of(SimCard card) {
            return of(card.state().area(HcArea.VISITS.id()).clone(),
                    card.state().area(HcArea.CUMULATIVE_DATA.id()).clone(),
                    card.state().area(HcArea.LAST_SEQUENCE.id()).clone(),
                    card.state().area(HcArea.CARD_STATUS.id()).clone());
        }

        static Ledger of(byte[] visits, byte[] cumulative, byte[] last, byte[] status) {
            int year = Integer.parseInt(CardFields.ascii(cumulative, 0, 3));
            return new Ledger(visits, cumulative, last, status, VisitArea.visitsInYear(cumulative, year),
                    CardFields.ascii(visits, 17, 4), new CardStatus(status).visitsLeft());
        }

        byte[] lastFor(int sequence) {
            return String.format("%s%04d", CardFields.ascii(cumulative, 0, 3), sequence)
                    .getBytes(StandardCharsets.US_ASCII);
        }

        /** Nothing of a visit landed: every area as it was. */
        void assertSame(String when, Ledger before) {
            assertTrue(when + ": visits", java.util.Arrays.equals(before.visits, visits));
            assertTrue(when + ": cumulative", java.util.Arrays.equals(before.cumulative, cumulative));
            assertTrue(when + ": last sequence", java.util.Arrays.equals(before.last, last));
            assertTrue(when + ": status", java.util.Arrays.equals(before.status, status));
        }

        /** The newest record, the year's count and the last sequence number tell one story. */
        void assertAgrees(String when) {
            int newest = Integer.parseInt(newestSequence);
            assertEquals(when + ": count vs newest record", count, newest);
            assertEquals(when + ": last sequence number", CardFields.ascii(cumulative, 0, 3) + newestSequence,
                    CardFields.ascii(last, 0, 7));
        }
    }
}
