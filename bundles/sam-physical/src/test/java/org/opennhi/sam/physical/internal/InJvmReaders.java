package org.opennhi.sam.physical.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.card.VirtualCardSession;

/**
 * Virtual cards in slots of this JVM behind the reader-service contract, one exclusive session per slot: the
 * SAM logic is tested on real virtual cards without a reader in between (the reader itself is covered by the
 * reader plugins' conformance kit and the integration tests).
 */
final class InJvmReaders implements ReaderService {
    private final Map<Slot, VirtualCard> cards = new EnumMap<>(Slot.class);
    private final Map<Slot, Semaphore> locks = new EnumMap<>(Slot.class);

    InJvmReaders() {
        for (Slot s : Slot.values()) {
            locks.put(s, new Semaphore(1, true));
        }
    }

    synchronized void insert(Slot slot, VirtualCard card) {
        cards.put(slot, card);
    }

    synchronized void remove(Slot slot) {
        cards.remove(slot);
    }

    @Override
    public String readerType() {
        return "in-jvm";
    }

    @Override
    public ReaderStatus status() {
        return ReaderStatus.online();
    }

    @Override
    public synchronized SlotState slot(Slot slot) {
        VirtualCard c = cards.get(slot);
        return new SlotState(slot, "in-jvm " + slot, ReaderStatus.online(), c != null, c == null ? null : c.atr());
    }

    @Override
    public CardSession openSession(Slot slot, Duration wait) throws NhiException {
        Semaphore lock = locks.get(slot);
        try {
            if (!lock.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
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
            lock.release();
            throw new NhiException(slot == Slot.SAM ? ResultCode.SAM_NOT_PRESENT : slot == Slot.HC
                    ? ResultCode.HC_NOT_PRESENT : ResultCode.HPC_NOT_PRESENT, "no card in " + slot);
        }
        VirtualCardSession inner = new VirtualCardSession(slot, card);
        return new CardSession() {
            private boolean closed;

            @Override
            public Slot slot() {
                return slot;
            }

            @Override
            public byte[] atr() {
                return inner.atr();
            }

            @Override
            public ResponseApdu transmit(byte[] command) {
                return inner.transmit(command);
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    lock.release();
                }
            }
        };
    }
}
