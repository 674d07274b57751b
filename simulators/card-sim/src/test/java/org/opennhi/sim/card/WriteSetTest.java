// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import static org.junit.Assert.assertEquals;
import static org.opennhi.sim.card.CardHarness.authenticate;
import static org.opennhi.sim.card.CardHarness.padded;
import static org.opennhi.sim.card.CardHarness.protect;
import static org.opennhi.sim.card.CardHarness.select;
import static org.opennhi.sim.card.CardHarness.tx;

import java.nio.file.Path;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** BEGIN / COMMIT WRITE SET (docs/card-profile.md §3.5.1): several areas land together or not at all. */
public class WriteSetTest {
    private static final String BEGIN = "80E40000";
    private static final String PHONE = "00CA1100020300";
    private static final String ALLERGIES = "00CA1100021100";
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private Path dir;
    private SimulatedCards world;
    private VirtualCard hc;
    private VirtualCard sam;
    private String phoneBefore;
    private String allergiesBefore;

    @Before
    public void open() {
        dir = tmp.getRoot().toPath();
        world = SimulatedCards.open(dir, HealthCardPublicTest.CLOCK);
        hc = world.card("900000000001");
        sam = world.card(AuthenticationTest.TEST_SAM);
        select(hc);
        select(sam);
        assertEquals("9000", authenticate(hc, sam, 0));
        phoneBefore = tx(hc, PHONE);
        allergiesBefore = tx(hc, ALLERGIES);
    }

    private static String put(int area, int record, String valueHex) {
        return String.format("80DA1100%02X%02X%02X", valueHex.length() / 2 + 2, area, record) + valueHex;
    }

    private static String commit(int writes) {
        return String.format("80E6000001%02X", writes);
    }

    private void stageTwo(String phone, String allergy) {
        assertEquals("9000", tx(hc, BEGIN));
        assertEquals("9000", tx(hc, protect(sam, 0, put(0x03, 0, phone))));
        assertEquals("9000", tx(hc, protect(sam, 0, put(0x11, 1, allergy))));
    }

    @Test
    public void aCommittedSetStoresEveryWriteAndSurvivesARestart() {
        String phone = padded("0911111111", 14);
        String allergy = padded("PENICILLIN", 40);
        stageTwo(phone, allergy);
        assertEquals("staged writes are not visible before the commit", phoneBefore, tx(hc, PHONE));
        assertEquals("9000", tx(hc, protect(sam, 0, commit(2))));
        assertEquals(phone + "9000", tx(hc, PHONE));

        VirtualCard again = SimulatedCards.open(dir, HealthCardPublicTest.CLOCK).card("900000000001");
        VirtualCard sam2 = SimulatedCards.open(dir, HealthCardPublicTest.CLOCK).card(AuthenticationTest.TEST_SAM);
        select(again);
        select(sam2);
        assertEquals("9000", authenticate(again, sam2, 0));
        assertEquals(phone + "9000", tx(again, PHONE));
        assertEquals(allergy + allergiesBefore.substring(80), tx(again, ALLERGIES));
    }

    @Test
    public void aCardPulledBeforeTheCommitKeepsNoneOfTheSet() {
        stageTwo(padded("0922222222", 14), padded("ASPIRIN", 40));
        hc.reset(); // what removal, power-off and a warm reset do to the card's memory
        select(hc);
        assertEquals("9000", authenticate(hc, sam, 0));
        assertEquals("6985", tx(hc, protect(sam, 0, commit(2))));
        assertEquals(phoneBefore, tx(hc, PHONE));
        assertEquals(allergiesBefore, tx(hc, ALLERGIES));
        SimulatedCards reopened = SimulatedCards.open(dir, HealthCardPublicTest.CLOCK);
        VirtualCard again = reopened.card("900000000001");
        VirtualCard sam2 = reopened.card(AuthenticationTest.TEST_SAM);
        select(again);
        select(sam2);
        assertEquals("9000", authenticate(again, sam2, 0));
        assertEquals("nothing of the set reached the card's file", phoneBefore, tx(again, PHONE));
    }

    @Test
    public void aCountThatMissesAWriteDropsTheSet() {
        stageTwo(padded("0933333333", 14), padded("IODINE", 40));
        assertEquals("6A80", tx(hc, protect(sam, 0, commit(3))));
        assertEquals(phoneBefore, tx(hc, PHONE));
        assertEquals("6985", tx(hc, protect(sam, 0, commit(2))));
    }

    @Test
    public void aFailedMacEndsTheSessionAndTheSet() {
        stageTwo(padded("0944444444", 14), padded("LATEX", 40));
        String wrapped = protect(sam, 0, commit(2));
        String tampered = wrapped.substring(0, wrapped.length() - 2) + (wrapped.endsWith("00") ? "01" : "00");
        assertEquals("6988", tx(hc, tampered));
        assertEquals("9000", authenticate(hc, sam, 0));
        assertEquals("6985", tx(hc, protect(sam, 0, commit(2))));
        assertEquals(phoneBefore, tx(hc, PHONE));
    }

    @Test
    public void beginNeedsASessionAndItsOwnShape() {
        hc.reset();
        select(hc);
        assertEquals("6982", tx(hc, BEGIN));
        assertEquals("9000", authenticate(hc, sam, 0));
        assertEquals("6A86", tx(hc, "80E40100"));
        assertEquals("6700", tx(hc, "80E4000001FF"));
        assertEquals("6E00", tx(hc, "00E40000"));
        assertEquals("6985", tx(hc, protect(sam, 0, commit(0))));
        assertEquals("6D00", tx(sam, BEGIN));
    }
}
