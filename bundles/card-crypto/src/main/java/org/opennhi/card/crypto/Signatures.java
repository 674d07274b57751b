// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The simulated SAM signature (安全簽章): a keyed digest that the IDC, which can derive the SAM's signing key,
 * verifies by recomputing it. {@code sig = KDF(K_sign, "OPENNHI SIGNATURE", SHA-256(data), length)}.
 * Real NHI signatures are RSA; this one has the same sizes (128 bytes for 1.9, 40 for prescriptions).
 */
public final class Signatures {
    /** Label of the signature derivation. */
    public static final String LABEL = "OPENNHI SIGNATURE";

    private Signatures() {
    }

    /**
     * @param signingKey the SAM's K_sign ({@link KeyScheme#signingKey})
     * @param data the signed data
     * @param length signature length in bytes, 1..4096
     * @return the signature
     */
    public static byte[] sign(byte[] signingKey, byte[] data, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            return Kdf.derive(signingKey, LABEL, digest, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** @return true when {@code signature} is the signature of {@code data} under {@code signingKey} */
    public static boolean verify(byte[] signingKey, byte[] data, byte[] signature) {
        return signature != null && signature.length > 0
                && MutualAuthentication.equal(sign(signingKey, data, signature.length), signature);
    }
}
