// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.HexFormat;
import java.util.Locale;

import org.opennhi.contracts.platform.Environment;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.card.crypto.Signatures;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.model.SamRecord;
import org.opennhi.sim.idc.internal.sam.Keyring;
import org.opennhi.sim.idc.internal.sam.SamKeys;
import org.opennhi.sim.idc.internal.store.Table;

/**
 * SAM signatures (安全簽章). For cloud SAMs the IDC signs with the SAM's own keys:
 * <ul>
 *   <li>{@code VISIT_RAW} (1.9): SHA256withRSA, RSA-1024, 128 raw bytes;</li>
 *   <li>{@code VISIT_PRINTABLE} (1.37, 1.53): the same signature as 256 upper-case hex characters;</li>
 *   <li>{@code PRESCRIPTION}: SHA256withDSA, DSA-1024/160, 40 bytes (r || s, IEEE P1363).</li>
 * </ul>
 * Anyone can verify them with the SAM's public keys. Physical SAM cards sign themselves with the card
 * profile's keyed digest; the IDC verifies those by recomputing them.
 */
public final class SignatureService {
    private final Table<SamRecord> sams;
    private final SamKeys keys;
    private final Keyring keyring;
    // One signer per thread and algorithm: getInstance looks the provider up and builds a new digest each time;
    // initSign with the SAM's key makes a reused one as good as new.
    private final ThreadLocal<Signature> rsaSigner = ThreadLocal.withInitial(() -> newSignature("SHA256withRSA"));
    private final ThreadLocal<Signature> dsaSigner =
            ThreadLocal.withInitial(() -> newSignature("SHA256withDSAinP1363Format"));

    /**
     * @param sams the SAM registry
     * @param keys cloud SAM keys
     * @param keyring master keys, for physical SAM cards
     */
    public SignatureService(Table<SamRecord> sams, SamKeys keys, Keyring keyring) {
        this.sams = sams;
        this.keys = keys;
        this.keyring = keyring;
    }

    /** @return the signature, exactly {@code type.length()} bytes */
    public byte[] sign(String samId, SignatureType type, byte[] data) {
        SamRecord sam = sam(samId);
        if (sam.kind != SamRecord.Kind.CLOUD) {
            throw new IdcException(409, ResultCode.FUNCTION_NOT_AVAILABLE,
                    "SAM " + samId + " is a physical card: it signs by itself");
        }
        try {
            if (type == SignatureType.PRESCRIPTION) {
                return jdkSign(dsaSigner.get(), keys.privateKey(sam, "DSA"), data);
            }
            byte[] raw = jdkSign(rsaSigner.get(), keys.privateKey(sam, "RSA"), data);
            return type == SignatureType.VISIT_RAW ? raw
                    : HexFormat.of().withUpperCase().formatHex(raw).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IdcException(500, ResultCode.SAM_SIGNATURE_FAILED, "signing failed");
        }
    }

    /** @return true when {@code signature} is SAM {@code samId}'s signature of {@code data} */
    public boolean verify(String samId, SignatureType type, byte[] data, byte[] signature) {
        SamRecord sam = sam(samId);
        if (signature == null || signature.length != type.length()) {
            return false;
        }
        byte[] sig = signature;
        if (type == SignatureType.VISIT_PRINTABLE) {
            try {
                sig = HexFormat.of().parseHex(new String(signature, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (sam.kind == SamRecord.Kind.CARD) {
            Environment env = Environment.ofId(samId).orElseThrow();
            return Signatures.verify(keyring.scheme(env).signingKey(CardKind.SAM, samId), data, sig);
        }
        try {
            Signature v = Signature.getInstance(type == SignatureType.PRESCRIPTION ? "SHA256withDSAinP1363Format"
                    : "SHA256withRSA");
            v.initVerify(keys.publicKey(sam, type == SignatureType.PRESCRIPTION ? "DSA" : "RSA"));
            v.update(data);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private SamRecord sam(String samId) {
        return sams.get(samId).orElseThrow(() -> IdcException.notFound(ResultCode.INVALID_SAM_FILE,
                "SAM " + samId + " is unknown to this IDC"));
    }

    private static byte[] jdkSign(Signature s, java.security.PrivateKey key, byte[] data)
            throws GeneralSecurityException {
        s.initSign(key); // also resets a signer that an earlier failure left half-way
        s.update(data);
        return s.sign();
    }

    private static Signature newSignature(String algorithm) {
        try {
            return Signature.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
