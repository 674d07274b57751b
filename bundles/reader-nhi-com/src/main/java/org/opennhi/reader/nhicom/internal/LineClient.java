// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The host end of the protocol on one open line. One request at a time, whoever calls (the line is shared by
 * all slots and the watcher), in arrival order. Each request gets a new SEQ; a response with another SEQ is
 * stale and dropped. When no proper answer comes in time, or the reader answers with an error frame, or a
 * broken frame arrives, the same bytes are sent again: the reader answers a repeated frame from its cache, so
 * a command never reaches a card twice.
 */
final class LineClient implements AutoCloseable {
    /** No answer after every attempt. */
    static final class NoAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        NoAnswer(String message) {
            super(message);
        }
    }

    /**
     * Every holder of the line gives it up in bounded time (the longest: a 120 s keypad entry), so this only
     * guards against a bug, never against a slow reader.
     */
    private static final long MAX_TURN_WAIT_MILLIS = 150_000;

    private final SerialIo io;
    private final FrameParser parser;
    private final long responseTimeoutMillis;
    private final int retries;
    private final ReentrantLock turn = new ReentrantLock(true);
    private volatile boolean waitingForPerson;
    /** Starts anywhere, so a reader's cached last request never matches a new connection's first. */
    private int seq = ThreadLocalRandom.current().nextInt(256);

    LineClient(SerialIo io, long responseTimeoutMillis, int retries, long frameTimeoutMillis) {
        this.io = io;
        this.parser = new FrameParser(io, frameTimeoutMillis);
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.retries = retries;
    }

    /**
     * Sends a request and waits for its response, sending it again after each failed attempt.
     *
     * @param cmd the command
     * @param payload the request payload
     * @return the response frame (CMD | 80) with its status byte first
     * @throws NoAnswer when no proper response came after every attempt
     * @throws IOException when the line is gone
     */
    WireFrame call(int cmd, byte... payload) throws NoAnswer, IOException {
        return call(cmd, 0, retries, payload);
    }

    /**
     * Sends a request that waits for a person (keypad entry) and is not sent again: once its own time is up,
     * the user has had their chance.
     *
     * @param extraMillis added to the response timeout
     */
    WireFrame callOnce(int cmd, long extraMillis, byte... payload) throws NoAnswer, IOException {
        waitingForPerson = true;
        try {
            return call(cmd, extraMillis, 0, payload);
        } finally {
            waitingForPerson = false;
        }
    }

    /**
     * @return true while a request that waits for a person (up to two minutes) is queued or running: a poll
     *         had better look next round than wait behind it. Short requests are simply waited for, in turn.
     */
    boolean waitingForPerson() {
        return waitingForPerson;
    }

    private WireFrame call(int cmd, long extraMillis, int retries, byte... payload) throws NoAnswer, IOException {
        try {
            if (!turn.tryLock(MAX_TURN_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new NoAnswer("the serial line stayed busy for " + MAX_TURN_WAIT_MILLIS + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted while waiting for the serial line");
        }
        try {
            seq = (seq + 1) & 0xFF;
            byte[] request = new WireFrame(seq, cmd, payload).encode();
            Attempt last = null;
            for (int attempt = 0; attempt <= retries; attempt++) {
                io.write(request);
                last = await(cmd, responseTimeoutMillis + extraMillis);
                if (last.answer() != null) {
                    return last.answer();
                }
            }
            throw new NoAnswer(last.failure() + " after " + (retries + 1) + " attempts of command "
                    + String.format("%02X", cmd));
        } finally {
            turn.unlock();
        }
    }

    /** One attempt's outcome: the answer, or why there was none. */
    private record Attempt(WireFrame answer, String failure) {
        static Attempt failed(String why) {
            return new Attempt(null, why);
        }
    }

    private Attempt await(int cmd, long timeoutMillis) throws IOException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            FrameParser.Result r = parser.next(end);
            if (r == null) {
                return Attempt.failed("no answer within " + timeoutMillis + " ms");
            }
            if (r.frame() == null) {
                // maybe our answer, broken on the way: ask again at once
                return Attempt.failed("a broken frame (" + r.broken() + ")");
            }
            WireFrame f = r.frame();
            if (f.cmd() == WireFrame.ERROR && (f.seq() == seq || f.seq() == 0)) {
                return Attempt.failed("error frame " + HexBytes.of(f.payload()) + " from the reader");
            }
            if (f.seq() == seq && f.cmd() == (cmd | WireFrame.RESPONSE) && f.payload().length > 0) {
                return new Attempt(f, null);
            }
            // stale: the answer to an earlier, given-up request
        }
    }

    @Override
    public void close() {
        io.close();
    }
}
