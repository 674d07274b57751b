// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc.internal;

import java.util.HexFormat;

import org.opennhi.contracts.reader.Slot;

/**
 * What kind of card sits in a reader, found by SELECTing each kind's application. The HC's AID is NHI's
 * public one, so real health cards are recognised too; the other AIDs are those of our card profile
 * ({@code docs/card-profile.md}).
 */
enum CardKind {
    HC(Slot.HC, "D1580000010000000000000000001100"),
    HPC(Slot.HPC, "D1580000010000000000000000003100"),
    SAM(Slot.SAM, "D1580000010000000000000000002100"),
    UNKNOWN(null, null);

    private final Slot slot;
    private final byte[] select;

    CardKind(Slot slot, String aid) {
        this.slot = slot;
        if (aid == null) {
            this.select = null;
        } else {
            byte[] id = HexFormat.of().parseHex(aid);
            byte[] apdu = new byte[5 + id.length];
            apdu[1] = (byte) 0xA4;
            apdu[2] = 0x04;
            apdu[4] = (byte) id.length;
            System.arraycopy(id, 0, apdu, 5, id.length);
            this.select = apdu;
        }
    }

    /** @return the slot a card of this kind serves, or null when unknown */
    Slot slot() {
        return slot;
    }

    /** @return the SELECT command of this kind's application */
    byte[] selectCommand() {
        return select.clone();
    }
}
