// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.sam;

/**
 * The SAM's state as {@code hisGetCardStatus(1)} reports it.
 */
public enum SamStatus {
    /** 0: no SAM file or card present. */
    ABSENT(0),
    /** 1: present but not authenticated with the IDC. */
    NOT_AUTHENTICATED(1),
    /** 2: authenticated with the IDC, ready for card operations. */
    AUTHENTICATED(2),
    /** 9: what is present is not a usable SAM. */
    NOT_A_SAM(9);

    private final int legacyValue;

    SamStatus(int legacyValue) {
        this.legacyValue = legacyValue;
    }

    /** @return the number {@code hisGetCardStatus(1)} returns for this state */
    public int legacyValue() {
        return legacyValue;
    }
}
