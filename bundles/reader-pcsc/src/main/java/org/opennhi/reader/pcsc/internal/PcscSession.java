// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/**
 * One caller's turn with a card, over the connection the watcher keeps; command bytes go to the card exactly
 * as given. Exclusivity comes from the reader's lock, not from a PC/SC transaction: the JDK binds a
 * transaction to the thread that began it, and a session may end on another thread (its lease runs out), which
 * would leave the card locked for everyone. Other programs on the PC therefore share the reader (no sharing
 * violations), and our own calls never interleave.
 */
final class PcscSession implements CardSession {
    private final Slot slot;
    private final String reader;
    private Card card;
    private byte[] atr;
    private boolean sentAny;
    private final PcscWatcher watcher;
    private final Runnable release;
    private final IoWorker io;
    private final long answerTimeoutMillis;
    private boolean closed;

    PcscSession(Slot slot, String reader, Card card, byte[] atr, PcscWatcher watcher, Runnable release, IoWorker io,
            long answerTimeoutMillis) {
        this.io = io;
        this.answerTimeoutMillis = answerTimeoutMillis;
        this.slot = slot;
        this.reader = reader;
        this.card = card;
        this.atr = atr;
        this.watcher = watcher;
        this.release = release;
        io.engage(); // the I/O thread wakes while the caller prepares its first command
    }

    @Override
    public Slot slot() {
        return slot;
    }

    @Override
    public synchronized byte[] atr() {
        return atr.clone();
    }

    @Override
    public synchronized ResponseApdu transmit(byte[] command) throws NhiException {
        if (closed) {
            throw new NhiException(ResultCode.READER_TIMEOUT, "the " + slot + " session is closed");
        }
        if (command == null || command.length < 4) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "a command APDU has at least 4 bytes");
        }
        try {
            ResponseApdu response;
            try {
                response = send(command);
            } catch (CardException | IllegalStateException e) {
                if (sentAny || !isCardChanged(e)) {
                    throw e;
                }
                // nothing of this session reached a card yet: the card was swapped before the session began
                PcscWatcher.Reader fresh = watcher.refresh(reader);
                if (fresh == null) {
                    throw e;
                }
                card = fresh.card();
                atr = fresh.atr();
                response = send(command);
            }
            sentAny = true;
            return response;
        } catch (MuteCard e) {
            throw new NhiException(ResultCode.READER_TIMEOUT, "the card in " + reader + " did not answer within "
                    + answerTimeoutMillis + " ms: " + e.getMessage());
        } catch (MalformedAnswer e) {
            throw new NhiException(ResultCode.HC_IO_ERROR, "the card in " + reader + " " + e.getMessage());
        } catch (CardException | IllegalStateException e) {
            watcher.markStale(reader);
            throw new NhiException(PcscReaderPlugin.cardMissing(slot),
                    "the card in " + reader + " did not answer: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "not a valid command APDU: " + e.getMessage(), e);
        }
    }

    private ResponseApdu send(byte[] command) throws CardException {
        try {
            return io.call(() -> {
                ByteBuffer answer = io.answerBuffer();
                answer.clear();
                card.getBasicChannel().transmit(ByteBuffer.wrap(command), answer);
                if (answer.position() < 2) {
                    throw new MalformedAnswer(answer.position());
                }
                return new ResponseApdu(Arrays.copyOf(answer.array(), answer.position()));
            }, answerTimeoutMillis);
        } catch (CardException | RuntimeException e) {
            throw e;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new MuteCard(e.getMessage());
        } catch (Exception e) {
            throw new CardException(e);
        }
    }

    /** The card did not answer in time; no retry, no stale marking: it is still there, just silent. */
    private static final class MuteCard extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MuteCard(String message) {
            super(message);
        }
    }

    /** The answer had no status word: the read failed (4043), it is not the caller's command that was wrong. */
    private static final class MalformedAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedAnswer(int length) {
            super("answered " + length + " byte(s), not a response APDU");
        }
    }

    private static boolean isCardChanged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("SCARD_W_REMOVED_CARD") || m.contains("SCARD_W_RESET_CARD")
                    || m.contains("Card has been removed")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            io.disengage();
            release.run();
        }
    }
}
