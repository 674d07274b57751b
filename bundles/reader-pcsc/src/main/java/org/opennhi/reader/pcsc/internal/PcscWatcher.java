// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc.internal;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;

import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the PC/SC readers on its own thread: which readers exist, which hold a card, the card's ATR and
 * kind. Survives readers unplugged and plugged back and the PC/SC service restarting; reports each change
 * as an event. A card becomes visible only once it is connected and its kind is known, so a session never
 * meets a half-seen card.
 */
final class PcscWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PcscWatcher.class);

    /** One reader as last seen. {@code card} is the shared connection used by sessions. */
    record Reader(String name, CardTerminal terminal, Card card, byte[] atr, CardKind kind) {
        boolean cardPresent() {
            return card != null;
        }
    }

    private final Map<String, Reader> readers = new ConcurrentHashMap<>();
    private final Consumer<ReaderEvent> events;
    private final Runnable changed;
    private final Thread thread;
    private volatile long watchMillis;
    private volatile String protocol;
    private volatile ReaderStatus status = new ReaderStatus(org.opennhi.contracts.reader.Availability.UNKNOWN,
            "starting");
    private volatile CardTerminals terminals;
    private volatile boolean running = true;
    private final Set<String> stale = ConcurrentHashMap.newKeySet();
    /**
     * Readers whose card could not be identified because an exchange failed (typically a card pulled or swapped
     * while it was being identified): identified again at every look until it works, or the slot it serves would
     * stay "no card" while the reader shows one.
     */
    private final Set<String> unidentified = ConcurrentHashMap.newKeySet();
    /**
     * One user per physical reader: a caller's session, a rescan, or this watcher probing the card. The reader
     * service already queues per slot; this also covers two slots sharing a reader (HPC fast authentication
     * with one reader).
     */
    private final Map<String, Semaphore> locks = new ConcurrentHashMap<>();
    private final Map<String, IoWorker> io = new ConcurrentHashMap<>();

    PcscWatcher(long watchMillis, String protocol, Consumer<ReaderEvent> events, Runnable changed) {
        this.watchMillis = watchMillis;
        this.protocol = protocol;
        this.events = events;
        this.changed = changed;
        this.thread = new Thread(this::loop, "opennhi-pcsc-watcher");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void configure(long watchMillis, String protocol) {
        this.watchMillis = watchMillis;
        this.protocol = protocol;
    }

    ReaderStatus status() {
        return status;
    }

    Map<String, Reader> readers() {
        return Map.copyOf(readers);
    }

    /** @return the thread that does a reader's card I/O */
    IoWorker io(String reader) {
        return io.computeIfAbsent(reader, IoWorker::new);
    }

    /** @return the lock of a reader; hold it while using the reader's card */
    Semaphore lock(String reader) {
        return locks.computeIfAbsent(reader, n -> new Semaphore(1, true));
    }

    /** A session found the card changed under it (removed, reset): look again at once. */
    void markStale(String reader) {
        stale.add(reader);
        thread.interrupt();
    }

    /**
     * Finds the kind of the card in a reader again, as an explicit rescan needs (a card swapped faster than
     * PC/SC noticed keeps its old kind otherwise). The caller holds the reader's lock.
     */
    synchronized void reidentify(String name) {
        Reader r = readers.get(name);
        if (r == null || r.card() == null) {
            return;
        }
        try {
            r.card().beginExclusive();
            try {
                readers.put(name, new Reader(name, r.terminal(), r.card(), r.atr(), kindOf(name, r.card())));
            } finally {
                r.card().endExclusive();
            }
        } catch (CardException | IllegalStateException e) {
            stale.add(name);
        }
    }

    /**
     * The card in a reader was swapped or reset behind PC/SC's back: connect to what is there now, find its
     * kind and report the change as a removal and an insertion. The caller holds the reader's lock.
     *
     * @return the reader with its new card, or null when no card can be reached
     */
    synchronized Reader refresh(String name) {
        Reader r = readers.get(name);
        if (r == null) {
            return null;
        }
        disconnect(r.card());
        stale.remove(name);
        if (r.cardPresent()) {
            readers.put(name, new Reader(name, r.terminal(), null, null, CardKind.UNKNOWN));
            emit(ReaderEvent.Type.CARD_REMOVED, name);
        }
        try {
            Card card = r.terminal().connect(protocol);
            Reader fresh = new Reader(name, r.terminal(), card, card.getATR().getBytes(), kindOf(name, card));
            readers.put(name, fresh);
            emit(ReaderEvent.Type.CARD_INSERTED, name);
            return fresh;
        } catch (CardException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readers.values().forEach(r -> disconnect(r.card()));
        readers.clear();
        io.values().forEach(IoWorker::close);
    }

    // --- the loop ---------------------------------------------------------------------------------------

    private void loop() {
        while (running) {
            try {
                lookOnce();
            } catch (CardException e) {
                serviceLost(e);
            } catch (NoSuchAlgorithmException | RuntimeException | LinkageError e) {
                // no PC/SC provider, or no pcsc-lite library: report it and keep trying
                serviceLost(e);
            }
            pause();
        }
    }

    /**
     * One look at every reader. Only calls that return at once: the JDK shares one PC/SC context between all
     * threads and pcsc-lite serialises calls on a context, so a blocking {@code waitForChange} here would hold
     * every APDU of every session until it timed out (measured: 19 ms per APDU instead of 0.2 ms).
     */
    private void lookOnce() throws CardException, NoSuchAlgorithmException {
        CardTerminals ts = terminals;
        if (ts == null) {
            ts = TerminalFactory.getInstance("PC/SC", null).terminals();
            terminals = ts;
        }
        List<CardTerminal> list = ts.list();
        Set<String> names = new HashSet<>();
        for (CardTerminal t : list) {
            names.add(t.getName());
            if (!readers.containsKey(t.getName())) {
                readers.put(t.getName(), new Reader(t.getName(), t, null, null, CardKind.UNKNOWN));
                emit(ReaderEvent.Type.READER_ATTACHED, t.getName());
            }
        }
        for (String gone : new ArrayList<>(readers.keySet())) {
            if (!names.contains(gone)) {
                Reader r = readers.remove(gone);
                unidentified.remove(gone);
                if (r != null && r.cardPresent()) {
                    disconnect(r.card());
                    emit(ReaderEvent.Type.CARD_REMOVED, gone);
                }
                emit(ReaderEvent.Type.READER_DETACHED, gone);
            }
        }
        setStatus(list.isEmpty() ? ReaderStatus.offline("no chip reader is connected") : ReaderStatus.online());
        for (CardTerminal t : list) {
            follow(t);
        }
        checkHandles();
    }

    private void follow(CardTerminal t) throws CardException {
        String name = t.getName();
        Reader r = readers.get(name);
        boolean present = t.isCardPresent();
        if (present && r != null && r.cardPresent() && !stale.contains(name) && unidentified.contains(name)) {
            Semaphore lock = lock(name);
            if (lock.tryAcquire()) {
                try {
                    identifyAgain(name);
                } finally {
                    lock.release();
                }
            }
        } else if (present && (r == null || !r.cardPresent() || stale.contains(name))) {
            Semaphore lock = lock(name);
            if (!lock.tryAcquire()) {
                // a session holds the reader: it refreshes a changed card itself before its first command
                return;
            }
            try {
                connectNew(t, readers.get(name));
            } finally {
                lock.release();
            }
        } else if (!present && r != null && r.cardPresent()) {
            disconnect(r.card());
            readers.put(name, new Reader(name, t, null, null, CardKind.UNKNOWN));
            stale.remove(name);
            unidentified.remove(name);
            emit(ReaderEvent.Type.CARD_REMOVED, name);
        }
    }

    /** Connects to a card just inserted, or to one swapped behind the old connection. Holds the reader's lock. */
    private synchronized void connectNew(CardTerminal t, Reader old) {
        String name = t.getName();
        stale.remove(name);
        if (old != null && old.cardPresent()) {
            // swapped within one look: report the old card gone first
            disconnect(old.card());
            readers.put(name, new Reader(name, t, null, null, CardKind.UNKNOWN));
            emit(ReaderEvent.Type.CARD_REMOVED, name);
        }
        Card card;
        try {
            card = t.connect(protocol);
        } catch (CardException e) {
            // pulled again at once, or mute: the next look decides
            LOG.debug("Could not connect to the card in {}: {}", name, e.toString());
            return;
        }
        readers.put(name, new Reader(name, t, card, card.getATR().getBytes(), kindOf(name, card)));
        emit(ReaderEvent.Type.CARD_INSERTED, name);
    }

    /** Tries again to identify a card whose identification failed. Holds the reader's lock. */
    private void identifyAgain(String name) {
        CardKind before;
        synchronized (this) {
            Reader r = readers.get(name);
            if (r == null || r.card() == null || !unidentified.contains(name)) {
                return;
            }
            before = r.kind();
            reidentify(name);
        }
        Reader now = readers.get(name);
        if (now != null && now.cardPresent() && now.kind() != before) {
            // the slot this card serves may only now be known: tell listeners where the card is
            emit(ReaderEvent.Type.CARD_INSERTED, name);
        }
    }

    /**
     * A card handle that no longer works means a card swapped between two looks. Only idle readers are probed
     * (a transaction begun and ended at once: no APDU); a running session finds out itself.
     */
    private void checkHandles() {
        for (Reader r : readers.values()) {
            Semaphore lock = lock(r.name());
            if (r.cardPresent() && lock.tryAcquire()) {
                try {
                    // PC/SC ties a transaction to its thread: begin and end it here, on the same one
                    r.card().beginExclusive();
                    r.card().endExclusive();
                } catch (CardException | IllegalStateException e) {
                    stale.add(r.name());
                } finally {
                    lock.release();
                }
            }
        }
    }

    /** @return the card's kind; a failed exchange leaves it UNKNOWN for now and marks it to be tried again */
    private CardKind kindOf(String name, Card card) {
        CardKind kind = identify(card);
        if (kind == null) {
            unidentified.add(name);
            return CardKind.UNKNOWN;
        }
        unidentified.remove(name);
        return kind;
    }

    /** @return the card's kind, UNKNOWN when no known application answers, or null when an exchange failed */
    private static CardKind identify(Card card) {
        for (CardKind kind : new CardKind[] {CardKind.HC, CardKind.HPC, CardKind.SAM}) {
            try {
                ByteBuffer answer = ByteBuffer.allocate(258);
                card.getBasicChannel().transmit(ByteBuffer.wrap(kind.selectCommand()), answer);
                int n = answer.position();
                if (n >= 2 && answer.get(n - 2) == (byte) 0x90 && answer.get(n - 1) == 0x00) {
                    return kind;
                }
            } catch (CardException | RuntimeException e) {
                return null;
            }
        }
        return CardKind.UNKNOWN;
    }

    private void serviceLost(Throwable e) {
        boolean gone = ContextReset.isContextGone(e);
        // a factory that cannot establish a context comes back as NoSuchAlgorithmException with the cause inside
        boolean noProvider = e instanceof NoSuchAlgorithmException && e.getCause() == null;
        String why = gone ? "the PC/SC service is not reachable (" + rootMessage(e) + ")"
                : e instanceof LinkageError ? "the PC/SC library cannot be loaded (" + e + ")"
                : noProvider ? "no PC/SC support in this Java runtime"
                : "PC/SC failed (" + rootMessage(e) + ")";
        if (gone) {
            // the JDK keeps its dead context forever: renew it, or nothing ever works again
            ContextReset.reset();
        }
        terminals = null;
        for (String name : new ArrayList<>(readers.keySet())) {
            Reader r = readers.remove(name);
            if (r.cardPresent()) {
                disconnect(r.card());
                emit(ReaderEvent.Type.CARD_REMOVED, name);
            }
            emit(ReaderEvent.Type.READER_DETACHED, name);
        }
        setStatus(ReaderStatus.offline(why));
    }

    private void setStatus(ReaderStatus next) {
        if (!next.equals(status)) {
            status = next;
            if (next.availability() != org.opennhi.contracts.reader.Availability.ONLINE) {
                LOG.warn("Chip readers offline: {}", next.reason());
            }
            events.accept(new ReaderEvent(ReaderEvent.Type.STATUS_CHANGED, null, "PC/SC", Instant.now()));
            changed.run();
        }
    }

    private void emit(ReaderEvent.Type type, String reader) {
        changed.run();
        events.accept(new ReaderEvent(type, null, reader, Instant.now()));
    }

    private void pause() {
        try {
            Thread.sleep(watchMillis);
        } catch (InterruptedException e) {
            // woken on purpose (a stale card, or close)
        }
    }

    private static void disconnect(Card card) {
        if (card != null) {
            try {
                card.disconnect(false);
            } catch (CardException | RuntimeException ignored) {
                // already gone with the card or the service
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
