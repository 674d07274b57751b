// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/**
 * One caller's turn with the card in a slot of the dedicated reader; command bytes go to the card as given.
 * The slot's lock gives the turn; the line's own lock keeps each request alone on the wire.
 */
final class NhiComSession implements CardSession {
    private final Slot slot;
    private final byte[] atr;
    private final ReaderProtocol protocol;
    private final Runnable release;
    private boolean closed;

    NhiComSession(Slot slot, byte[] atr, ReaderProtocol protocol, Runnable release) {
        this.slot = slot;
        this.atr = atr.clone();
        this.protocol = protocol;
        this.release = release;
    }

    @Override
    public Slot slot() {
        return slot;
    }

    @Override
    public byte[] atr() {
        return atr.clone();
    }

    @Override
    public synchronized ResponseApdu transmit(byte[] command) throws NhiException {
        if (closed) {
            throw new NhiException(ResultCode.READER_TIMEOUT, "the " + slot + " session is closed");
        }
        return protocol.transmit(slot, command);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }
}
