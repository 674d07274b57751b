// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.protocol;

/** Codes carried by the error frame (CMD 7F): why the reader could not take a frame. */
public final class FrameError {
    /** The CRC did not match. */
    public static final int BAD_CRC = 0x01;
    /** LEN over {@link Frame#MAX_PAYLOAD}. */
    public static final int BAD_LENGTH = 0x02;
    /** The byte after the CRC was not ETX. */
    public static final int BAD_END = 0x03;
    /** The frame did not complete within the frame timeout. */
    public static final int TIMEOUT = 0x04;
    /** Unknown CMD. */
    public static final int UNKNOWN_COMMAND = 0x05;

    private FrameError() {
    }
}
