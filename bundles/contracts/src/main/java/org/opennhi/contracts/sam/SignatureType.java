// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.sam;

/** The signatures a SAM produces, with the sizes the legacy functions return. */
public enum SignatureType {
    /** Visit signature of {@code hisGetSeqNumber} (1.9): 128 raw bytes. */
    VISIT_RAW(128),
    /** Visit signature of {@code hisGetSeqNumber256} and 1.53 (1.37, 1.53): 256 printable bytes. */
    VISIT_PRINTABLE(256),
    /** Prescription signature (處方簽章): 40 bytes. */
    PRESCRIPTION(40);

    private final int length;

    SignatureType(int length) {
        this.length = length;
    }

    /** @return the signature's length in bytes */
    public int length() {
        return length;
    }
}
