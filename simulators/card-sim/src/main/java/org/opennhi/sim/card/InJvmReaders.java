// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/**
 * Virtual cards in the slots of this JVM behind the reader-service contract (no pcscd, no serial line): one
 * exclusive session per slot, the same card code answering as through the vpcd bridge. For tests of the card
 * engine and of SAM plugins; the readers themselves are covered by the conformance kit and the integration tests.
 * Counts the APDUs each slot's cards received, bumps a slot's card generation with every insert and removal, and
 * can hold its events back or pull a card mid-operation.
 */
public final class InJvmReaders implements ReaderService {
    private final Map<Slot, VirtualCard> cards = new EnumMap<>(Slot.class);
    private final Map<Slot, ReentrantLock> locks = new EnumMap<>(Slot.class);
    private final Map<Slot, AtomicLong> apdus = new EnumMap<>(Slot.class);
    private final Map<Slot, int[]> pulls = new EnumMap<>(Slot.class);
    private final Map<Slot, Long> generations = new EnumMap<>(Slot.class);
    private final Consumer<ReaderEvent> deliver;
    private final List<ReaderEvent> held = new ArrayList<>();
    private boolean holding;
    private volatile boolean generationsKnown = true;
    private volatile boolean answering = true;

    /** Readers nobody listens to. */
    public InJvmReaders() {
        this(e -> { });
    }

    /** @param events told of every insert and removal (e.g. the card engine's cache) */
    public InJvmReaders(Consumer<ReaderEvent> events) {
        this.deliver = events;
        for (Slot s : Slot.values()) {
            locks.put(s, new ReentrantLock(true));
            apdus.put(s, new AtomicLong());
        }
    }

    /** @param hold true: reader events wait until {@code holdEvents(false)}, as when the event thread lags */
    public synchronized void holdEvents(boolean hold) {
        holding = hold;
        if (!hold) {
            held.forEach(deliver);
            held.clear();
        }
    }

    /** Puts a card into a slot (a reset card, as after power-on). */
    public synchronized void insert(Slot slot, VirtualCard card) {
        card.reset();
        pulls.remove(slot);
        cards.put(slot, card);
        generations.merge(slot, 1L, Long::sum);
        event(new ReaderEvent(ReaderEvent.Type.CARD_INSERTED, slot, readerName(slot), Instant.now()));
    }

    /** Takes the card out of a slot. */
    public synchronized void remove(Slot slot) {
        VirtualCard c = cards.remove(slot);
        generations.merge(slot, 1L, Long::sum);
        if (c != null) {
            c.reset();
            event(new ReaderEvent(ReaderEvent.Type.CARD_REMOVED, slot, readerName(slot), Instant.now()));
        }
    }

    /**
     * A patient pulling the card mid-operation: the slot's card leaves the reader once {@code apdus} more
     * commands have reached it (the card has processed them; their answers are lost when {@code answerLost}),
     * as a real removal falls between or during commands.
     */
    public synchronized void pullAfter(Slot slot, int apdus, boolean answerLost) {
        pulls.put(slot, new int[] {apdus, answerLost ? 1 : 0});
    }

    /** @param known false: the slots report no card generation, as a reader that cannot tell */
    public void generationsKnown(boolean known) {
        generationsKnown = known;
    }

    /** @param answers false: the reader stops answering (offline, every session 4000), as an unplugged one */
    public void answering(boolean answers) {
        answering = answers;
    }

    /** @return APDUs sent to the slot's cards so far */
    public long apdus(Slot slot) {
        return apdus.get(slot).get();
    }

    @Override
    public String readerType() {
        return "sim";
    }

    @Override
    public ReaderStatus status() {
        return answering ? ReaderStatus.online() : ReaderStatus.offline("the simulated reader does not answer");
    }

    @Override
    public synchronized SlotState slot(Slot slot) {
        VirtualCard c = cards.get(slot);
        return new SlotState(slot, readerName(slot), status(), c != null, c == null ? null : c.atr(),
                generationsKnown ? generations.getOrDefault(slot, 0L) : SlotState.UNKNOWN_GENERATION);
    }

    @Override
    public CardSession openSession(Slot slot, Duration wait) throws NhiException {
        if (!answering) {
            throw new NhiException(ResultCode.READER_TIMEOUT, "the simulated reader does not answer");
        }
        ReentrantLock lock = locks.get(slot);
        try {
            if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new NhiException(ResultCode.READER_TIMEOUT, "slot " + slot + " busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NhiException(ResultCode.READER_TIMEOUT, "interrupted");
        }
        VirtualCard card;
        synchronized (this) {
            card = cards.get(slot);
        }
        if (card == null) {
            lock.unlock();
            throw new NhiException(noCard(slot), "no card in " + slot);
        }
        return new Session(slot, card, lock);
    }

    private void event(ReaderEvent e) {
        if (holding) {
            held.add(e);
        } else {
            deliver.accept(e);
        }
    }

    private static String readerName(Slot slot) {
        return "sim " + slot;
    }

    private static ResultCode noCard(Slot slot) {
        return switch (slot) {
            case HC -> ResultCode.HC_NOT_PRESENT;
            case HPC -> ResultCode.HPC_NOT_PRESENT;
            case SAM -> ResultCode.SAM_NOT_PRESENT;
        };
    }

    /** One caller's turn with the card in a slot: a {@link VirtualCardSession} that holds the slot's lock. */
    private final class Session implements CardSession {
        private final VirtualCardSession inner;
        private final VirtualCard card;
        private final ReentrantLock lock;
        private boolean closed;

        Session(Slot slot, VirtualCard card, ReentrantLock lock) {
            this.inner = new VirtualCardSession(slot, card);
            this.card = card;
            this.lock = lock;
        }

        @Override
        public Slot slot() {
            return inner.slot();
        }

        @Override
        public byte[] atr() {
            return inner.atr();
        }

        @Override
        public ResponseApdu transmit(byte[] command) throws NhiException {
            Slot slot = inner.slot();
            synchronized (InJvmReaders.this) {
                if (cards.get(slot) != card) {
                    throw new NhiException(noCard(slot), "the card left");
                }
            }
            apdus.get(slot).incrementAndGet();
            ResponseApdu answer = inner.transmit(command);
            synchronized (InJvmReaders.this) {
                int[] pull = pulls.get(slot);
                if (pull != null && --pull[0] <= 0) {
                    pulls.remove(slot);
                    remove(slot);
                    if (pull[1] == 1) {
                        throw new NhiException(noCard(slot), "the card left before answering");
                    }
                }
            }
            return answer;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                lock.unlock();
            }
        }
    }
}
