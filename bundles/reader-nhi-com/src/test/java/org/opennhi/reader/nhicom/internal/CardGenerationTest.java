// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.contracts.reader.Availability;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;

/**
 * The dedicated reader proves the card in a slot at the moment of the call: a swap between two polls changes
 * the generation at once, and the same card keeps it.
 */
public class CardGenerationTest {
    private static final byte[] SELECT_HC = HexFormat.of().parseHex("00A4040010D1580000010000000000000000001100");

    private EmulatedReader reader;
    private NhiComReaderPlugin plugin;

    @Before
    public void start() throws Exception {
        reader = new EmulatedReader();
        plugin = new NhiComReaderPlugin(EmulatedReader.config(reader.hostEnd().toString(), 300));
        long end = System.nanoTime() + 10_000_000_000L;
        while (plugin.status().availability() != Availability.ONLINE && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    @After
    public void stop() {
        plugin.deactivate();
        reader.close();
    }

    @Test
    public void aSwapChangesTheGenerationAtTheMomentOfTheCallAndTheSameCardKeepsIt() throws Exception {
        List<String> hcs = reader.cards(CardKind.HC);
        reader.insert(Slot.HC, hcs.get(0));
        SlotState first = plugin.slot(Slot.HC);
        assertTrue("a card just inserted is seen by the call itself, not the next poll", first.cardPresent());
        assertNotEquals(SlotState.UNKNOWN_GENERATION, first.cardGeneration());
        assertEquals(first.cardGeneration(), plugin.slot(Slot.HC).cardGeneration());
        long g = first.cardGeneration();
        for (int i = 1; i <= 50; i++) {
            reader.insert(Slot.HC, hcs.get(i % 2));
            SlotState now = plugin.slot(Slot.HC);
            assertTrue(now.cardPresent());
            assertTrue("swap " + i + " changes the generation", now.cardGeneration() > g);
            g = now.cardGeneration();
            try (CardSession s = plugin.openSession(Slot.HC, Duration.ofSeconds(5))) {
                assertTrue(s.transmit(SELECT_HC).isOk());
            }
            assertEquals("the same card keeps its generation", g, plugin.slot(Slot.HC).cardGeneration());
        }
        reader.remove(Slot.HC);
        assertTrue(!plugin.slot(Slot.HC).cardPresent());
    }

    @Test
    public void aCardSwappedUnderAnOpenSessionIsPoweredWithANewGeneration() throws Exception {
        List<String> hcs = reader.cards(CardKind.HC);
        reader.insert(Slot.HC, hcs.get(0));
        long g = plugin.slot(Slot.HC).cardGeneration();
        try (CardSession s = plugin.openSession(Slot.HC, Duration.ofSeconds(5))) {
            reader.insert(Slot.HC, hcs.get(1));
            // the reader answers "not powered": the session powers the new card, which must not keep g
            assertTrue(s.transmit(SELECT_HC).isOk());
        }
        assertNotEquals(g, plugin.slot(Slot.HC).cardGeneration());
    }
}
