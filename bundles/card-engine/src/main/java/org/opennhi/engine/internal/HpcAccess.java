// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.engine.ProfessionalIdentity;

/**
 * The doctor's card (HPC) as the engine's parts use it: sessions under the HPC lock, its identity read once per
 * insertion, and who authorises medical functions now ({@link HpcSlot}). Parts hold this, never the engine.
 */
interface HpcAccess {
    /** One operation's work in an HPC reader session. */
    @FunctionalInterface
    interface Work<T> {
        T run(CardSession s) throws NhiException;
    }

    /** Runs the work in one HPC reader session, under the HPC lock. */
    <T> T session(Work<T> work) throws NhiException;

    /** @return the HPC's identity (SELECT and read once per insertion), in that session */
    ProfessionalIdentity identity(CardSession s) throws NhiException;

    /** The SAM authenticated the HPC in its reader (1.15: 2 until its PIN is verified). */
    void samAuthenticated();

    /** The HPC's PIN was verified (true) or changed so that it needs verifying again (false). */
    void pinVerified(boolean verified);

    /** The PIN of the HPC of this identity was verified here: it is who authorises when the HPC leaves. */
    void authorised(ProfessionalIdentity who);

    /** @return the identity of the HPC in its reader */
    ProfessionalIdentity professional() throws NhiException;

    /**
     * The health professional who authorises a medical function now: the HPC's PIN verified and the HPC in its
     * reader, or (fast authentication) verified within its hours.
     *
     * @throws NhiException {@code 4014} no HPC and no fast authentication, {@code 4042} PIN not verified,
     *         {@code 4034} the card in the HPC's reader is no HPC,
     *         {@code 5056} the authorised HPC's identity cannot be read
     */
    ProfessionalIdentity authorisedProfessional() throws NhiException;
}
