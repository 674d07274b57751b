// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.sam;

import java.time.LocalDateTime;
import java.util.Optional;

import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a SAM plugin implements: one kind of SAM (a cloud SAM file, a physical SAM card, a vendor's). Register
 * it as an OSGi service with {@value #MODE_PROPERTY} naming its mode; the platform's SAM service selects the
 * plugin of the configured mode, so switching mode is a configuration change. Status changes are told to
 * {@link SamStatusListener} services (whiteboard; keep them in a
 * {@link org.opennhi.contracts.platform.Listeners}).
 *
 * <p>Only what the SAM must provide is here: the platform's {@link SamService} identifies the card, refuses a
 * test/production mix, audits and guards every call, so a new service method never forces a plugin change.
 * The codes each method answers are those of the {@link SamService} method of the same name.
 */
@ConsumerType
public interface SamPlugin {

    /** Service property naming the plugin's SAM mode, e.g. {@code cloud}. */
    String MODE_PROPERTY = "opennhi.sam.mode";

    /** @return the current status (0/1/2/9 as {@code hisGetCardStatus(1)}) */
    SamStatus status();

    /** @return who the SAM belongs to, once the SAM file or card could be read */
    Optional<SamIdentity> identity();

    /**
     * Authenticates the SAM with the IDC (csVerifySAMDC). Bounded in time: never hangs.
     *
     * @param progress told of each step
     * @throws NhiException as {@link SamService#authenticateWithIdc}
     */
    void authenticateWithIdc(Progress progress) throws NhiException;

    /**
     * Mutual authentication with a card whose application the platform has already selected and whose public
     * card number it knows, so the plugin sends neither again.
     *
     * @param session an open session on the card's slot (HC or HPC), its application selected
     * @param cardNumber the card number of the card's public area (12 characters)
     * @return the channel for the card's protected writes, valid while {@code session} stays open
     * @throws NhiException as {@link SamService#authenticateCard(CardSession, String)}
     */
    SecureChannel authenticateCard(CardSession session, String cardNumber) throws NhiException;

    /**
     * @return exactly {@link SignatureType#length()} bytes
     * @throws NhiException as {@link SamService#sign}
     */
    byte[] sign(SignatureType type, byte[] data) throws NhiException;

    /**
     * One request to the IDC in this SAM's session; routes and bodies in {@code docs/idc-protocol.md}.
     *
     * @throws NhiException as {@link SamService#callIdc}
     */
    String callIdc(String route, String jsonBody) throws NhiException;

    /**
     * An offline treatment id keyed with this SAM's own key ({@code docs/idc-protocol.md} §8).
     *
     * @throws NhiException as {@link SamService#offlineTreatmentId}; by default 9005-class "not available"
     */
    default String offlineTreatmentId(LocalDateTime visit, String idNumber) throws NhiException {
        throw new NhiException(ResultCode.FUNCTION_NOT_AVAILABLE, "this SAM cannot make offline treatment ids");
    }
}
