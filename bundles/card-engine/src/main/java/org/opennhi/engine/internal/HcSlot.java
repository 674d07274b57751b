// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.engine.PinSource;

/**
 * The HC's reader slot: one HC operation at a time (the HC lock), each inside one exclusive reader session;
 * what was read is kept in {@link HcState} until the reader reports the card gone. The SAM's secure channel
 * lives in that state, so it stays with the card between operations.
 */
final class HcSlot implements HcAccess {
    private final ReaderService readers;
    private final SamService sam;
    private final Duration wait;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile HcState hc = new HcState();
    /** What cache hits answer from without the HC lock: a copy of {@link #hc} published after each operation. */
    private volatile HcState snapshot = new HcState();
    /** 1.15's 3 (with an HPC) or 5 (with the IDC) once this card reached it; 0 before. Gone with the card. */
    private volatile int confirmed;
    /** The card in the HC's reader refused the HC applet (1.15: 9). Gone with the card. */
    private volatile boolean notAnHc;

    HcSlot(ReaderService readers, SamService sam, Duration wait) {
        this.readers = Objects.requireNonNull(readers, "readers");
        this.sam = Objects.requireNonNull(sam, "sam");
        this.wait = Objects.requireNonNull(wait, "wait");
    }

    /** The card left its reader, another came in, or a reset: nothing of the previous one carries over. */
    void cardChanged() {
        hc = new HcState();
        confirmed = 0;
        notAnHc = false;
    }

    /**
     * @return 1.15's value when a card is present: 9 not an HC, 5 confirmed by the IDC, 4 PIN verified,
     *         3 authenticated with an HPC, 2 authenticated with the SAM, 1 inserted — the furthest step reached
     */
    int light() {
        if (notAnHc) {
            return 9;
        }
        HcState h = hc;
        return Math.max(confirmed, h.pinVerified ? 4 : h.authenticated ? 2 : 1);
    }

    @Override
    public void confirmed(int step) {
        confirmed = Math.max(confirmed, step);
    }

    @Override
    public void forget(boolean untilReinserted) {
        HcState fresh = new HcState();
        fresh.reinsertNeeded = untilReinserted;
        hc = fresh;
        confirmed = 0;
    }

    @Override
    public <T> T read(PinSource pin, Work<T> work) throws NhiException {
        return onHc(pin, true, work);
    }

    @Override
    public <T> T session(PinSource pin, Work<T> work) throws NhiException {
        return onHc(pin, false, work);
    }

    /**
     * Runs one operation on the HC. The cache answers only for the card it belongs to: the reader's card
     * generation (SlotState#cardGeneration) must be the one the cache was filled under, at the moment of the
     * call — a reader event arriving late cannot make it answer for the previous patient. A reader that cannot
     * tell generations gets the card's identity checked (SELECT and the public basic profile) before any cached
     * answer. Cache hits read a published snapshot without the lock; card I/O holds the exclusive HC lock.
     */
    private <T> T onHc(PinSource pin, boolean cacheFirst, Work<T> work) throws NhiException {
        if (cacheFirst) {
            HcState snap = snapshot;
            if (!snap.areas.isEmpty() && !snap.reinsertNeeded) {
                SlotState slot = readers.slot(Slot.HC);
                if (slot.cardPresent() && slot.cardGeneration() != SlotState.UNKNOWN_GENERATION
                        && slot.cardGeneration() == snap.generation) {
                    try {
                        T answer = work.run(new HcConversation(null, sam, snap.snapshot(), PinSource.none()));
                        CallMeter.hc(snap);
                        return answer;
                    } catch (HcConversation.NeedsCard e) {
                        // not all in the cache: ask the card
                    }
                }
            }
        }
        lock.lock();
        try {
            HcState state = hc;
            if (state.reinsertNeeded) {
                throw new NhiException(ResultCode.HC_NOT_PRESENT, "the card was updated without a reset "
                        + "(csUpdateHCNoReset): take it out and insert it again");
            }
            SlotState slot = readers.slot(Slot.HC);
            if (!slot.cardPresent() && !state.areas.isEmpty()) {
                hc = new HcState();
                throw new NhiException(ResultCode.HC_NOT_PRESENT, "no HC in its reader");
            }
            boolean known = slot.cardGeneration() != SlotState.UNKNOWN_GENERATION;
            if (known && slot.cardGeneration() != state.generation && !state.areas.isEmpty()) {
                state = hc = new HcState(); // another card, or the same one out and back in: nothing carries over
            }
            if (state.areas.isEmpty()) {
                state.generation = slot.cardGeneration();
            }
            if (cacheFirst && known && !state.areas.isEmpty()) {
                try {
                    return work.run(new HcConversation(null, sam, state, PinSource.none()));
                } catch (HcConversation.NeedsCard e) {
                    // not all in the cache: ask the card
                }
            }
            try (CardSession session = CallMeter.metered(readers.openSession(Slot.HC, wait))) {
                if (!known && !state.areas.isEmpty() && !HcConversation.sameCard(session, state)) {
                    state = hc = new HcState();
                }
                T answer = work.run(new HcConversation(session, sam, state, pin));
                notAnHc = false;
                return answer;
            } catch (NhiException e) {
                if (e.result() == ResultCode.HC_NOT_PRESENT || e.result() == ResultCode.NO_READER_OR_PCSC_ERROR) {
                    hc = new HcState();
                }
                notAnHc = e.result() == ResultCode.NOT_AN_HC;
                throw e;
            }
        } finally {
            CallMeter.hc(hc);
            snapshot = hc.snapshot();
            lock.unlock();
        }
    }
}
