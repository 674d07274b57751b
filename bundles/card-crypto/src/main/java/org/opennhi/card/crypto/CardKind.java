// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

/**
 * The kinds of NHI card. The code is the byte used in key derivation and the NHI card-type number
 * ({@code csGetCardNo}: 1 SAM, 2 HC, 3 HPC; 4 is ours for the institution card).
 */
public enum CardKind {
    /** Security access module (安全模組卡). */
    SAM(1),
    /** Health card (健保卡). */
    HC(2),
    /** Health professional card (醫事人員卡). */
    HPC(3),
    /** Institution card (醫事機構卡). */
    INSTITUTION(4);

    private final int code;

    CardKind(int code) {
        this.code = code;
    }

    /** @return the one-byte code used in key derivation */
    public int code() {
        return code;
    }
}
