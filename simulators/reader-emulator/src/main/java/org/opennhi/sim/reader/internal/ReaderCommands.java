// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.reader.Keypad;
import org.opennhi.sim.reader.protocol.Command;
import org.opennhi.sim.reader.protocol.Frame;
import org.opennhi.sim.reader.protocol.FrameError;
import org.opennhi.sim.reader.protocol.Slot;
import org.opennhi.sim.reader.protocol.Status;

/** Runs one request frame against the reader's state and builds its response. */
public final class ReaderCommands {
    /** LEDs: power, SAM, HC, HPC. */
    public static final int LED_COUNT = 4;
    static final byte[] FIRMWARE = Arrays.copyOf("OPENNHI-EMU 1.0".getBytes(StandardCharsets.US_ASCII), 16);
    static final int VERSION = 1;
    private static final int MAX_PIN_SECONDS = 120;

    private final SlotBay slots;
    private final Keypad keypad;
    private final ReaderClock clock;
    private final String serial;
    private final int[] leds = new int[LED_COUNT];
    private volatile boolean open;

    public ReaderCommands(SlotBay slots, Keypad keypad, ReaderClock clock, String serial) {
        this.slots = slots;
        this.keypad = keypad;
        this.clock = clock;
        this.serial = serial;
    }

    /** @return LED states (0 off, 1 on, 2 blinking) */
    public synchronized int[] leds() {
        return leds.clone();
    }

    public boolean isOpen() {
        return open;
    }

    /** @return the response frame (never null) */
    public Frame handle(Frame request) throws InterruptedException {
        int cmd = request.cmd();
        byte[] p = request.payload();
        byte[] answer;
        switch (cmd) {
            case Command.OPEN -> answer = open();
            case Command.CLOSE, Command.SLOT_STATUS, Command.POWER_ON, Command.POWER_OFF, Command.TRANSMIT,
                    Command.PIN_ENTRY, Command.CLOCK_GET, Command.CLOCK_SET, Command.LED -> {
                answer = open ? session(cmd, p) : status(Status.NOT_OPEN);
            }
            default -> {
                return new Frame(request.seq(), Command.ERROR, new byte[] {FrameError.UNKNOWN_COMMAND});
            }
        }
        return new Frame(request.seq(), cmd | Command.RESPONSE_BIT, answer);
    }

    private byte[] session(int cmd, byte[] p) throws InterruptedException {
        return switch (cmd) {
            case Command.CLOSE -> close();
            case Command.SLOT_STATUS -> slotStatus(p);
            case Command.POWER_ON -> powerOn(p);
            case Command.POWER_OFF -> powerOff(p);
            case Command.TRANSMIT -> transmit(p);
            case Command.PIN_ENTRY -> pinEntry(p);
            case Command.CLOCK_GET -> p.length == 0 ? status(Status.OK, clock.wire()) : status(Status.BAD_PARAMETER);
            case Command.CLOCK_SET -> p.length == 14 && clock.set(p) ? status(Status.OK)
                    : status(Status.CLOCK_INVALID);
            case Command.LED -> led(p);
            default -> status(Status.BAD_PARAMETER);
        };
    }

    private byte[] open() {
        open = true;
        return status(Status.OK, concat(new byte[] {VERSION}, FIRMWARE,
                serial.getBytes(StandardCharsets.US_ASCII)));
    }

    private byte[] close() {
        slots.powerOffAll();
        open = false;
        return status(Status.OK);
    }

