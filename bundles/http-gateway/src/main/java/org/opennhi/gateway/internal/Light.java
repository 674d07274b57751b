// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import org.opennhi.contracts.reader.Slot;

/**
 * The official status lights of the watch overlay (模擬健保讀卡機燈號浮動視窗) for one card slot: 0 white no
 * card, 1 brown inserted, 2 green (HC) / orange (HPC) authenticated with the SAM, 3 light purple PIN verified
 * (medical mode), 9 not an NHI card of that kind. Pure logic, fed by presence and the reported card status.
 *
 * @param value the light's number, as hisGetCardStatus reports the slot
 * @param colour the official colour's name
 * @param label what it means, in words (never colour alone)
 */
record Light(int value, String colour, String label) {

    /**
     * @param slot HC or HPC
     * @param cardPresent whether a card sits in the slot
     * @param reported the last card status reported since that card went in, or null
     */
    static Light of(Slot slot, boolean cardPresent, Integer reported) {
        if (!cardPresent) {
            return new Light(0, "white", "no card");
        }
        int status = reported == null ? 1 : reported;
        if (status == 9) {
            return new Light(9, "grey", slot == Slot.HPC ? "not a professional card" : "not a health card");
        }
        if (status >= 3) {
            return new Light(3, "lightpurple", "PIN verified (medical mode)");
        }
        if (status == 2) {
            return new Light(2, slot == Slot.HPC ? "orange" : "green", "authenticated with the SAM");
        }
        return new Light(1, "brown", "inserted");
    }
}
