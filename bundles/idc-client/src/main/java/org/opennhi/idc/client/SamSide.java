// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import org.opennhi.card.crypto.AuthenticationException;
import org.opennhi.contracts.result.NhiException;

/**
 * The SAM's part of SAM ↔ IDC authentication (idc-protocol §4): a cloud SAM file computing with its key
 * ({@link CloudSamCard}) or a physical SAM card answering relayed APDUs. One instance per attempt.
 */
public interface SamSide {

    /** @return the SAM id the IDC authenticates (12 digits) */
    String samId();

    /** @return the institution (hospital id, 10 digits) */
    String hospitalId();

    /**
     * @return a fresh RND_C, 16 hex digits
     * @throws NhiException when a SAM card cannot be reached
     */
    String challenge() throws NhiException;

    /**
     * Checks the IDC's proof and answers it.
     *
     * @param hostDataHex RND_H ‖ C_H, 48 hex digits
     * @return C_C, 32 hex digits
     * @throws AuthenticationException when the IDC does not prove it holds the SAM's key (9015)
     * @throws NhiException when a SAM card cannot be reached
     */
    String answer(String hostDataHex) throws AuthenticationException, NhiException;
}
