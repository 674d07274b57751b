// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.sam;

import java.util.Optional;

import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.result.NhiException;

/**
 * The one SAM service (安全模組) the card engine uses, whether the SAM is a cloud SAM file authenticated with
 * the IDC or a physical SAM card. SAM plugins implement {@link SamPlugin} (not this interface) and register
 * with {@value SamPlugin#MODE_PROPERTY}; the platform's front, registered as this service, serves through the
 * plugin of the configured SAM mode.
 */
public interface SamService {

    /** @return the SAM mode, e.g. {@code cloud} or {@code physical} */
    String mode();

    /** @return the current status (0/1/2/9 as {@code hisGetCardStatus(1)}) */
    SamStatus status();

    /**
     * @return who the SAM belongs to, once the SAM file or card could be read
     */
    Optional<SamIdentity> identity();

    /**
     * Authenticates the SAM with the IDC (csVerifySAMDC). Bounded in time: never hangs.
     *
     * @param progress told of each step
     * @throws NhiException {@code 4051} on failure, {@code 4061} when the network is down, {@code 92xx} for
     *         SAM file problems
     */
    void authenticateWithIdc(Progress progress) throws NhiException;

    /**
     * Runs mutual authentication between the SAM and the card owned by the session (HC or HPC). Refuses a mix
     * of test and production with 9203 before any authentication command reaches the card.
     *
     * @param session an open session on the card's slot, with the card's applet not yet authenticated
     * @return the channel for the card's protected writes, valid while {@code session} stays open
     * @throws NhiException the documented code of the failure: {@code 9203} for a mix, {@code 4050} when the
     *         SAM is not authenticated with the IDC, {@code 9211}/{@code 9221} (HC/HPC) when the card is not
     *         genuine, {@code 4061} when a cloud SAM cannot reach the IDC
     */
    SecureChannel authenticateCard(CardSession session) throws NhiException;

    /**
     * As {@link #authenticateCard(CardSession)} for a caller that has already selected the card's application
     * in {@code session} and read its public card number (the card engine has, from the basic data), so neither
     * is sent again: two APDUs fewer per authentication. The test/production check uses {@code cardNumber}.
     *
     * @param session an open session on the card's slot, its application selected
     * @param cardNumber the card's number as its public area holds it (12 characters)
     * @return the channel for the card's protected writes, valid while {@code session} stays open
     * @throws NhiException as {@link #authenticateCard(CardSession)}; {@code 4033}/{@code 4034} (HC/HPC)
     *         when {@code cardNumber} names neither test nor production
     */
    SecureChannel authenticateCard(CardSession session, String cardNumber) throws NhiException;

    /**
     * Signs data with the SAM.
     *
     * @param type which signature
     * @param data what to sign
     * @return exactly {@link SignatureType#length()} bytes
     * @throws NhiException {@code 5008} when signing fails, {@code 4050} when not authenticated
     */
    byte[] sign(SignatureType type, byte[] data) throws NhiException;

    /**
     * Sends one request to the IDC in this SAM's session (insurance status, treatment ids, uploads, HPC fast
     * authentication; routes and bodies in {@code docs/idc-protocol.md}). The SAM plugin owns the IDC
     * connection, its trust and the session; when the IDC has ended the session it authenticates again once.
     * Bounded in time like every IDC call.
     *
     * @param route the route, e.g. {@code /v1/insurance/status}
     * @param jsonBody the request, a JSON object
     * @return the answer, a JSON object
     * @throws NhiException {@code 4050} not authenticated, {@code 4061} no answer, {@code 9003} no answer in
     *         time, {@code 9004} IDC out of service; a refusal carries the IDC's own code when the catalogue has
     *         it (e.g. {@code 5012}, {@code 9083}), else {@code 9004}
     */
    String callIdc(String route, String jsonBody) throws NhiException;

    /**
     * Makes an offline treatment id (1.54 while the IDC cannot be reached) keyed with this SAM's own key, so
     * the IDC can later check it was made by this SAM for this patient ({@code docs/idc-protocol.md} §8).
     *
     * @param visit the visit's date-time, Taiwan time
     * @param idNumber the patient's id number (never logged)
     * @return the 20-character treatment id
     * @throws NhiException {@code 9005}-class "not available" when this kind of SAM cannot make them,
     *         {@code 4012}/{@code 92xx} when there is no usable SAM
     */
    String offlineTreatmentId(java.time.LocalDateTime visit, String idNumber) throws NhiException;
}
