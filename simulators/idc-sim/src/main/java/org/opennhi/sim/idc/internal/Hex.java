// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal;

import java.util.HexFormat;

/** Hex fields of requests, with a clear 400 answer when they have the wrong shape. */
public final class Hex {
    private Hex() {
    }

    /**
     * @param hex the field's value
     * @param length the expected number of bytes
     * @param field the field's name, for the error answer
     * @return the bytes
     * @throws IdcException 400 when the value is missing, not hex, or of another length
     */
    public static byte[] field(String hex, int length, String field) {
        try {
            byte[] b = HexFormat.of().parseHex(hex == null ? "" : hex);
            if (b.length == length) {
                return b;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw IdcException.badRequest(field + " must be " + length + " bytes in hex (" + 2 * length + " digits)");
    }

    /** @return lower-case hex */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