    private byte[] slotStatus(byte[] p) {
        if (p.length > 1) {
            return status(Status.BAD_PARAMETER);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (p.length == 1) {
            Slot s = Slot.of(p[0] & 0xFF);
            if (s == null) {
                return status(Status.BAD_SLOT);
            }
            out.write(s.number());
            out.write(slots.state(s));
        } else {
            for (Slot s : Slot.values()) {
                out.write(s.number());
                out.write(slots.state(s));
            }
        }
        return status(Status.OK, out.toByteArray());
    }

    private byte[] powerOn(byte[] p) {
        if (p.length != 1) {
            return status(Status.BAD_PARAMETER);
        }
        Slot s = Slot.of(p[0] & 0xFF);
        if (s == null) {
            return status(Status.BAD_SLOT);
        }
        byte[] atr = slots.powerOn(s);
        return atr == null ? status(Status.NO_CARD) : status(Status.OK, atr);
    }

    private byte[] powerOff(byte[] p) {
        if (p.length != 1) {
            return status(Status.BAD_PARAMETER);
        }
        Slot s = Slot.of(p[0] & 0xFF);
        if (s == null) {
            return status(Status.BAD_SLOT);
        }
        if (slots.card(s) == null) {
            return status(Status.NO_CARD);
        }
        slots.powerOff(s);
        return status(Status.OK);
    }

    private byte[] transmit(byte[] p) {
        if (p.length < 1 + 4) {
            return status(Status.BAD_PARAMETER);
        }
        Slot s = Slot.of(p[0] & 0xFF);
        if (s == null) {
            return status(Status.BAD_SLOT);
        }
        int cardState = slots.state(s);
        if (cardState == SlotBay.EMPTY) {
            return status(Status.NO_CARD);
        }
        VirtualCard card = slots.poweredCard(s);
        if (card == null) {
            return status(Status.NOT_POWERED);
        }
        byte[] response = card.transmit(Arrays.copyOfRange(p, 1, p.length));
        if (response.length + 1 > Frame.MAX_PAYLOAD) {
            return status(Status.BAD_PARAMETER);
        }
        return status(Status.OK, response);
    }

    /** Payload: slot, timeout seconds (1..120), min digits, max digits (4..6 … 8). */
    private byte[] pinEntry(byte[] p) throws InterruptedException {
        if (p.length != 4) {
            return status(Status.BAD_PARAMETER);
        }
        Slot s = Slot.of(p[0] & 0xFF);
        int seconds = p[1] & 0xFF;
        int min = p[2] & 0xFF;
        int max = p[3] & 0xFF;
        if (s == null) {
            return status(Status.BAD_SLOT);
        }
        if (seconds < 1 || seconds > MAX_PIN_SECONDS || min < 1 || max < min || max > 8) {
            return status(Status.BAD_PARAMETER);
        }
        if (slots.card(s) == null) {
            return status(Status.NO_CARD);
        }
        VirtualCard card = slots.poweredCard(s);
        if (card == null) {
            return status(Status.NOT_POWERED);
        }
        Keypad.Entry entry = keypad.read(Duration.ofSeconds(seconds));
        switch (entry.outcome()) {
            case CANCELLED -> {
                return status(Status.PIN_CANCELLED);
            }
            case TIMED_OUT -> {
                return status(Status.PIN_TIMEOUT);
            }
            default -> {
                // fall through to the card
            }
        }
        String digits = entry.digits();
        if (digits.length() < min || digits.length() > max || !digits.chars().allMatch(Character::isDigit)) {
            return status(Status.BAD_PARAMETER);
        }
        byte[] pin = digits.getBytes(StandardCharsets.US_ASCII);
        byte[] verify = concat(new byte[] {0x00, 0x20, 0x00, 0x01, (byte) pin.length}, pin);
        byte[] response = card.transmit(verify);
        Arrays.fill(verify, (byte) 0);
        return status(Status.OK, Arrays.copyOfRange(response, response.length - 2, response.length));
    }

    private synchronized byte[] led(byte[] p) {
        if (p.length != 2 || (p[0] & 0xFF) >= LED_COUNT || (p[1] & 0xFF) > 2) {
            return status(Status.BAD_PARAMETER);
        }
        leds[p[0] & 0xFF] = p[1] & 0xFF;
        return status(Status.OK);
    }

    static byte[] status(int status, byte[]... data) {
        return concat(new byte[] {(byte) status}, concat(data));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
