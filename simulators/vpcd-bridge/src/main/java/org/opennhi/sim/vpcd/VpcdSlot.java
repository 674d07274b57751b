// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.vpcd;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.vpcd.internal.QuickAck;
import org.opennhi.sim.vpcd.internal.VpcdProtocol;

/**
 * One vpcd reader slot: while a card is inserted, this slot keeps a TCP connection to vpcd's port, which
 * pcscd sees as a card present in the reader; removing the card closes the connection. When vpcd is not
 * listening yet (pcscd not started, or restarting) the slot retries every 200 ms until the card is removed.
 * After a removal the slot stays empty for {@link #REMOVAL_GAP_MS} before the next card connects, so pcscd
 * always sees a swap as a removal and an insertion.
 * Thread-safe.
 */
public final class VpcdSlot implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(VpcdSlot.class.getName());
    private static final int RETRY_MS = 200;
    /**
     * How long a slot stays empty after a removal before the next card connects. pcscd polls vpcd about every
     * 400 ms; a swap faster than a poll would look to pcscd like the same card still present, with a stale
     * ATR and dead card handles, so a swap always shows as a removal and then an insertion.
     */
    public static final long REMOVAL_GAP_MS = 900;

    private final InetSocketAddress vpcd;
    private final long removalGapMs;
    private final AtomicLong apdus = new AtomicLong();
    private VirtualCard card;
    private Thread worker;
    private Socket socket;
    private boolean connected;
    private long removedAt = System.nanoTime() - REMOVAL_GAP_MS * 1_000_000L * 2;

    /**
     * @param host where vpcd (inside pcscd) listens, usually localhost
     * @param port its port: 35963 for "Virtual PCD 00 00", 35964 for "... 00 01" with Debian's configuration
     */
    public VpcdSlot(String host, int port) {
        this(host, port, REMOVAL_GAP_MS);
    }

    /**
     * @param removalGapMs how long the slot stays empty after a removal; 0 lets a swap happen faster than
     *        pcscd polls, as a hurried person at a real reader may do (tests of quick swaps)
     */
    public VpcdSlot(String host, int port, long removalGapMs) {
        if (removalGapMs < 0) {
            throw new IllegalArgumentException("removal gap must not be negative");
        }
        this.vpcd = new InetSocketAddress(Objects.requireNonNull(host, "host"), port);
        this.removalGapMs = removalGapMs;
    }

    /** @return the vpcd address this slot connects to */
    public InetSocketAddress address() {
        return vpcd;
    }

    /** @return the inserted card, or null */
    public synchronized VirtualCard card() {
        return card;
    }

    /** @return true while a card is inserted and vpcd holds its connection */
    public synchronized boolean connected() {
        return connected;
    }

    /** @return how many APDUs this slot has served */
    public long apduCount() {
        return apdus.get();
    }

    /**
     * Inserts a card; a card already in the slot is removed first (a swap).
     *
     * @param newCard the card to insert
     */
    public void insert(VirtualCard newCard) {
        Objects.requireNonNull(newCard, "card");
        while (true) {
            remove();
            synchronized (this) {
                if (worker != null) {
                    continue; // another thread inserted meanwhile: take that card out first
                }
                card = newCard;
                newCard.reset();
                Thread t = new Thread(() -> serve(newCard), "vpcd-" + vpcd.getPort());
                t.setDaemon(true);
                worker = t;
                t.start();
                return;
            }
        }
    }

    /** Removes the card, if any: pcscd sees the removal on its next poll. */
    public void remove() {
        Thread t;
        synchronized (this) {
            t = worker;
            if (t == null) {
                return;
            }
            worker = null;
            card = null;
            removedAt = System.nanoTime();
            connected = false;
            closeSocket();
            notifyAll();
        }
        t.interrupt();
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until vpcd has accepted the inserted card's connection.
     *
     * @return true when connected within the timeout
     */
    public synchronized boolean awaitConnected(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!connected) {
            long left = end - System.nanoTime();
            if (left <= 0 || worker == null) {
                return connected;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    @Override
    public void close() {
        remove();
    }

    private void serve(VirtualCard served) {
        if (!waitOutRemovalGap()) {
            return;
        }
        while (isCurrent(served)) {
            try (Socket s = new Socket()) {
                // known before connecting: a removal must be able to abort a connect that vpcd has not accepted
                // yet (its backlog is full while pcscd has not polled), or the removal waits for TCP's retry
                if (!register(served, s)) {
                    return;
                }
                s.connect(vpcd, 1000);
                s.setTcpNoDelay(true);
                if (!attach(served, s)) {
                    return;
                }
                DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
                OutputStream out = s.getOutputStream();
                while (isCurrent(served)) {
                    byte[] reply = VpcdProtocol.serveOne(in, out, served);
                    if (reply != null) {
                        QuickAck.set(s);
                        apdus.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "vpcd connection on port {0} ended: {1}",
                        new Object[] {vpcd.getPort(), e.getMessage()});
            } finally {
                detach();
            }
            if (!pause()) {
                return;
            }
        }
    }

    private synchronized boolean isCurrent(VirtualCard served) {
        return card == served && worker == Thread.currentThread();
    }

    private synchronized boolean register(VirtualCard served, Socket s) {
        if (!isCurrent(served)) {
            return false;
        }
        socket = s;
        return true;
    }

    private synchronized boolean attach(VirtualCard served, Socket s) {
        if (!isCurrent(served)) {
            return false;
        }
        socket = s;
        connected = true;
        notifyAll();
        return true;
    }

    /** Only the current worker's own connection is forgotten: a removed worker never clears its successor's. */
    private synchronized void detach() {
        if (worker == Thread.currentThread()) {
            connected = false;
            socket = null;
        }
    }

    private synchronized void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }

    private boolean waitOutRemovalGap() {
        long wait;
        synchronized (this) {
            wait = removalGapMs - (System.nanoTime() - removedAt) / 1_000_000L;
        }
        if (wait <= 0) {
            return true;
        }
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(RETRY_MS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
