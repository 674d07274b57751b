// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.sam;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.opennhi.sim.idc.internal.model.SamRecord;

/**
 * The signing keys of cloud SAMs: RSA-1024 (128-byte visit signatures) and DSA-1024/160 (40-byte
 * prescription signatures in IEEE P1363 form), generated when a SAM is produced. Decoded keys are cached
 * because decoding on every signature would cost more than the signature's HTTP overhead.
 */
public final class SamKeys {
    private final SecureRandom random;
    private final Map<String, PrivateKey> privateKeys = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();

    /** @param random key-generation randomness */
    public SamKeys(SecureRandom random) {
        this.random = random;
    }

    /** Generates both key pairs into {@code sam}. */
    public void generate(SamRecord sam) {
        try {
            KeyPair rsa = pair("RSA");
            KeyPair dsa = pair("DSA");
            Base64.Encoder b64 = Base64.getEncoder();
            sam.rsaPrivate = b64.encodeToString(rsa.getPrivate().getEncoded());
            sam.rsaPublic = b64.encodeToString(rsa.getPublic().getEncoded());
            sam.dsaPrivate = b64.encodeToString(dsa.getPrivate().getEncoded());
            sam.dsaPublic = b64.encodeToString(dsa.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate SAM keys", e);
        }
    }

    /** @return the SAM's RSA or DSA private key */
    public PrivateKey privateKey(SamRecord sam, String algorithm) {
        String encoded = "RSA".equals(algorithm) ? sam.rsaPrivate : sam.dsaPrivate;
        return privateKeys.computeIfAbsent(sam.samId + '/' + algorithm, k -> decode(algorithm,
                f -> f.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)))));
    }

    /** @return the SAM's RSA or DSA public key */
    public PublicKey publicKey(SamRecord sam, String algorithm) {
        String encoded = "RSA".equals(algorithm) ? sam.rsaPublic : sam.dsaPublic;
        return publicKeys.computeIfAbsent(sam.samId + '/' + algorithm, k -> decode(algorithm,
                f -> f.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)))));
    }

    private interface Decoder<K> {
        K decode(KeyFactory factory) throws GeneralSecurityException;
    }

    private static <K> K decode(String algorithm, Decoder<K> decoder) {
        try {
            return decoder.decode(KeyFactory.getInstance(algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored SAM key does not decode", e);
        }
    }

    private KeyPair pair(String algorithm) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        g.initialize(1024, random);
        return g.generateKeyPair();
    }
}
