// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/**
 * The commands of docs/serial-protocol.md over one open line, with the reader's status bytes turned into NHI
 * result codes. A line that fails is reported to {@code lineLost} (the watcher reconnects) and gives 9204.
 */
final class ReaderProtocol implements AutoCloseable {
    static final int OPEN = 0x01;
    static final int SLOT_STATUS = 0x10;
    static final int POWER_ON = 0x11;
    static final int TRANSMIT = 0x13;
    static final int PIN_ENTRY = 0x20;
    static final int CLOCK_GET = 0x30;
    static final int CLOCK_SET = 0x31;

    /** Slot states on the wire. */
    static final int EMPTY = 0;
    static final int PRESENT = 1;
    static final int POWERED = 2;

    private static final int OK = 0x00;
    private static final int NO_CARD = 0x10;
    private static final int NOT_POWERED = 0x11;
    private static final int BAD_SLOT = 0x12;
    private static final int BAD_PARAMETER = 0x13;
    private static final int NOT_OPEN = 0x20;
    private static final int PIN_CANCELLED = 0x30;
    private static final int PIN_TIMEOUT = 0x31;
    private static final int CLOCK_INVALID = 0x40;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private final LineClient line;
    private final String port;
    private final Runnable lineLost;
    private final java.util.function.Consumer<Slot> poweringOn;

    /**
     * @param poweringOn told before every POWER ON is sent: a card powered now may be another card than the one
     *        powered before, so the slot's card generation must change before the card can answer
     */
    ReaderProtocol(LineClient line, String port, Runnable lineLost, java.util.function.Consumer<Slot> poweringOn) {
        this.line = line;
        this.port = port;
        this.lineLost = lineLost;
        this.poweringOn = poweringOn;
    }

    ReaderProtocol(LineClient line, String port, Runnable lineLost) {
        this(line, port, lineLost, slot -> { });
    }

    /** @return the reader's serial number, after OPEN */
    String open() throws NhiException {
        WireFrame f = expectOk(call(OPEN), null, "OPEN");
        byte[] d = f.data();
        return d.length >= 29 ? new String(d, 17, 12, StandardCharsets.US_ASCII).trim() : "";
    }

    /** @return the state of every slot the reader reports */
    Map<Slot, Integer> slotStatus() throws NhiException {
        byte[] d = expectOk(call(SLOT_STATUS), null, "SLOT STATUS").data();
        Map<Slot, Integer> states = new EnumMap<>(Slot.class);
        for (int i = 0; i + 1 < d.length; i += 2) {
            Slot s = slot(d[i] & 0xFF);
            if (s != null) {
                states.put(s, d[i + 1] & 0xFF);
            }
        }
        return states;
    }

    /** @return the state of one slot now (EMPTY, PRESENT or POWERED) */
    int slotStatus(Slot slot) throws NhiException {
        byte[] d = expectOk(call(SLOT_STATUS, number(slot)), slot, "SLOT STATUS").data();
        for (int i = 0; i + 1 < d.length; i += 2) {
            if (slot(d[i] & 0xFF) == slot) {
                return d[i + 1] & 0xFF;
            }
        }
        return EMPTY;
    }

    /** Powers the card on (cold reset). @return its ATR */
    byte[] powerOn(Slot slot) throws NhiException {
        poweringOn.accept(slot);
        return expectOk(call(POWER_ON, number(slot)), slot, "POWER ON").data();
    }

