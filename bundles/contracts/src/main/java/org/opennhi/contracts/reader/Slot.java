// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.reader;

/**
 * A place where a card sits. Chip (PC/SC) setups have HC and HPC readers; a dedicated NHI reader also has a
 * SAM slot holding the physical security module card.
 */
public enum Slot {
    /** The patient's NHI health card (健保卡). Legacy CardType 2. */
    HC(2),
    /** The health professional card (醫事人員卡). Legacy CardType 3. */
    HPC(3),
    /** The physical SAM card of a dedicated reader (安全模組卡). Legacy CardType 1. */
    SAM(1);

    private final int legacyCardType;

    Slot(int legacyCardType) {
        this.legacyCardType = legacyCardType;
    }

    /** @return the {@code CardType} number legacy functions such as {@code hisGetCardStatus} use */
    public int legacyCardType() {
        return legacyCardType;
    }
}
