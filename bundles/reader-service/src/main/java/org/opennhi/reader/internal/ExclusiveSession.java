// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.internal;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/**
 * What a caller holds: the plugin's session plus the slot's place in the queue. Closing it (once, from any
 * thread) ends the plugin session and lets the next caller in. The reader service revokes a session held
 * past its lease, so a caller that forgets to close cannot block a card for good.
 */
final class ExclusiveSession implements CardSession {
    private final CardSession delegate;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String revokedBecause;
    private volatile Future<?> lease;

    ExclusiveSession(CardSession delegate, Runnable release) {
        this.delegate = delegate;
        this.release = release;
    }

    @Override
    public Slot slot() {
        return delegate.slot();
    }

    @Override
    public byte[] atr() {
        return delegate.atr();
    }

    @Override
    public ResponseApdu transmit(byte[] command) throws NhiException {
        if (closed.get()) {
            String why = revokedBecause;
            throw new NhiException(ResultCode.READER_TIMEOUT,
                    why != null ? why : "the " + slot() + " session is already closed");
        }
        return delegate.transmit(command);
    }

    /** @param lease the task that ends the session when held too long; cancelled when the session closes */
    void lease(Future<?> lease) {
        this.lease = lease;
        if (closed.get()) {
            lease.cancel(false);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Future<?> l = lease;
            if (l != null) {
                l.cancel(false);
            }
            try {
                delegate.close();
            } finally {
                release.run();
            }
        }
    }

    /** Ends a session held too long; its next transmit answers 4000 with the reason. */
    void revoke(String reason) {
        revokedBecause = reason;
        close();
    }

    boolean isClosed() {
        return closed.get();
    }
}
