// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader;

import java.io.EOFException;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.reader.internal.ReaderClock;
import org.opennhi.sim.reader.internal.ReaderCommands;
import org.opennhi.sim.reader.internal.SlotBay;
import org.opennhi.sim.reader.protocol.Command;
import org.opennhi.sim.reader.protocol.Frame;
import org.opennhi.sim.reader.protocol.FrameError;
import org.opennhi.sim.reader.protocol.FrameReader;
import org.opennhi.sim.reader.protocol.Slot;
import org.opennhi.sim.reader.protocol.TimedInput;

/**
 * A dedicated NHI reader on a serial line: answers every frame of docs/serial-protocol.md, one at a time, on
 * its own thread. Broken input gets an error frame and the emulator goes on; a repeated request (same SEQ and
 * bytes as the last one) gets the cached response without running twice. Cards are inserted and removed at
 * any time from other threads.
 *
 * <pre>
 *   try (PtyPair pty = PtyPair.open(dir);
 *        ReaderEmulator reader = ReaderEmulator.onDevice(pty.readerEnd(), keypad, Clock.systemDefaultZone())) {
 *       reader.insert(Slot.SAM, world.card("900077777777"));
 *       reader.start();
 *       // the host opens pty.hostEnd() (jSerialComm: SerialPort.getCommPort(path))
 *   }
 * </pre>
 */
public final class ReaderEmulator implements AutoCloseable {
    /** Time allowed from a frame's STX to its ETX. */
    public static final long FRAME_TIMEOUT_MILLIS = 500;
    private static final Logger LOG = Logger.getLogger(ReaderEmulator.class.getName());

    private final TimedInput in;
    private final OutputStream out;
    private final SlotBay slots = new SlotBay();
    private final ReaderCommands commands;
    private final ReaderClock clock;
    private final FrameReader frames;
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean garbleNext;
    private Frame lastRequest;
    private Frame lastResponse;

    /**
     * @param in the line from the host
     * @param out the line to the host
     * @param keypad where PINs are typed
     * @param clock the base of the reader's clock
     * @param frameTimeoutMillis time allowed from STX to ETX ({@link #FRAME_TIMEOUT_MILLIS} normally)
     */
    public ReaderEmulator(InputStream in, OutputStream out, Keypad keypad, Clock clock, long frameTimeoutMillis) {
        this.in = new TimedInput(in, "reader-emulator-input");
        this.out = out;
        this.clock = new ReaderClock(clock);
        this.commands = new ReaderCommands(slots, keypad, this.clock, "EMU000000001");
        this.frames = new FrameReader(this.in, frameTimeoutMillis);
        this.thread = new Thread(this::serve, "reader-emulator");
        thread.setDaemon(true);
    }

    /**
     * Opens a device (one end of a socat pty pair, set to raw mode) for reading and writing.
     *
     * @param device the device path, e.g. the {@code link} socat made
     */
    public static ReaderEmulator onDevice(Path device, Keypad keypad, Clock clock) throws IOException {
        FileInputStream input = new FileInputStream(device.toFile());
        FileOutputStream output = new FileOutputStream(device.toFile());
        return new ReaderEmulator(input, output, keypad, clock, FRAME_TIMEOUT_MILLIS);
    }

    /** Starts answering. */
    public void start() {
        running = true;
        thread.start();
    }

    /** Puts a card in a slot (replacing any); it is unpowered until the host powers it. */
    public void insert(Slot slot, VirtualCard card) {
        slots.insert(slot, card);
    }

    /** Takes the card out of a slot. */
    public void remove(Slot slot) {
        slots.remove(slot);
    }

    /** @return the card in a slot, or null */
    public VirtualCard card(Slot slot) {
        return slots.card(slot);
    }

    /** @return LED states: power, SAM, HC, HPC (0 off, 1 on, 2 blinking) */
    public int[] leds() {
        return commands.leds();
    }

    /** @return the reader clock's current time */
    public LocalDateTime clock() {
        return clock.now();
    }

    /** @return how many well-formed requests were answered */
    public long handled() {
        return handled.get();
    }

    /** @return how many error frames were sent */
    public long errors() {
        return errors.get();
    }

    /**
     * Fault injection: the next answer leaves with a broken CRC, as line noise would hit it. The retry cache
     * keeps the real answer, so a host that sends the same frame again gets it without the command running twice.
     */
    public void garbleNextAnswer() {
        garbleNext = true;
    }

    /** @return the slots, LEDs, clock and counters as text */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (Slot s : Slot.values()) {
            VirtualCard c = card(s);
            b.append(String.format("%-3s slot: %s%n", s, c == null ? "empty" : c.kind() + " " + c.number()));
        }
        int[] l = leds();
        b.append(String.format("LEDs power/SAM/HC/HPC: %d %d %d %d; clock %s; %d requests, %d error frames%n", l[0],
                l[1], l[2], l[3], clock(), handled(), errors()));
        return b.toString();
    }

    /** @return true while the answering thread runs */
    public boolean alive() {
        return thread.isAlive();
    }

    private void serve() {
        try {
            while (running) {
                FrameReader.Result r = frames.next(200);
                if (r == null) {
                    continue;
                }
                if (r.frame() == null) {
                    errors.incrementAndGet();
                    write(new Frame(r.seq(), Command.ERROR, new byte[] {(byte) r.error()}));
                    continue;
                }
                write(answer(r.frame()));
            }
        } catch (EOFException e) {
            LOG.fine("serial line closed");
        } catch (IOException e) {
            LOG.log(Level.WARNING, "serial line failed: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
    }

    private Frame answer(Frame request) throws InterruptedException {
        // OPEN starts a new host session: never a cached answer, so a restarted host cannot be served a stale one
        if (request.cmd() != Command.OPEN && request.equals(lastRequest)) {
            return lastResponse;
        }
        Frame response;
        if (request.isResponse()) {
            errors.incrementAndGet();
            response = new Frame(request.seq(), Command.ERROR, new byte[] {FrameError.UNKNOWN_COMMAND});
        } else {
            try {
                response = commands.handle(request);
                handled.incrementAndGet();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "command {0} failed: {1}", new Object[] {request.cmd(), e.toString()});
                response = new Frame(request.seq(), request.cmd() | Command.RESPONSE_BIT,
                        new byte[] {(byte) org.opennhi.sim.reader.protocol.Status.BAD_PARAMETER});
            }
        }
        lastRequest = request;
        lastResponse = response;
        return response;
    }

    private void write(Frame f) throws IOException {
        byte[] bytes = f.encode();
        if (garbleNext) {
            garbleNext = false;
            bytes[bytes.length - 2] ^= 0x5A; // the CRC, as line noise would hit it
        }
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            in.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            out.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
