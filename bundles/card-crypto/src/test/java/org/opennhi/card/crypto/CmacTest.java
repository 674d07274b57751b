// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

import static org.junit.Assert.assertEquals;

import java.util.HexFormat;
import org.junit.Test;

/** RFC 4493 §4 test vectors. */
public class CmacTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
    private static final String M64 = "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710";

    private static String cmac(int length) {
        return HEX.formatHex(Cmac.compute(KEY, HEX.parseHex(M64.substring(0, length * 2))));
    }

    @Test
    public void emptyMessage() {
        assertEquals("bb1d6929e95937287fa37d129b756746", cmac(0));
    }

    @Test
    public void oneBlock() {
        assertEquals("070a16b46b4d4144f79bdd9dd04a287c", cmac(16));
    }

    @Test
    public void partialLastBlock() {
        assertEquals("dfa66747de9ae63030ca32611497c827", cmac(40));
    }

    @Test
    public void fourBlocks() {
        assertEquals("51f0bebf7e3b9d92fc49741779363cfe", cmac(64));
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsShortKey() {
        Cmac.compute(new byte[8], new byte[0]);
    }
}
