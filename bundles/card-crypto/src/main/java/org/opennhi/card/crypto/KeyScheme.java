// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Derives the keys of individual cards from an environment's master key:
 * <pre>
 *   K_card  = KDF(M_env, "OPENNHI CARD AUTH", kind || cardNo)   mutual authentication
 *   K_sign  = KDF(M_env, "OPENNHI CARD SIGN", kind || cardNo)   SAM signatures (SAM cards only)
 * </pre>
 * where {@code kind} is the one-byte {@link CardKind#code()} and {@code cardNo} the 12 ASCII characters of
 * the card number (SAM id for a SAM). A card stores its own K_card; the SAM and the IDC derive it on demand.
 */
public final class KeyScheme {
    /** Label for card authentication keys. */
    public static final String AUTH_LABEL = "OPENNHI CARD AUTH";
    /** Label for SAM signing keys. */
    public static final String SIGN_LABEL = "OPENNHI CARD SIGN";
    /** Length of every card number, SAM id and HPC number in the simulated world. */
    public static final int CARD_NUMBER_LENGTH = 12;

    private final MasterKeys master;

    /** @param master the environment master key this scheme derives from */
    public KeyScheme(MasterKeys master) {
        this.master = Objects.requireNonNull(master, "master");
    }

    /** @return the master key this scheme derives from */
    public MasterKeys master() {
        return master;
    }

    /**
     * @param kind the card's kind
     * @param cardNumber the 12-character card number or SAM id
     * @return the card's 16-byte authentication key
     */
    public byte[] cardKey(CardKind kind, String cardNumber) {
        return Kdf.derive(master.key(), AUTH_LABEL, context(kind, cardNumber));
    }

    /**
     * @param kind the card's kind (SAM for SAM signatures)
     * @param cardNumber the 12-character card number or SAM id
     * @return the card's 16-byte signing key
     */
    public byte[] signingKey(CardKind kind, String cardNumber) {
        return Kdf.derive(master.key(), SIGN_LABEL, context(kind, cardNumber));
    }

    static byte[] context(CardKind kind, String cardNumber) {
        Objects.requireNonNull(kind, "kind");
        if (cardNumber == null || cardNumber.length() != CARD_NUMBER_LENGTH
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(cardNumber)) {
            throw new IllegalArgumentException("a card number is 12 ASCII characters");
        }
        byte[] number = cardNumber.getBytes(StandardCharsets.US_ASCII);
        byte[] context = new byte[1 + number.length];
        context[0] = (byte) kind.code();
        System.arraycopy(number, 0, context, 1, number.length);
        return context;
    }
}
