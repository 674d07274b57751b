// SPDX-License-Identifier: Apache-2.0
package org.opennhi.testkit.reader;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opennhi.contracts.reader.Availability;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/**
 * The reader plugin conformance suite. A plugin author extends it in a test class and implements
 * {@link #createHarness()}; each test gets a fresh harness. The suite checks what the platform relies on:
 * presence, ATR, commands passed through unchanged, sessions on different slots kept apart, events, recovery
 * after the device goes away and comes back, a bounded time for a card that never answers, and errors (never
 * hangs or crashes) for garbage from the device or the caller.
 */
public abstract class ReaderPluginConformance {
    /** SELECT of NHI's public health-card application. */
    protected static final byte[] SELECT_HC = HexFormat.of().parseHex("00A4040010D1580000010000000000000000001100");
    /** GET DATA of the public basic profile: 57 bytes. */
    protected static final byte[] GET_BASIC_PROFILE = HexFormat.of().parseHex("00CA1100020000");
    private static final Duration SESSION_WAIT = Duration.ofSeconds(10);

    private ReaderHarness harness;
    private ReaderPlugin plugin;

    /** @return a new harness with the plugin started and no card inserted */
    protected abstract ReaderHarness createHarness() throws Exception;

    @Before
    public final void startHarness() throws Exception {
        harness = createHarness();
        plugin = harness.plugin();
        for (Slot s : harness.slots()) {
            harness.removeCard(s);
        }
        await("the plugin reports ONLINE", () -> plugin.status().availability() == Availability.ONLINE);
        for (Slot s : harness.slots()) {
            await(s + " starts empty", () -> !plugin.slot(s).cardPresent());
        }
    }

    @After
    public final void stopHarness() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    public void offersTheDevicesSlots() {
        Set<Slot> offered = plugin.slots().keySet();
        assertTrue("plugin offers " + offered + ", device has " + harness.slots(), offered.containsAll(harness.slots()));
        for (Slot s : harness.slots()) {
            assertEquals(s, plugin.slot(s).slot());
            assertFalse("an empty slot has no ATR", plugin.slot(s).presentAtr().isPresent());
        }
    }

    @Test
    public void presenceFollowsTheCard() throws Exception {
        for (Slot s : harness.slots()) {
            harness.insertHealthCard(s);
            await(s + " present", () -> plugin.slot(s).cardPresent());
            harness.removeCard(s);
            await(s + " empty again", () -> !plugin.slot(s).cardPresent());
        }
    }

    @Test
    public void givesTheAtrOfThePresentCard() throws Exception {
        for (Slot s : harness.slots()) {
            harness.insertHealthCard(s);
            await(s + " present", () -> plugin.slot(s).cardPresent());
            byte[] atr = plugin.slot(s).atr();
            assertTrue("an ATR has at least TS and T0", atr.length >= 2);
            assertTrue("TS is 3B or 3F", atr[0] == 0x3B || atr[0] == 0x3F);
            try (CardSession session = plugin.openSession(s, SESSION_WAIT)) {
                assertArrayEquals(atr, session.atr());
            }
        }
    }

    @Test
    public void passesCommandsAndAnswersThroughUnchanged() throws Exception {
        for (Slot s : harness.slots()) {
            harness.insertHealthCard(s);
            await(s + " present", () -> plugin.slot(s).cardPresent());
            try (CardSession session = plugin.openSession(s, SESSION_WAIT)) {
                assertEquals(0x9000, session.transmit(SELECT_HC).sw());
                ResponseApdu basic = session.transmit(GET_BASIC_PROFILE);
                assertEquals(0x9000, basic.sw());
                assertEquals("the basic profile is 57 bytes", 57, basic.data().length);
            }
        }
    }