    /** Sends an APDU; a card found unpowered (reset behind our back) is powered and asked once more. */
    ResponseApdu transmit(Slot slot, byte[] apdu) throws NhiException {
        if (apdu == null || apdu.length < 4 || apdu.length >= WireFrame.MAX_PAYLOAD) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "a command APDU has 4 to "
                    + (WireFrame.MAX_PAYLOAD - 1) + " bytes");
        }
        byte[] payload = new byte[apdu.length + 1];
        payload[0] = number(slot);
        System.arraycopy(apdu, 0, payload, 1, apdu.length);
        WireFrame f = call(TRANSMIT, payload);
        if (f.status() == NOT_POWERED) {
            powerOn(slot);
            f = call(TRANSMIT, payload);
        }
        byte[] answer = expectOk(f, slot, "TRANSMIT").data();
        if (answer.length < 2) {
            throw new NhiException(ResultCode.HC_IO_ERROR, "the reader on " + port + " gave a malformed answer from"
                    + " the " + slot + " card (" + answer.length + " bytes, no status word)");
        }
        return new ResponseApdu(answer);
    }

    /** @return the card's status word after a PIN typed on the keypad (the PIN itself never comes here) */
    int pinEntry(Slot slot, int seconds, int minDigits, int maxDigits) throws NhiException {
        if (seconds < 1 || seconds > 120 || minDigits < 1 || maxDigits < minDigits || maxDigits > 8) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "keypad entry takes 1 to 120 s and 1 to 8 digits");
        }
        WireFrame f;
        try {
            f = line.callOnce(PIN_ENTRY, seconds * 1000L,
                    number(slot), (byte) seconds, (byte) minDigits, (byte) maxDigits);
        } catch (LineClient.NoAnswer e) {
            throw new NhiException(ResultCode.READER_TIMEOUT, "the reader on " + port + " did not finish the keypad"
                    + " entry: " + e.getMessage());
        } catch (IOException e) {
            throw lost(e);
        }
        byte[] sw = expectOk(f, slot, "PIN ENTRY").data();
        if (sw.length != 2) {
            throw new NhiException(ResultCode.HC_IO_ERROR, "the reader on " + port + " gave a malformed PIN answer");
        }
        return ((sw[0] & 0xFF) << 8) | (sw[1] & 0xFF);
    }

    LocalDateTime clock() throws NhiException {
        byte[] d = expectOk(call(CLOCK_GET), null, "CLOCK GET").data();
        try {
            return LocalDateTime.parse(new String(d, StandardCharsets.US_ASCII), CLOCK);
        } catch (DateTimeParseException e) {
            throw new NhiException(ResultCode.HC_IO_ERROR, "the reader on " + port + " gave a malformed clock");
        }
    }

    void setClock(LocalDateTime time) throws NhiException {
        if (time == null || time.getYear() < 1 || time.getYear() > 9999) {
            throw new NhiException(ResultCode.READER_CLOCK_WRITE_FAILED, "the reader's clock takes years 0001-9999");
        }
        byte[] wire = time.truncatedTo(ChronoUnit.SECONDS).format(CLOCK).getBytes(StandardCharsets.US_ASCII);
        expectOk(call(CLOCK_SET, wire), null, "CLOCK SET");
    }

    @Override
    public void close() {
        line.close();
    }

    /** @return true while a keypad entry holds or awaits the line */
    boolean waitingForPerson() {
        return line.waitingForPerson();
    }

    // --- status bytes -----------------------------------------------------------------------------------

    private WireFrame call(int cmd, byte... payload) throws NhiException {
        WireFrame f = send(cmd, payload);
        if (f.status() == NOT_OPEN && cmd != OPEN) {
            // the reader was power-cycled behind the line: open it again and repeat once
            expectOk(send(OPEN), null, "OPEN");
            f = send(cmd, payload);
        }
        return f;
    }

    private WireFrame send(int cmd, byte... payload) throws NhiException {
        try {
            return line.call(cmd, payload);
        } catch (LineClient.NoAnswer e) {
            throw new NhiException(ResultCode.READER_TIMEOUT, "the reader on " + port + " did not answer: "
                    + e.getMessage());
        } catch (IOException e) {
            throw lost(e);
        }
    }

    private NhiException lost(IOException e) {
        lineLost.run();
        return new NhiException(ResultCode.NO_READER_OR_PCSC_ERROR, "the reader on " + port + " went away: "
                + e.getMessage(), e);
    }

    private WireFrame expectOk(WireFrame f, Slot slot, String what) throws NhiException {
        int status = f.status();
        String where = what + (slot == null ? "" : " on the " + slot) + " (reader on " + port + ")";
        switch (status) {
            case OK -> {
                return f;
            }
            case NO_CARD -> throw new NhiException(noCard(slot), "no card: " + where);
            case NOT_POWERED -> throw new NhiException(ResultCode.READER_TIMEOUT, "card not powered: " + where);
            case BAD_SLOT, BAD_PARAMETER -> throw new NhiException(ResultCode.BAD_PARAMETER,
                    "the reader refused the parameters of " + where);
            case NOT_OPEN -> throw new NhiException(ResultCode.READER_TIMEOUT, "the reader is not open: " + where);
            case PIN_CANCELLED -> throw new NhiException(ResultCode.PIN_ENTRY_CANCELLED, "cancelled on the keypad: "
                    + where);
            case PIN_TIMEOUT -> throw new NhiException(ResultCode.READER_TIMEOUT, "nobody finished typing: " + where);
            case CLOCK_INVALID -> throw new NhiException(ResultCode.READER_CLOCK_WRITE_FAILED,
                    "the reader refused the date-time: " + where);
            default -> throw new NhiException(ResultCode.HC_IO_ERROR, String.format(
                    "the reader answered an unknown status %02X to %s", status, where));
        }
    }

    /** @return 4012, 4013 or 4014 for the slot */
    static ResultCode noCard(Slot slot) {
        if (slot == null) {
            return ResultCode.NO_READER_OR_PCSC_ERROR;
        }
        return switch (slot) {
            case SAM -> ResultCode.SAM_NOT_PRESENT;
            case HC -> ResultCode.HC_NOT_PRESENT;
            case HPC -> ResultCode.HPC_NOT_PRESENT;
        };
    }

    private static byte number(Slot slot) {
        return (byte) switch (slot) {
            case SAM -> 0;
            case HC -> 1;
            case HPC -> 2;
        };
    }

    private static Slot slot(int number) {
        return switch (number) {
            case 0 -> Slot.SAM;
            case 1 -> Slot.HC;
            case 2 -> Slot.HPC;
            default -> null;
        };
    }
}
