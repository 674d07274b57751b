// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.readersim.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.opennhi.contracts.platform.Listeners;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.readersim.SimReader;

/**
 * Two simulated chip readers (HC and HPC) in the JVM. Commands run on a worker thread so a card that never
 * answers (the conformance kit's mute card) costs the caller the command timeout and 4000, not a hang. The
 * device can be "unplugged" and "replugged", and can garble one answer, so the plugin's error paths are the
 * same ones a real reader exercises.
 */
public final class SimReaderPlugin implements ReaderPlugin, SimReader, AutoCloseable {
    /** Reader names as a PC/SC listing would show them. */
    static String readerName(Slot slot) {
        return "Open NHI simulated reader " + slot.name();
    }

    /** One slot of the device. Guarded by its own monitor. */
    private static final class Bay {
        final Slot slot;
        VirtualCard card;
        long generation;
        boolean mute;
        boolean garbleNext;

        Bay(Slot slot) {
            this.slot = slot;
        }
    }

    private final Map<Slot, Bay> bays = new EnumMap<>(Slot.class);
    private final Listeners<ReaderEventListener> listeners = new Listeners<>();
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "opennhi-sim-reader");
        t.setDaemon(true);
        return t;
    });
    private final Duration commandTimeout;
    private volatile boolean plugged = true;

    /** @param commandTimeout how long a command may take before the caller gets 4000 */
    public SimReaderPlugin(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
        bays.put(Slot.HC, new Bay(Slot.HC));
        bays.put(Slot.HPC, new Bay(Slot.HPC));
    }

    @Override
    public ReaderStatus status() {
        return plugged ? ReaderStatus.online() : ReaderStatus.offline("the simulated reader is unplugged");
    }

    @Override
    public SlotState slot(Slot slot) {
        Bay bay = bays.get(slot);
        if (bay == null) {
            return SlotState.unmapped(slot, "the simulated reader has no " + slot + " slot");
        }
        if (!plugged) {
            return new SlotState(slot, readerName(slot), status(), false, null);
        }
        synchronized (bay) {
            // the generation moves in the same step as the card, so the window of docs/card-engine.md is 0 here
            return new SlotState(slot, readerName(slot), ReaderStatus.online(), bay.card != null,
                    bay.card == null ? null : bay.card.atr(), bay.generation);
        }
    }

    @Override
    public CardSession openSession(Slot slot, Duration wait) throws NhiException {
        Bay bay = bays.get(slot);
        if (bay == null) {
            throw new NhiException(ResultCode.NO_READER_OR_PCSC_ERROR, "the simulated reader has no " + slot + " slot");
        }
        if (!plugged) {
            throw new NhiException(ResultCode.NO_READER_OR_PCSC_ERROR, "the simulated reader is unplugged");
        }
        synchronized (bay) {
            if (bay.card == null) {
                throw new NhiException(cardMissing(slot), "no card in " + readerName(slot));
            }
            return new Session(bay, bay.card, bay.generation);
        }
    }

    @Override
    public void addListener(ReaderEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ReaderEventListener listener) {
        listeners.remove(listener);
    }

    // --- hands on the device ---------------------------------------------------------------------------

    @Override
    public void insert(Slot slot, VirtualCard card) {
        Bay bay = bay(slot);
        boolean hadCard;
        synchronized (bay) {
            hadCard = bay.card != null;
            bay.card = card;
            bay.generation++;
            bay.mute = false;
            bay.garbleNext = false;
            bay.notifyAll();
        }
        if (hadCard) {
            fire(ReaderEvent.Type.CARD_REMOVED, slot);
        }
        card.reset();
        fire(ReaderEvent.Type.CARD_INSERTED, slot);
    }

    @Override
    public void remove(Slot slot) {
        Bay bay = bay(slot);
        boolean hadCard;
        synchronized (bay) {
            hadCard = bay.card != null;
            bay.card = null;
            bay.generation++;
            bay.mute = false;
            bay.notifyAll();
        }
        if (hadCard) {
            fire(ReaderEvent.Type.CARD_REMOVED, slot);
        }
    }

    @Override
    public Optional<String> cardIn(Slot slot) {
        Bay bay = bay(slot);
        synchronized (bay) {
            return Optional.ofNullable(bay.card).map(VirtualCard::number);
        }
    }

    /** The device goes away: every slot reads empty and offline. */
    void unplug() {
        plugged = false;
        bays.values().forEach(b -> {
            synchronized (b) {
                b.generation++; // the device powered its cards off: what comes back is "maybe another card"
                b.notifyAll();
            }
        });
        bays.keySet().forEach(s -> fire(ReaderEvent.Type.READER_DETACHED, s));
    }

    /** The device comes back with the cards it held. */
    void replug() {
        plugged = true;
        bays.keySet().forEach(s -> fire(ReaderEvent.Type.READER_ATTACHED, s));
    }

    /** The card in the slot stops answering until it is removed. */
    void mute(Slot slot) {
        Bay bay = bay(slot);
        synchronized (bay) {
            bay.mute = true;
        }
    }

    /** The next answer from the slot is one stray byte instead of an APDU response. */
    void garbleNextAnswer(Slot slot) {
        Bay bay = bay(slot);
        synchronized (bay) {
            bay.garbleNext = true;
        }
    }

    @Override
    public void close() {
        io.shutdownNow();
    }

    private Bay bay(Slot slot) {
        Bay bay = bays.get(slot);
        if (bay == null) {
            throw new IllegalArgumentException("the simulated reader has no " + slot + " slot");
        }
        return bay;
    }

    private void fire(ReaderEvent.Type type, Slot slot) {
        ReaderEvent event = new ReaderEvent(type, slot, readerName(slot), Instant.now());
        listeners.tell(l -> l.readerEvent(event));
    }

    static ResultCode cardMissing(Slot slot) {
        return switch (slot) {
            case HC -> ResultCode.HC_NOT_PRESENT;
            case HPC -> ResultCode.HPC_NOT_PRESENT;
            case SAM -> ResultCode.SAM_NOT_PRESENT;
        };
    }

    /** A session on the card that was in the slot when it opened; a swapped card ends it. */
    private final class Session implements CardSession {
        private final Bay bay;
        private final VirtualCard card;
        private final long generation;
        private volatile boolean closed;

        Session(Bay bay, VirtualCard card, long generation) {
            this.bay = bay;
            this.card = card;
            this.generation = generation;
        }

        @Override
        public Slot slot() {
            return bay.slot;
        }

        @Override
        public byte[] atr() {
            return card.atr();
        }

        @Override
        public ResponseApdu transmit(byte[] command) throws NhiException {
            if (closed) {
                throw new NhiException(ResultCode.READER_TIMEOUT, "the " + bay.slot + " session is closed");
            }
            if (command == null || command.length < 4) {
                throw new NhiException(ResultCode.BAD_PARAMETER, "a command APDU has at least 4 bytes");
            }
            byte[] apdu = command.clone();
            Future<byte[]> answer = io.submit(() -> exchange(apdu));
            byte[] bytes;
            try {
                bytes = answer.get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                answer.cancel(true);
                throw new NhiException(ResultCode.READER_TIMEOUT, "the card in " + readerName(bay.slot)
                        + " did not answer within " + commandTimeout.toMillis() + " ms");
            } catch (InterruptedException e) {
                answer.cancel(true);
                Thread.currentThread().interrupt();
                throw new NhiException(ResultCode.READER_TIMEOUT, "interrupted while waiting for the card");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof NhiException nhi) {
                    throw new NhiException(nhi.result(), nhi.getMessage());
                }
                throw new NhiException(ResultCode.NO_READER_OR_PCSC_ERROR, "the simulated reader failed: " + e.getCause());
            }
            if (bytes.length < 2) { // no status word: the card's read failed, as a dedicated reader reports it
                throw new NhiException(ResultCode.HC_IO_ERROR,
                        "the reader answered " + bytes.length + " byte(s), not an APDU response");
            }
            return new ResponseApdu(bytes);
        }

        private byte[] exchange(byte[] apdu) throws NhiException, InterruptedException {
            synchronized (bay) {
                checkCardStillThere();
                while (bay.mute) {
                    bay.wait(100);
                    checkCardStillThere();
                }
                if (bay.garbleNext) {
                    bay.garbleNext = false;
                    return new byte[] {(byte) 0x90};
                }
            }
            return card.transmit(apdu);
        }

        private void checkCardStillThere() throws NhiException {
            if (!plugged) {
                throw new NhiException(ResultCode.NO_READER_OR_PCSC_ERROR, "the simulated reader is unplugged");
            }
            if (bay.generation != generation) {
                throw new NhiException(cardMissing(bay.slot), "the card left " + readerName(bay.slot));
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