    @Test
    public void sessionsOnDifferentSlotsAndStatusQueriesDoNotMix() throws Exception {
        List<Slot> slots = new ArrayList<>(harness.slots());
        for (Slot s : slots) {
            harness.insertHealthCard(s);
            await(s + " present", () -> plugin.slot(s).cardPresent());
        }
        // one session per slot, plus a caller asking for every slot's state meanwhile: with a single slot the
        // state queries are what a session must not be mixed up with
        ExecutorService pool = Executors.newFixedThreadPool(slots.size() + 1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (Slot s : slots) {
                Callable<Integer> run = () -> {
                    int good = 0;
                    try (CardSession session = plugin.openSession(s, SESSION_WAIT)) {
                        for (int i = 0; i < 40; i++) {
                            if (session.transmit(SELECT_HC).isOk()
                                    && session.transmit(GET_BASIC_PROFILE).data().length == 57) {
                                good++;
                            }
                        }
                    }
                    return good;
                };
                runs.add(pool.submit(run));
            }
            Future<Integer> queries = pool.submit(() -> {
                int present = 0;
                for (int i = 0; i < 20; i++) {
                    for (Slot s : slots) {
                        present += plugin.slot(s).cardPresent() ? 1 : 0;
                    }
                }
                return present;
            });
            for (Future<Integer> f : runs) {
                assertEquals(40, (int) f.get(2, TimeUnit.MINUTES));
            }
            assertEquals("every slot stays present while the sessions run", 20 * slots.size(),
                    (int) queries.get(2, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void anEmptySlotGivesItsNoCardCode() {
        for (Slot s : harness.slots()) {
            try (CardSession session = plugin.openSession(s, SESSION_WAIT)) {
                fail("no card is in " + s);
            } catch (NhiException e) {
                ResultCode expected = s == Slot.HC ? ResultCode.HC_NOT_PRESENT
                        : s == Slot.HPC ? ResultCode.HPC_NOT_PRESENT : ResultCode.SAM_NOT_PRESENT;
                assertEquals(expected, e.result());
            }
        }
    }

    @Test
    public void aClosedSessionRefusesCommandsAndClosesTwiceHarmlessly() throws Exception {
        Slot s = harness.slots().iterator().next();
        harness.insertHealthCard(s);
        await(s + " present", () -> plugin.slot(s).cardPresent());
        CardSession session = plugin.openSession(s, SESSION_WAIT);
        session.close();
        session.close();
        try {
            session.transmit(SELECT_HC);
            fail("the session is closed");
        } catch (NhiException e) {
            // a closed session no longer owns the card: the command is never sent, like one whose time ran out
            assertEquals(ResultCode.READER_TIMEOUT, e.result());
        }
        try (CardSession again = plugin.openSession(s, SESSION_WAIT)) {
            assertTrue(again.transmit(SELECT_HC).isOk());
        }
    }

    @Test
    public void malformedCommandsAreRefusedWithACode() throws Exception {
        Slot s = harness.slots().iterator().next();
        harness.insertHealthCard(s);
        await(s + " present", () -> plugin.slot(s).cardPresent());
        try (CardSession session = plugin.openSession(s, SESSION_WAIT)) {
            for (byte[] bad : new byte[][] {new byte[0], new byte[] {0, (byte) 0xA4}}) {
                try {
                    session.transmit(bad);
                    fail("a command of " + bad.length + " bytes is not an APDU");
                } catch (NhiException e) {
                    assertEquals(ResultCode.BAD_PARAMETER, e.result());
                }
            }
            assertTrue("the card still works", session.transmit(SELECT_HC).isOk());
        }
    }

    @Test
    public void insertAndRemoveAreEvents() throws Exception {
        BlockingQueue<ReaderEvent> events = new LinkedBlockingQueue<>();
        ReaderEventListener listener = events::add;
        plugin.addListener(listener);
        try {
            for (Slot s : harness.slots()) {
                harness.insertHealthCard(s);
                ReaderEvent in = next(events, ReaderEvent.Type.CARD_INSERTED, s);
                assertFalse(in.readerName().isEmpty());
                harness.removeCard(s);
                next(events, ReaderEvent.Type.CARD_REMOVED, s);
            }
        } finally {
            plugin.removeListener(listener);
        }
    }

    @Test
    public void aThrowingListenerNeitherSilencesTheOthersNorThePlugin() throws Exception {
        BlockingQueue<ReaderEvent> events = new LinkedBlockingQueue<>();
        ReaderEventListener broken = event -> {
            throw new IllegalStateException("a listener's bug");
        };
        ReaderEventListener listener = events::add;
        plugin.addListener(broken);
        plugin.addListener(listener);
        try {
            Slot s = harness.slots().iterator().next();
            harness.insertHealthCard(s);
            next(events, ReaderEvent.Type.CARD_INSERTED, s);
            harness.removeCard(s);
            next(events, ReaderEvent.Type.CARD_REMOVED, s);
            assertEquals(Availability.ONLINE, plugin.status().availability());
        } finally {
            plugin.removeListener(broken);
            plugin.removeListener(listener);
        }
    }

    @Test
    public void recoversWhenTheDeviceGoesAwayAndComesBack() throws Exception {
        Slot s = harness.slots().iterator().next();
        harness.insertHealthCard(s);
        await(s + " present", () -> plugin.slot(s).cardPresent());
        harness.unplug();
        await("OFFLINE with a reason after the unplug", () -> plugin.status().availability() == Availability.OFFLINE
                && !plugin.status().reason().isEmpty());
        assertFalse(plugin.slot(s).cardPresent());
        try (CardSession session = plugin.openSession(s, SESSION_WAIT)) {
            fail("the device is gone");
        } catch (NhiException e) {
            // ReaderService#openSession: 9204 when no reader serves the slot
            assertEquals(ResultCode.NO_READER_OR_PCSC_ERROR, e.result());
        }
        harness.replug();
        await("ONLINE again with the card", () -> plugin.status().availability() == Availability.ONLINE
                && plugin.slot(s).cardPresent());
        try (CardSession session = plugin.openSession(s, SESSION_WAIT)) {
            assertTrue(session.transmit(SELECT_HC).isOk());
        }
    }

    @Test
    public void aCardThatNeverAnswersGives4000InBoundedTime() throws Exception {
        Slot s = harness.slots().iterator().next();
        harness.insertHealthCard(s);
        await(s + " present", () -> plugin.slot(s).cardPresent());
        harness.muteCard(s);
        long bound = harness.muteCardTimeout().plus(harness.noticeWithin()).toMillis();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<NhiException> outcome = caller.submit(() -> {
                try (CardSession session = plugin.openSession(s, SESSION_WAIT)) {
                    session.transmit(SELECT_HC);
                    return null;
                } catch (NhiException e) {
                    return e;
                }
            });
            NhiException e = outcome.get(bound + SESSION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull("a mute card must not answer", e);
            assertEquals(ResultCode.READER_TIMEOUT, e.result());
        } finally {
            caller.shutdownNow();
        }
        harness.removeCard(s);
        await(s + " empty after the mute card left", () -> !plugin.slot(s).cardPresent());
        harness.insertHealthCard(s);
        await(s + " present again", () -> plugin.slot(s).cardPresent());
        awaitWorkingSession(s);
    }

    @Test
    public void garbageFromTheDeviceIsAnErrorAndThePluginGoesOn() throws Exception {
        Slot s = harness.slots().iterator().next();
        harness.insertHealthCard(s);
        await(s + " present", () -> plugin.slot(s).cardPresent());
        harness.garbleNextAnswer(s);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<Object> outcome = caller.submit(() -> {
                try (CardSession session = plugin.openSession(s, SESSION_WAIT)) {
                    return session.transmit(SELECT_HC);
                } catch (NhiException e) {
                    return e;
                }
            });
            Object result = outcome.get(harness.muteCardTimeout().plus(SESSION_WAIT).toMillis(), TimeUnit.MILLISECONDS);
            // a malformed answer is the card's read failing, not an answer (docs/reader-nhi-com.md, "Status and codes")
            assertTrue("garbage must not pass as an answer: " + result, result instanceof NhiException);
            assertEquals(ResultCode.HC_IO_ERROR, ((NhiException) result).result());
        } finally {
            caller.shutdownNow();
        }
        awaitWorkingSession(s);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** After a fault the device may need a moment (e.g. to reset the card): a working session must follow. */
    private void awaitWorkingSession(Slot s) throws InterruptedException {
        await("a working session on " + s, () -> {
            try (CardSession session = plugin.openSession(s, SESSION_WAIT)) {
                return session.transmit(SELECT_HC).isOk();
            } catch (NhiException e) {
                return false;
            }
        });
    }

    private ReaderEvent next(BlockingQueue<ReaderEvent> events, ReaderEvent.Type type, Slot slot)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + harness.noticeWithin().toMillis();
        while (System.currentTimeMillis() < deadline) {
            ReaderEvent e = events.poll(50, TimeUnit.MILLISECONDS);
            if (e != null && e.type() == type && e.slot() == slot) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " event for " + slot + " within " + harness.noticeWithin());
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + harness.noticeWithin().toMillis();
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + harness.noticeWithin() + ": " + what + " (status "
                        + plugin.status() + ")");
            }
            Thread.sleep(20);
        }
    }
}
