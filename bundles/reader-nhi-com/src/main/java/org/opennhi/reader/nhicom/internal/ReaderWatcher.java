// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

import org.opennhi.contracts.reader.Availability;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the serial line to the reader open and watches its slots on its own thread: opens the port (again and
 * again while it is missing or held by another program), polls SLOT STATUS, powers each new card to learn its
 * ATR, and reports every change as an event. A line that stops answering or vanishes is closed and reopened.
 *
 * <p>Card generations: a card taken out of the reader loses power, and only this host powers cards. So a slot
 * the reader reports powered holds the card of our last POWER ON of it. Every POWER ON bumps the slot's
 * generation before it is sent, and {@link #observe} asks the reader for the slot's state at the moment of the
 * call: equal generations then prove the same card stayed in the slot, with no window.
 */
final class ReaderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderWatcher.class);
    private static final String NO_PORT = "no serial port is configured (set 'port' in configuration"
            + " opennhi.reader.nhicom)";

    /** One slot as last seen; {@code atr} is set while a powered card is present. */
    record SlotView(boolean present, byte[] atr) {
        static final SlotView EMPTY = new SlotView(false, null);
    }

    /** The open line and the name events carry. */
    record Connection(ReaderProtocol protocol, String readerName, String port) {
    }

    /** A slot as the reader showed it at the moment of the call, and its card generation. */
    record Observed(SlotView view, long generation) {
    }

    private final Consumer<ReaderEvent> events;
    private final Thread thread;
    private volatile LineSettings settings;
    private volatile boolean running = true;
    private volatile boolean lineLost;
    private volatile Connection connection;
    private volatile ReaderStatus status = new ReaderStatus(Availability.UNKNOWN, "starting");
    /** Why the port is not open: 9205 when it exists but cannot be opened, else 9204. */
    private volatile ResultCode offlineCode = ResultCode.NO_READER_OR_PCSC_ERROR;
    private volatile Map<Slot, SlotView> views = emptyViews();
    private final Object pause = new Object();
    private boolean woken;
    /** Held while slot states are read and acted on, so a look and a power-on never interleave. */
    private final Object looking = new Object();
    /** Per slot; never reset (not even by a reconnect), so a number never comes back for another card. */
    private final AtomicLongArray generations = new AtomicLongArray(Slot.values().length);

    ReaderWatcher(LineSettings settings, Consumer<ReaderEvent> events) {
        this.settings = settings;
        this.events = events;
        this.thread = new Thread(this::loop, "opennhi-nhicom-watcher");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Applies new settings; a changed port or line setting reopens the line. */
    void configure(LineSettings next) {
        LineSettings before = settings;
        if (next.equals(before)) {
            return; // e.g. the reader type was switched: nothing of ours changed
        }
        settings = next;
        if (!next.port().equals(before.port()) || next.baudRate() != before.baudRate()
                || next.responseTimeoutMillis() != before.responseTimeoutMillis() || next.retries() != before.retries()) {
            lineLost = true;
        }
        wake();
    }

    ReaderStatus status() {
        return status;
    }

    /** @return the port the open connection uses, or the one being tried */
    String port() {
        Connection c = connection;
        return c == null ? settings.port() : c.port();
    }

    SlotView view(Slot slot) {
        return views.get(slot);
    }

    /**
     * Asks the reader for the slot's state now (one SLOT STATUS round trip) and acts on it as a poll would: a
     * card gone or found unpowered under us is reported and a new card powered. The generation proves the card
     * only when the reader answered; otherwise (offline, the line failing, a keypad entry holding the line) it is
     * {@link SlotState#UNKNOWN_GENERATION}.
     */
    Observed observe(Slot slot) {
        Connection c = connection;
        if (c == null || c.protocol().waitingForPerson()) {
            return new Observed(views.get(slot), SlotState.UNKNOWN_GENERATION);
        }
        synchronized (looking) {
            try {
                if (c != connection) {
                    return new Observed(views.get(slot), SlotState.UNKNOWN_GENERATION);
                }
                apply(c, slot, c.protocol().slotStatus(slot));
                return new Observed(views.get(slot), generations.get(slot.ordinal()));
            } catch (NhiException e) {
                LOG.debug("Could not look at the {} slot: {}", slot, e.getMessage());
                return new Observed(views.get(slot), SlotState.UNKNOWN_GENERATION);
            }
        }
    }

    /** Bumps a slot's generation; called before each POWER ON, from whichever thread sends it. */
    void poweringOn(Slot slot) {
        generations.incrementAndGet(slot.ordinal());
    }

    /** @return the open line, or null while offline */
    Connection connection() {
        return connection;
    }

    /** @return the code a caller gets while the reader is offline: 9205 (port cannot be opened) or 9204 */
    ResultCode offlineCode() {
        return offlineCode;
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        disconnect(ReaderStatus.offline("the plugin stopped"));
    }

    // --- the loop ---------------------------------------------------------------------------------------

    private void loop() {
        while (running) {
            LineSettings s = settings;
            long pause = s.pollMillis();
            try {
                if (lineLost && connection != null) {
                    disconnect(ReaderStatus.offline("the line to the reader on " + s.port() + " failed"));
                }
                lineLost = false;
                if (connection == null) {
                    pause = connect(s) ? s.pollMillis() : s.reconnectMillis();
                } else {
                    poll(connection);
                }
            } catch (NhiException e) {
                disconnect(ReaderStatus.offline(e.getMessage()));
                pause = s.reconnectMillis();
            } catch (RuntimeException | LinkageError e) {
                // jSerialComm's native part may fail to load: report it and keep trying
                LOG.warn("Dedicated reader watcher: {}", e.toString());
                disconnect(ReaderStatus.offline("serial port support failed: " + e));
                pause = s.reconnectMillis();
            }
            sleep(pause);
        }
    }

    private boolean connect(LineSettings s) throws NhiException {
        if (s.port().isEmpty()) {
            offline(ResultCode.NO_READER_OR_PCSC_ERROR, NO_PORT);
            return false;
        }
        SerialIo io;
        try {
            io = PortOpener.open(s.port(), s.baudRate());
        } catch (PortOpener.PortException e) {
            offline(e.failure() == PortOpener.Failure.OPEN_FAILED ? ResultCode.READER_PORT_OPEN_FAILED
                    : ResultCode.NO_READER_OR_PCSC_ERROR, e.getMessage());
            return false;
        }
        ReaderProtocol protocol = new ReaderProtocol(
                new LineClient(io, s.responseTimeoutMillis(), s.retries(), LineSettings.FRAME_TIMEOUT_MILLIS),
                s.port(), () -> lineLost = true, this::poweringOn);
        String serial;
        try {
            serial = protocol.open();
        } catch (NhiException e) {
            protocol.close();
            offline(ResultCode.NO_READER_OR_PCSC_ERROR, "no dedicated reader answers on " + s.port() + ": "
                    + e.getMessage());
            return false;
        }
        String name = "NHI reader " + (serial.isEmpty() ? "" : serial + " ") + "on " + s.port();
        connection = new Connection(protocol, name, s.port());
        emit(ReaderEvent.Type.READER_ATTACHED, null);
        setStatus(ReaderStatus.online());
        poll(connection);
        return true;
    }

    private void poll(Connection c) throws NhiException {
        if (c.protocol().waitingForPerson()) {
            // a keypad entry may hold the line for two minutes: look next round
            return;
        }
        synchronized (looking) {
            Map<Slot, Integer> states = c.protocol().slotStatus();
            for (Slot slot : Slot.values()) {
                apply(c, slot, states.getOrDefault(slot, ReaderProtocol.EMPTY));
            }
        }
    }

    /** Acts on one slot's state as the reader reports it. Holds {@code looking}. */
    private void apply(Connection c, Slot slot, int state) throws NhiException {
        SlotView was = views.get(slot);
        if (state == ReaderProtocol.EMPTY && was.present()) {
            generations.incrementAndGet(slot.ordinal());
            put(slot, SlotView.EMPTY);
            emit(ReaderEvent.Type.CARD_REMOVED, slot);
        } else if (state == ReaderProtocol.PRESENT && was.present()) {
            // unpowered under a card we powered: it was swapped between two looks
            generations.incrementAndGet(slot.ordinal());
            put(slot, SlotView.EMPTY);
            emit(ReaderEvent.Type.CARD_REMOVED, slot);
            insert(c, slot);
        } else if (state != ReaderProtocol.EMPTY && !was.present()) {
            insert(c, slot);
        }
    }

    private void insert(Connection c, Slot slot) throws NhiException {
        byte[] atr;
        try {
            atr = c.protocol().powerOn(slot);
        } catch (NhiException e) {
            if (e.result() == ReaderProtocol.noCard(slot)) {
                return; // pulled again at once
            }
            throw e;
        }
        put(slot, new SlotView(true, atr));
        emit(ReaderEvent.Type.CARD_INSERTED, slot);
    }

    private void disconnect(ReaderStatus why) {
        Connection c = connection;
        connection = null;
        if (c != null) {
            c.protocol().close();
            for (Slot slot : Slot.values()) {
                if (views.get(slot).present()) {
                    put(slot, SlotView.EMPTY);
                    emit(ReaderEvent.Type.CARD_REMOVED, slot, c.readerName());
                }
            }
            emit(ReaderEvent.Type.READER_DETACHED, null, c.readerName());
        }
        views = emptyViews();
        offline(ResultCode.NO_READER_OR_PCSC_ERROR, why.reason());
    }

    private void offline(ResultCode code, String reason) {
        offlineCode = code;
        String text = code == ResultCode.READER_PORT_OPEN_FAILED ? reason + " [" + code.code() + "]" : reason;
        setStatus(ReaderStatus.offline(text));
    }

    private void setStatus(ReaderStatus next) {
        if (!next.equals(status)) {
            status = next;
            if (next.reason().equals(NO_PORT)) {
                // the usual state of a PC with chip readers only: nothing to warn about
                LOG.info("Dedicated reader offline: {}", next.reason());
            } else if (next.availability() != Availability.ONLINE) {
                LOG.warn("Dedicated reader offline: {}", next.reason());
            } else {
                LOG.info("Dedicated reader online on {}", settings.port());
            }
            emit(ReaderEvent.Type.STATUS_CHANGED, null);
        }
    }

    private synchronized void put(Slot slot, SlotView view) {
        Map<Slot, SlotView> next = new EnumMap<>(views);
        next.put(slot, view);
        views = next;
    }

    private void emit(ReaderEvent.Type type, Slot slot) {
        Connection c = connection;
        emit(type, slot, c == null ? "NHI reader on " + settings.port() : c.readerName());
    }

    private void emit(ReaderEvent.Type type, Slot slot, String readerName) {
        try {
            events.accept(new ReaderEvent(type, slot, readerName, Instant.now()));
        } catch (RuntimeException e) {
            LOG.warn("A reader event listener failed: {}", e.toString());
        }
    }

    /**
     * Waits between two rounds. Woken by {@link #wake()}, never by an interrupt: an interrupt landing in the
     * middle of an exchange would break the line under a running call.
     */
    private void sleep(long millis) {
        synchronized (pause) {
            if (!woken) {
                try {
                    pause.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    private void wake() {
        synchronized (pause) {
            woken = true;
            pause.notifyAll();
        }
    }

    private static Map<Slot, SlotView> emptyViews() {
        Map<Slot, SlotView> m = new EnumMap<>(Slot.class);
        for (Slot s : Slot.values()) {
            m.put(s, SlotView.EMPTY);
        }
        return m;
    }
}
