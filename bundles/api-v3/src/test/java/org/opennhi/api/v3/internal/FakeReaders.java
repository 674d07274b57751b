// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import java.time.Duration;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;

/** A reader service that only says which type serves and whether it is online (all the port gate asks). */
final class FakeReaders implements ReaderService {
    volatile String type;
    volatile ReaderStatus status;

    FakeReaders(String type, ReaderStatus status) {
        this.type = type;
        this.status = status;
    }

    @Override
    public String readerType() {
        return type;
    }

    @Override
    public ReaderStatus status() {
        return status;
    }

    @Override
    public SlotState slot(Slot slot) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CardSession openSession(Slot slot, Duration wait) {
        throw new UnsupportedOperationException();
    }
}
