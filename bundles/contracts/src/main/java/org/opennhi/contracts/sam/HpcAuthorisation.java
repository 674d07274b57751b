// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.sam;

import java.time.Instant;
import java.util.Optional;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.result.NhiException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Whether a health professional (the HPC holder) has proven who they are, which medical functions need
 * (醫療專區). Normally that holds while the HPC whose PIN was verified stays in its reader. With HPC fast
 * authentication ({@code HPCFASTAUTH=ENABLE}) one verification holds for 8 hours: the HPC may leave the reader.
 */
@ProviderType
public interface HpcAuthorisation {

    /**
     * A proven health professional.
     *
     * @param hpcCardNumber the HPC's card number (12 digits)
     * @param verifiedAt when the PIN was verified
     * @param fastAuthUntil when fast authentication ends, or empty when the HPC must stay in its reader
     */
    record Grant(String hpcCardNumber, Instant verifiedAt, Optional<Instant> fastAuthUntil) {
    }

    /**
     * Verifies the PIN on the HPC (hpcVerifyHPCPIN). The HPC must already be authenticated with the SAM in
     * {@code hpcSession}. The PIN is never logged and never leaves the platform.
     *
     * @param hpcSession an open session on the HPC slot
     * @param channel the SAM's channel for that HPC
     * @param pin 4–6 digits; the caller should wipe the array afterwards
     * @return the grant
     * @throws NhiException {@code 5102} wrong PIN (the message says how many tries are left), {@code 5122}
     *         blocked, {@code 4034} not an HPC, {@code 9130}/{@code 9140} cancelled or expired HPC
     */
    Grant verifyPin(CardSession hpcSession, SecureChannel channel, char[] pin) throws NhiException;

    /**
     * @return the current grant
     * @throws NhiException {@code 4014} when no HPC is in its reader and no fast authentication holds,
     *         {@code 4042} when the HPC is there but its PIN was not verified
     */
    Grant require() throws NhiException;

    /** @return the current grant, if any */
    Optional<Grant> current();

    /** Ends the grant at once (logout, csSoftwareReset(2)). */
    void revoke();
}
