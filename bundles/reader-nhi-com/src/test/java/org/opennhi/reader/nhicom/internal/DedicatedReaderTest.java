// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opennhi.contracts.reader.Availability;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.reader.nhicom.DedicatedReader;
import org.opennhi.card.crypto.CardKind;

/** The keypad and the clock through the plugin, against the emulator on a socat pty pair. */
public class DedicatedReaderTest {
    private static final byte[] SELECT_HPC = HexFormat.of().parseHex("00A4040010D1580000010000000000000000003100");
    private static final String HPC_WITH_PIN_1234 = "900000001001";

    private EmulatedReader reader;
    private NhiComReaderPlugin plugin;

    @Before
    public void start() throws Exception {
        reader = new EmulatedReader();
        plugin = new NhiComReaderPlugin(EmulatedReader.config(reader.hostEnd().toString(), 300));
        await(() -> plugin.status().availability() == Availability.ONLINE);
    }

    @After
    public void stop() {
        plugin.deactivate();
        reader.close();
    }

    @Test
    public void keypadPinIsVerifiedByTheReaderAndOnlyTheStatusWordComesBack() throws Exception {
        reader.insert(Slot.HPC, HPC_WITH_PIN_1234);
        await(() -> plugin.slot(Slot.HPC).cardPresent());
        DedicatedReader keypad = plugin;
        try (CardSession session = plugin.openSession(Slot.HPC, Duration.ofSeconds(5))) {
            assertTrue(session.transmit(SELECT_HPC).isOk());
            reader.keypad.type("4321");
            assertEquals(0x63C2, keypad.verifyPinOnKeypad(Slot.HPC, Duration.ofSeconds(5)));
            reader.keypad.type("1234");
            assertEquals(0x9000, keypad.verifyPinOnKeypad(Slot.HPC, Duration.ofSeconds(5)));
            reader.keypad.cancel();
            expect(ResultCode.PIN_ENTRY_CANCELLED, () -> keypad.verifyPinOnKeypad(Slot.HPC, Duration.ofSeconds(5)));
            expect(ResultCode.READER_TIMEOUT, () -> keypad.verifyPinOnKeypad(Slot.HPC, Duration.ofSeconds(1)));
            expect(ResultCode.BAD_PARAMETER, () -> keypad.verifyPinOnKeypad(Slot.HPC, Duration.ofSeconds(5), 4, 9));
            expect(ResultCode.BAD_PARAMETER, () -> keypad.verifyPinOnKeypad(Slot.HPC, Duration.ofMinutes(3)));
            assertTrue("the card still works after the keypad", session.transmit(SELECT_HPC).isOk());
        }
        expect(ResultCode.HC_NOT_PRESENT, () -> keypad.verifyPinOnKeypad(Slot.HC, Duration.ofSeconds(5)));
    }

    @Test
    public void aRemovalIsSeenWhileACallerKeepsTheLineBusy() throws Exception {
        List<String> hcs = reader.cards(CardKind.HC);
        reader.insert(Slot.SAM, hcs.get(0));
        reader.insert(Slot.HC, hcs.get(1));
        await(() -> plugin.slot(Slot.SAM).cardPresent() && plugin.slot(Slot.HC).cardPresent());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger ok = new AtomicInteger();
        // a FutureTask, so that an assertion failing on the caller's thread fails this test too
        FutureTask<Void> caller = new FutureTask<>(() -> {
            byte[] selectHc = HexFormat.of().parseHex("00A4040010D1580000010000000000000000001100");
            try (CardSession session = plugin.openSession(Slot.SAM, Duration.ofSeconds(5))) {
                while (!stop.get()) {
                    assertTrue("every SELECT of the busy caller succeeds", session.transmit(selectHc).isOk());
                    ok.incrementAndGet();
                }
            }
            return null;
        });
        new Thread(caller, "busy-caller").start();
        try {
            await(() -> ok.get() > 50 || caller.isDone());
            reader.remove(Slot.HC);
            await(() -> !plugin.slot(Slot.HC).cardPresent() || caller.isDone());
        } finally {
            stop.set(true);
        }
        caller.get(10, TimeUnit.SECONDS);
        assertTrue("the removal was seen", !plugin.slot(Slot.HC).cardPresent());
        assertTrue("the caller went on: " + ok.get(), ok.get() > 50);
    }

    @Test
    public void anAnswerBrokenOnTheLineIsFetchedAgainWithoutTheCardRunningTwice() throws Exception {
        FaultyCard card = reader.insert(Slot.HC, reader.cards(CardKind.HC).get(0));
        await(() -> plugin.slot(Slot.HC).cardPresent());
        byte[] getBasic = HexFormat.of().parseHex("00CA1100020000");
        try (CardSession session = plugin.openSession(Slot.HC, Duration.ofSeconds(5))) {
            session.transmit(HexFormat.of().parseHex("00A4040010D1580000010000000000000000001100"));
            int before = card.commands();
            long errorsBefore = reader.emulator().errors();
            // the broken answer may be a slot poll's instead: either way it is fetched again, and nothing runs twice
            reader.emulator().garbleNextAnswer();
            assertEquals(57, session.transmit(getBasic).data().length);
            assertEquals("the GET DATA reached the card once", before + 1, card.commands());
            assertEquals("no error frame: the reader got every request whole", errorsBefore,
                    reader.emulator().errors());
        }
    }

    @Test
    public void theReadersClockIsReadAndSet() throws Exception {
        LocalDateTime set = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
        plugin.setClock(set);
        LocalDateTime now = plugin.clock();
        assertTrue(now + " follows " + set, !now.isBefore(set) && now.isBefore(set.plusMinutes(1)));
        assertTrue(reader.emulator().clock().isBefore(set.plusMinutes(1)));
        expect(ResultCode.READER_CLOCK_WRITE_FAILED, () -> plugin.setClock(LocalDateTime.of(10_000, 1, 1, 0, 0)));
        expect(ResultCode.READER_CLOCK_WRITE_FAILED, () -> plugin.setClock(null));
    }

    interface Call {
        void run() throws NhiException;
    }

    static void expect(ResultCode code, Call call) {
        try {
            call.run();
            fail("expected " + code);
        } catch (NhiException e) {
            assertEquals(e.getMessage(), code, e.result());
        }
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
