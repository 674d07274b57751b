// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;

/** An in-memory plugin that records which sessions it served, for the front's pure-logic tests. */
class FakePlugin implements ReaderPlugin {
    final String name;
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<ReaderEventListener> listeners = new CopyOnWriteArrayList<>();
    volatile RuntimeException statusFailure;
    volatile Error openFailure;

    FakePlugin(String name) {
        this.name = name;
    }

    @Override
    public ReaderStatus status() {
        if (statusFailure != null) {
            throw statusFailure;
        }
        return ReaderStatus.online();
    }

    @Override
    public Map<Slot, SlotState> slots() {
        Map<Slot, SlotState> m = new EnumMap<>(Slot.class);
        for (Slot s : new Slot[] {Slot.HC, Slot.HPC}) {
            m.put(s, slot(s));
        }
        return m;
    }

    @Override
    public SlotState slot(Slot slot) {
        return new SlotState(slot, name + "-" + slot, ReaderStatus.online(), true, new byte[] {0x3B});
    }

    @Override
    public CardSession openSession(Slot slot, Duration wait) {
        if (openFailure != null) {
            throw openFailure;
        }
        log.add("open " + slot);
        return new CardSession() {
            @Override
            public Slot slot() {
                return slot;
            }

            @Override
            public byte[] atr() {
                return new byte[] {0x3B};
            }

            @Override
            public ResponseApdu transmit(byte[] command) {
                log.add("apdu " + slot + " " + command[0]);
                return new ResponseApdu(new byte[] {(byte) 0x90, 0});
            }

            @Override
            public void close() {
                log.add("close " + slot);
            }
        };
    }

    void fire(ReaderEvent.Type type) {
        listeners.forEach(l -> l.readerEvent(new ReaderEvent(type, Slot.HC, name, Instant.now())));
    }

    @Override
    public void addListener(ReaderEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ReaderEventListener listener) {
        listeners.remove(listener);
    }
}
