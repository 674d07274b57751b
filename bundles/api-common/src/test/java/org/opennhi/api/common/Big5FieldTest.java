// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import static org.junit.Assert.assertArrayEquals;

import org.junit.Test;

/** Fixed-width Big5 fields: space padded, and a cut never leaves half a double-byte character. */
public class Big5FieldTest {
    @Test
    public void padsAndCutsOnCharacterBoundaries() {
        // 測 is B4 FA and 試 is B8 D5 in Big5 (CNS 11643 / Big5 code table)
        byte[] ce = {(byte) 0xB4, (byte) 0xFA};
        byte[] shi = {(byte) 0xB8, (byte) 0xD5};
        assertArrayEquals(new byte[] {ce[0], ce[1], shi[0], shi[1], ' ', ' '}, Buffers.big5("測試", 6));
        assertArrayEquals(new byte[] {ce[0], ce[1], shi[0], shi[1]}, Buffers.big5("測試", 4));
        assertArrayEquals("the lead byte of a split 試 becomes a space", new byte[] {ce[0], ce[1], ' '},
                Buffers.big5("測試", 3));
        assertArrayEquals(new byte[] {'A', ' '}, Buffers.big5("A測", 2));
        assertArrayEquals(new byte[] {'A', ce[0], ce[1]}, Buffers.big5("A測", 3));
    }
}
