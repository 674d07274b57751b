// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The host side of a mutual authentication, as a SAM or the IDC runs it:
 * <pre>
 *   Authenticator.Pending p = authenticator.begin(CardKind.HC, cardNo, rndFromGetChallenge);
 *   byte[] answer = card.transmit(MUTUAL AUTHENTICATE with p.commandData());   // C_C + 9000
 *   SecureChannel channel = p.complete(answer without SW);                     // or AuthenticationException
 * </pre>
 * One {@code Pending} per card conversation; it may be kept between requests (the IDC does).
 */
public final class Authenticator {
    private final KeyScheme scheme;
    private final SecureRandom random;

    /**
     * @param scheme the key scheme of this host's environment
     * @param random the source of RND_H
     */
    public Authenticator(KeyScheme scheme, SecureRandom random) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** @return the key scheme this host derives card keys with */
    public KeyScheme scheme() {
        return scheme;
    }

    /**
     * Step 2: answers the card's challenge.
     *
     * @param kind the card's kind
     * @param cardNumber the card's 12-character number, read from its public data
     * @param rndCard RND_C from GET CHALLENGE
     * @return the pending authentication, holding RND_H and C_H
     */
    public Pending begin(CardKind kind, String cardNumber, byte[] rndCard) {
        byte[] rndHost = new byte[MutualAuthentication.RANDOM_LENGTH];
        random.nextBytes(rndHost);
        return new Pending(scheme.cardKey(kind, cardNumber), rndCard.clone(), rndHost);
    }

    /** A started authentication waiting for the card's cryptogram. */
    public static final class Pending {
        private final byte[] cardKey;
        private final byte[] rndCard;
        private final byte[] rndHost;
        private final byte[] hostCryptogram;

        Pending(byte[] cardKey, byte[] rndCard, byte[] rndHost) {
            this.cardKey = cardKey;
            this.rndCard = rndCard;
            this.rndHost = rndHost;
            this.hostCryptogram = MutualAuthentication.hostCryptogram(cardKey, rndCard, rndHost);
        }

        /** @return RND_H || C_H, the 24-byte data field of MUTUAL AUTHENTICATE */
        public byte[] commandData() {
            byte[] data = Arrays.copyOf(rndHost, rndHost.length + hostCryptogram.length);
            System.arraycopy(hostCryptogram, 0, data, rndHost.length, hostCryptogram.length);
            return data;
        }

        /**
         * Step 4: checks the card's cryptogram.
         *
         * @param cardCryptogram C_C, the 16 data bytes of the card's answer
         * @return the secure channel for the session's protected commands
         * @throws AuthenticationException when C_C is wrong
         */
        public SecureChannel complete(byte[] cardCryptogram) throws AuthenticationException {
            byte[] expected = MutualAuthentication.cardCryptogram(cardKey, rndHost, rndCard);
            if (cardCryptogram == null || !MutualAuthentication.equal(expected, cardCryptogram)) {
                throw new AuthenticationException("the card's cryptogram is wrong");
            }
            return new SecureChannel(MutualAuthentication.sessionKey(cardKey, rndCard, rndHost));
        }
    }
}
