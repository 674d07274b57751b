// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.reader;

import java.util.Arrays;

/**
 * A card's answer to one command: the data bytes followed by the two status-word bytes SW1 SW2.
 */
public final class ResponseApdu {
    private final byte[] bytes;

    /**
     * @param bytes the full response including SW1 SW2; at least two bytes
     * @throws IllegalArgumentException when shorter than two bytes
     */
    public ResponseApdu(byte[] bytes) {
        if (bytes == null || bytes.length < 2) {
            throw new IllegalArgumentException("a response APDU holds at least SW1 SW2");
        }
        this.bytes = bytes.clone();
    }

    /** @return the data bytes without the status word */
    public byte[] data() {
        return Arrays.copyOf(bytes, bytes.length - 2);
    }

    /** @return the status word as an unsigned 16-bit number, e.g. {@code 0x9000} */
    public int sw() {
        return ((bytes[bytes.length - 2] & 0xFF) << 8) | (bytes[bytes.length - 1] & 0xFF);
    }

    /** @return true when the status word is {@code 90 00} */
    public boolean isOk() {
        return sw() == 0x9000;
    }

    /** @return the whole response, data and status word */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseApdu r && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Shows the length and status word only: response data may be personal. */
    @Override
    public String toString() {
        return String.format("ResponseApdu[%d data bytes, SW=%04X]", bytes.length - 2, sw());
    }
}
