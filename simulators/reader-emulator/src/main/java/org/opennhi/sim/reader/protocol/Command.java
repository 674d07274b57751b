// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.protocol;

/** Command codes (CMD byte of a request; the response has {@code CMD | 0x80}). */
public final class Command {
    /** OPEN: start a session; answers version, firmware and serial number. */
    public static final int OPEN = 0x01;
    /** CLOSE: end the session (cards are powered off). */
    public static final int CLOSE = 0x02;
    /** SLOT STATUS: state of one slot or of all. */
    public static final int SLOT_STATUS = 0x10;
    /** POWER ON a slot's card: answers its ATR. */
    public static final int POWER_ON = 0x11;
    /** POWER OFF a slot's card. */
    public static final int POWER_OFF = 0x12;
    /** TRANSMIT an APDU to a slot's card. */
    public static final int TRANSMIT = 0x13;
    /** PIN ENTRY on the keypad, verified by the reader with the card (the PIN never crosses the line). */
    public static final int PIN_ENTRY = 0x20;
    /** CLOCK GET: the reader's date-time. */
    public static final int CLOCK_GET = 0x30;
    /** CLOCK SET: set the reader's date-time. */
    public static final int CLOCK_SET = 0x31;
    /** LED: set one LED. */
    public static final int LED = 0x40;
    /** Error frame: the reader could not take a frame (payload: one {@link FrameError} code). */
    public static final int ERROR = 0x7F;
    /** Bit that marks a response. */
    public static final int RESPONSE_BIT = 0x80;

    private Command() {
    }
}
