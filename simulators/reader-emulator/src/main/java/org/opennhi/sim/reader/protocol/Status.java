// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.protocol;

/** Status byte: the first payload byte of every response. */
public final class Status {
    public static final int OK = 0x00;
    /** No card in the slot. */
    public static final int NO_CARD = 0x10;
    /** The card is not powered (POWER ON first). */
    public static final int NOT_POWERED = 0x11;
    /** No such slot. */
    public static final int BAD_SLOT = 0x12;
    /** Parameters wrong for the command (length, range). */
    public static final int BAD_PARAMETER = 0x13;
    /** Command before OPEN. */
    public static final int NOT_OPEN = 0x20;
    /** The user pressed cancel on the keypad. */
    public static final int PIN_CANCELLED = 0x30;
    /** Nobody finished typing in time. */
    public static final int PIN_TIMEOUT = 0x31;
    /** A date-time that is not one (CLOCK SET). */
    public static final int CLOCK_INVALID = 0x40;

    private Status() {
    }
}
