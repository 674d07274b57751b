// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import org.opennhi.card.crypto.AuthenticationException;
import org.opennhi.card.crypto.MutualAuthentication;

/**
 * The SAM's part of SAM ↔ IDC authentication for a cloud SAM file: the platform plays the SAM card with the
 * file's {@code authKey}, exactly as a physical SAM card would answer the IDC.
 * <pre>
 * CloudSamCard sam = new CloudSamCard(file, random);
 * String rndCard = sam.challenge();                      // → POST /v1/sam/auth/begin {rndCard, …}
 * String cc = sam.answer(begin.hostData);               // checks the IDC's proof; → /v1/sam/auth/complete
 * </pre>
 * Not thread-safe: one instance per authentication attempt.
 */
public final class CloudSamCard implements SamSide {
    private final SamFile file;
    private final byte[] authKey;
    private final SecureRandom random;
    private byte[] rndCard;

    /**
     * @param file the SAM file
     * @param random randomness for RND_C
     */
    public CloudSamCard(SamFile file, SecureRandom random) {
        this.file = Objects.requireNonNull(file, "file");
        this.authKey = file.authKey();
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String samId() {
        return file.samId();
    }

    @Override
    public String hospitalId() {
        return file.hospitalId();
    }

    @Override
    public String challenge() {
        rndCard = new byte[MutualAuthentication.RANDOM_LENGTH];
        random.nextBytes(rndCard);
        return HexFormat.of().formatHex(rndCard);
    }

    /**
     * Checks the IDC's proof and answers it.
     *
     * @param hostDataHex RND_H || C_H from the IDC (48 hex digits)
     * @return C_C, 32 hex digits
     * @throws AuthenticationException when the IDC does not know this SAM's key (it is not our IDC: 9015)
     */
    @Override
    public String answer(String hostDataHex) throws AuthenticationException {
        if (rndCard == null) {
            throw new IllegalStateException("call challenge() first");
        }
        byte[] host = HexFormat.of().parseHex(hostDataHex);
        if (host.length != MutualAuthentication.RANDOM_LENGTH + MutualAuthentication.CRYPTOGRAM_LENGTH) {
            throw new AuthenticationException("the IDC's answer has the wrong length");
        }
        byte[] rndHost = Arrays.copyOf(host, MutualAuthentication.RANDOM_LENGTH);
        byte[] hostCryptogram = Arrays.copyOfRange(host, MutualAuthentication.RANDOM_LENGTH, host.length);
        if (!MutualAuthentication.equal(MutualAuthentication.hostCryptogram(authKey, rndCard, rndHost), hostCryptogram)) {
            throw new AuthenticationException("the IDC's cryptogram is wrong");
        }
        byte[] answer = MutualAuthentication.cardCryptogram(authKey, rndHost, rndCard);
        rndCard = null; // one answer per challenge, as a card would
        return HexFormat.of().formatHex(answer);
    }
}
