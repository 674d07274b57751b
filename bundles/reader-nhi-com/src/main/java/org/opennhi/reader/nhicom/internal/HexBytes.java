// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.util.HexFormat;

/** Hex for messages about protocol bytes (never for card data, which may be personal). */
final class HexBytes {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private HexBytes() {
    }

    static String of(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
