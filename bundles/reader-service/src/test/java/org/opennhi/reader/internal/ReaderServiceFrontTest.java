// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.osgi.framework.Constants;

public class ReaderServiceFrontTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final FakePlugin pcsc = new FakePlugin("pcsc");
    private final FakePlugin com = new FakePlugin("nhi-com");
    private final ReaderServiceFront front = new ReaderServiceFront(config(30_000));
    private long serviceIds = 1;

    @After
    public void stop() {
        front.deactivate();
    }

    @Test
    public void servesTheConfiguredTypeAndReportsAMissingOne() throws Exception {
        bind(pcsc, 0);
        assertEquals("pcsc", front.readerType());
        assertEquals("pcsc-HC", front.slot(Slot.HC).readerName());
        front.bindSettings(settings("nhi-com"));
        assertFalse(front.slot(Slot.HC).cardPresent());
        assertTrue(front.status().reason(), front.status().reason().contains("'nhi-com' is installed (installed: pcsc)"));
        try {
            front.openSession(Slot.HC, WAIT);
            fail();
        } catch (NhiException e) {
            assertEquals(ResultCode.NO_READER_OR_PCSC_ERROR, e.result());
        }
    }

    @Test
    public void aSecondCallerWaitsUntilTheFirstClosesAndNeverInterleaves() throws Exception {
        bind(pcsc, 0);
        CardSession first = front.openSession(Slot.HC, WAIT);
        CountDownLatch secondIn = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            try (CardSession s = front.openSession(Slot.HC, WAIT)) {
                secondIn.countDown();
                s.transmit(new byte[] {2});
            } catch (NhiException e) {
                throw new AssertionError(e);
            }
        });
        second.start();
        awaitWaiting(Slot.HC, 1);
        assertEquals(1, secondIn.getCount());
        first.transmit(new byte[] {1});
        first.close();
        second.join(10_000);
        assertEquals(List.of("open HC", "apdu HC 1", "close HC", "open HC", "apdu HC 2", "close HC"), pcsc.log);
    }

    @Test
    public void callersAreServedInTheOrderTheyAsked() throws Exception {
        bind(pcsc, 0);
        CardSession holder = front.openSession(Slot.HPC, WAIT);
        List<Integer> served = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                try (CardSession s = front.openSession(Slot.HPC, WAIT)) {
                    served.add(n);
                } catch (NhiException e) {
                    throw new AssertionError(e);
                }
            });
            t.start();
            threads.add(t);
            awaitWaiting(Slot.HPC, i + 1);
        }
        holder.close();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), served);
    }

    @Test
    public void slotsAreIndependent() throws Exception {
        bind(pcsc, 0);
        try (CardSession hc = front.openSession(Slot.HC, WAIT); CardSession hpc = front.openSession(Slot.HPC, WAIT)) {
            assertEquals(Slot.HC, hc.slot());
            assertEquals(Slot.HPC, hpc.slot());
        }
    }

    @Test
    public void aBusyCardAnswers4000AfterTheWait() throws Exception {
        bind(pcsc, 0);
        try (CardSession held = front.openSession(Slot.HC, WAIT)) {
            front.openSession(Slot.HC, Duration.ofMillis(50));
            fail("the card is held");
        } catch (NhiException e) {
            assertEquals(ResultCode.READER_TIMEOUT, e.result());
        }
        front.openSession(Slot.HC, Duration.ZERO).close();
    }

    @Test
    public void aSessionHeldPastItsLeaseIsEndedAndTheCardFreed() throws Exception {
        front.modified(config(100));
        bind(pcsc, 0);
        CardSession forgotten = front.openSession(Slot.HC, WAIT);
        try (CardSession next = front.openSession(Slot.HC, WAIT)) {
            assertTrue(pcsc.log.contains("close HC"));
        }
        try {
            forgotten.transmit(new byte[] {1});
            fail("revoked");
        } catch (NhiException e) {
            assertEquals(ResultCode.READER_TIMEOUT, e.result());
            assertTrue(e.getMessage(), e.getMessage().contains("held over 100 ms"));
        }
        forgotten.close();
        front.openSession(Slot.HC, Duration.ZERO).close();
    }

    @Test
    public void closedSessionsLeaveNoLeaseBehind() throws Exception {
        bind(pcsc, 0);
        for (int i = 0; i < 1000; i++) {
            front.openSession(Slot.HC, WAIT).close();
        }
        assertEquals(0, front.pendingLeases());
    }

    @Test
    public void aSwitchLetsTheOpenSessionFinishOnTheOldReaderAndSendsTheNextToTheNew() throws Exception {
        bind(pcsc, 0);
        bind(com, 0);
        CardSession onOld = front.openSession(Slot.HC, WAIT);
        front.updatedSettings(settings("nhi-com"));
        assertEquals("nhi-com", front.readerType());
        BlockingQueue<String> nextWentTo = new LinkedBlockingQueue<>();
        Thread next = new Thread(() -> {
            try (CardSession s = front.openSession(Slot.HC, WAIT)) {
                nextWentTo.add(front.slot(Slot.HC).readerName());
            } catch (NhiException e) {
                nextWentTo.add(e.toString());
            }
        });
        next.start();
        awaitWaiting(Slot.HC, 1);
        onOld.transmit(new byte[] {7});
        onOld.close();
        assertEquals("nhi-com-HC", nextWentTo.poll(10, TimeUnit.SECONDS));
        next.join(10_000);
        assertEquals(List.of("open HC", "apdu HC 7", "close HC"), pcsc.log);
        assertEquals(List.of("open HC", "close HC"), com.log);
    }

    @Test
    public void aFailingPluginIsReportedNotThrown() throws Exception {
        bind(pcsc, 0);
        pcsc.statusFailure = new IllegalStateException("native library missing");
        assertTrue(front.status().reason().contains("native library missing"));
        pcsc.openFailure = new UnsatisfiedLinkError("libpcsclite.so.1");
        try {
            front.openSession(Slot.HC, WAIT);
            fail();
        } catch (NhiException e) {
            assertEquals(ResultCode.NO_READER_OR_PCSC_ERROR, e.result());
        }
        pcsc.openFailure = null;
        front.openSession(Slot.HC, Duration.ZERO).close();
    }

    @Test
    public void theHighestRankedPluginOfATypeWins() throws Exception {
        FakePlugin vendor = new FakePlugin("pcsc") {
            @Override
            public org.opennhi.contracts.reader.SlotState slot(Slot slot) {
                return new org.opennhi.contracts.reader.SlotState(slot, "vendor", org.opennhi.contracts.reader
                        .ReaderStatus.online(), false, null);
            }
        };
        bind(pcsc, 0);
        bind(vendor, 10);
        assertEquals("vendor", front.slot(Slot.HC).readerName());
        front.unbindPlugin(vendor);
        assertEquals("pcsc-HC", front.slot(Slot.HC).readerName());
    }

    @Test
    public void forwardsOnlyTheActivePluginsEvents() throws Exception {
        BlockingQueue<ReaderEvent> heard = new LinkedBlockingQueue<>();
        front.bindListener(heard::add);
        bind(pcsc, 0);
        bind(com, 0);
        assertEquals(ReaderEvent.Type.STATUS_CHANGED, heard.poll(10, TimeUnit.SECONDS).type());
        com.fire(ReaderEvent.Type.CARD_INSERTED);
        pcsc.fire(ReaderEvent.Type.CARD_REMOVED);
        ReaderEvent e = heard.poll(10, TimeUnit.SECONDS);
        assertEquals(ReaderEvent.Type.CARD_REMOVED, e.type());
        assertEquals("pcsc", e.readerName());
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private void bind(FakePlugin plugin, int ranking) {
        Map<String, Object> props = new HashMap<>();
        props.put(ReaderPlugin.TYPE_PROPERTY, plugin.name);
        props.put(Constants.SERVICE_RANKING, ranking);
        props.put(Constants.SERVICE_ID, serviceIds++);
        front.bindPlugin(plugin, props);
    }

    private void awaitWaiting(Slot slot, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (front.waiting(slot) < n) {
            if (System.currentTimeMillis() > deadline) {
                fail(n + " callers never queued for " + slot);
            }
            Thread.sleep(1);
        }
    }

    static ReaderServiceConfig config(long maxHoldMillis) {
        return new ReaderServiceConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ReaderServiceConfig.class;
            }

            @Override
            public long maxHoldMillis() {
                return maxHoldMillis;
            }
        };
    }

    static PlatformSettings settings(String readerType) {
        return new PlatformSettings() {
            @Override
            public String readerType() {
                return readerType;
            }

            @Override
            public String samMode() {
                return SAM_MODE_CLOUD;
            }

            @Override
            public String samPort() {
                return "COMX1";
            }

            @Override
            public boolean hpcFastAuth() {
                return false;
            }

            @Override
            public boolean watchOverlay() {
                return false;
            }

            @Override
            public boolean remoteDesktop() {
                return false;
            }

            @Override
            public boolean keepHisOnConsoleClose() {
                return true;
            }

            @Override
            public boolean openConsoleOnCall() {
                return true;
            }

            @Override
            public boolean demo() {
                return true;
            }
        };
    }
}
