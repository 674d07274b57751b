package org.opennhi.engine.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
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
import org.opennhi.sim.card.VirtualCard;

/**
 * A reader service whose slots hold the simulated cards directly (no pcscd): the same card code answers as
 * through the vpcd bridge, in-process. Counts the APDUs each slot's card received, so tests check that an
 * operation used the fewest the profile allows.
 */
public final class SimReaders implements ReaderService {
    private final Map<Slot, VirtualCard> cards = new EnumMap<>(Slot.class);
    private final Map<Slot, ReentrantLock> locks = new EnumMap<>(Slot.class);
    private final Map<Slot, AtomicLong> apdus = new EnumMap<>(Slot.class);
    private final Consumer<ReaderEvent> deliver;
    /** Events held back (a slow reader thread): the engine hears of a swap only when they are released. */
    private final java.util.List<ReaderEvent> held = new java.util.ArrayList<>();
    private boolean holding;

    /** @param events told of every insert and removal (the engine's cache listens) */
    public SimReaders(Consumer<ReaderEvent> events) {
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

    private void events(ReaderEvent e) {
        if (holding) {
            held.add(e);
        } else {
            deliver.accept(e);
        }
    }

    /** Puts a card into a slot (a reset card, as after power-on). */
    public synchronized void insert(Slot slot, VirtualCard card) {
        card.reset();
        pulls.remove(slot);
        cards.put(slot, card);
        generations.merge(slot, 1L, Long::sum);
        events(new ReaderEvent(ReaderEvent.Type.CARD_INSERTED, slot, "sim " + slot, Instant.now()));
    }

    /** Takes the card out of a slot. */
    public synchronized void remove(Slot slot) {
        VirtualCard c = cards.remove(slot);
        generations.merge(slot, 1L, Long::sum);
        if (c != null) {
            c.reset();
            events(new ReaderEvent(ReaderEvent.Type.CARD_REMOVED, slot, "sim " + slot, Instant.now()));
        }
    }

    /**
     * A patient pulling the card mid-operation: the slot's card leaves the reader once {@code apdus} more
     * commands have reached it (the card has processed them; their answers may still be lost when
     * {@code answerLost}), as a real removal falls between or during commands.
     */
    public synchronized void pullAfter(Slot slot, int apdus, boolean answerLost) {
        pulls.put(slot, new int[] {apdus, answerLost ? 1 : 0});
    }

    private final Map<Slot, int[]> pulls = new EnumMap<>(Slot.class);
    /** Bumped with every insert and removal, as a reader that sees each one does. */
    private final Map<Slot, Long> generations = new EnumMap<>(Slot.class);
    private volatile boolean generationsKnown = true;

    /** @param known false: the slots report no card generation, as a reader that cannot tell */
    public void generationsKnown(boolean known) {
        generationsKnown = known;
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
        return ReaderStatus.online();
    }

    @Override
    public synchronized SlotState slot(Slot slot) {
        VirtualCard c = cards.get(slot);
        return new SlotState(slot, "sim " + slot, ReaderStatus.online(), c != null, c == null ? null : c.atr(),
                generationsKnown ? generations.getOrDefault(slot, 0L) : SlotState.UNKNOWN_GENERATION);
    }

    @Override
    public CardSession openSession(Slot slot, Duration wait) throws NhiException {
        ReentrantLock lock = locks.get(slot);
        try {
            if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new NhiException(ResultCode.READER_TIMEOUT, "slot busy");
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
            throw new NhiException(switch (slot) {
                case HC -> ResultCode.HC_NOT_PRESENT;
                case HPC -> ResultCode.HPC_NOT_PRESENT;
                case SAM -> ResultCode.SAM_NOT_PRESENT;
            }, "no card in " + slot);
        }
        return new CardSession() {
            private boolean closed;

            @Override
            public Slot slot() {
                return slot;
            }

            @Override
            public byte[] atr() {
                return card.atr();
            }

            @Override
            public ResponseApdu transmit(byte[] command) throws NhiException {
                synchronized (SimReaders.this) {
                    if (cards.get(slot) != card) {
                        throw new NhiException(slot == Slot.HC ? ResultCode.HC_NOT_PRESENT
                                : ResultCode.HPC_NOT_PRESENT, "the card left");
                    }
                }
                apdus.get(slot).incrementAndGet();
                byte[] answer = card.transmit(command);
                synchronized (SimReaders.this) {
                    int[] pull = pulls.get(slot);
                    if (pull != null && --pull[0] <= 0) {
                        pulls.remove(slot);
                        remove(slot);
                        if (pull[1] == 1) {
                            throw new NhiException(slot == Slot.HC ? ResultCode.HC_NOT_PRESENT
                                    : ResultCode.HPC_NOT_PRESENT, "the card left before answering");
                        }
                    }
                }
                return new ResponseApdu(answer);
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    lock.unlock();
                }
            }
        };
    }
}
