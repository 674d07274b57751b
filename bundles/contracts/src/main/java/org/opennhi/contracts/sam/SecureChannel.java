// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.sam;

import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A card (HC or HPC) that the SAM authenticated in one reader session. Writes to the card's protected areas
 * must be MACed with the session key only the SAM (or, for a cloud SAM, the IDC) derived; this channel does
 * that. It is valid only while the {@link org.opennhi.contracts.reader.CardSession} it was made in stays open.
 */
@ProviderType
public interface SecureChannel {

    /** @return the slot of the authenticated card */
    Slot slot();

    /** @return the card number (12 digits) the SAM authenticated */
    String cardNumber();

    /**
     * Turns a plain write command ({@code 80 DA …} PUT DATA or {@code 80 E2 …} APPEND RECORD) into its
     * protected form: CLA with the secure-messaging bit, Lc + 8, data followed by the 8-byte MAC.
     *
     * @param plainCommand a short APDU with 1–247 data bytes
     * @return the protected APDU, ready for {@link org.opennhi.contracts.reader.CardSession#transmit}
     * @throws NhiException {@code 4050} when the SAM lost its authentication, {@code 5008}-class codes when
     *         the SAM refuses
     */
    byte[] protect(byte[] plainCommand) throws NhiException;
}
