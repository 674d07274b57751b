// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds X.509 v3 certificates signed with ECDSA P-256 / SHA-256, encoded by hand in DER.
 *
 * <p>Why by hand: the JDK can parse and check certificates but has no public API to create one, and the
 * simulator needs exactly two shapes (a CA and a TLS server), which is a few dozen lines of DER. That saves
 * shipping Bouncy Castle (two signed jars, about 9 MB) into the OSGi runtime; the JDK's own
 * {@link CertificateFactory} parses every certificate we build, so a malformed one fails at once.
 */
public final class CertificateBuilder {
    private static final String EC_SHA256 = "1.2.840.10045.4.3.2";
    private static final String CN = "2.5.4.3";
    private static final String O = "2.5.4.10";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXT_KEY_USAGE = "2.5.29.37";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final int DIGITAL_SIGNATURE = 0x80;
    private static final int KEY_CERT_SIGN = 0x04;
    private static final int CRL_SIGN = 0x02;

    private final SecureRandom random;

    /** @param random source of serial numbers */
    public CertificateBuilder(SecureRandom random) {
        this.random = random;
    }

    /** A self-signed CA certificate. */
    public X509Certificate authority(String commonName, PublicKey publicKey, PrivateKey privateKey,
            ZonedDateTime from, ZonedDateTime to) throws GeneralSecurityException {
        byte[] name = name(commonName);
        byte[] extensions = Der.sequence(
                extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))),
                extension(KEY_USAGE, true, Der.namedBits(KEY_CERT_SIGN | CRL_SIGN)));
        return sign(name, name, publicKey, extensions, privateKey, from, to);
    }

    /** A TLS server certificate for the given DNS names and IP addresses, signed by the CA. */
    public X509Certificate server(X509Certificate ca, PrivateKey caKey, String commonName, PublicKey publicKey,
            List<String> hosts, ZonedDateTime from, ZonedDateTime to) throws GeneralSecurityException {
        List<byte[]> names = new ArrayList<>();
        for (String host : hosts) {
            names.add(generalName(host));
        }
        byte[] extensions = Der.sequence(
                extension(BASIC_CONSTRAINTS, true, Der.sequence()),
                extension(KEY_USAGE, true, Der.namedBits(DIGITAL_SIGNATURE)),
                extension(EXT_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH))),
                extension(SUBJECT_ALT_NAME, false, Der.sequence(names.toArray(new byte[0][]))));
        byte[] issuer = ca.getSubjectX500Principal().getEncoded();
        return sign(issuer, name(commonName), publicKey, extensions, caKey, from, to);
    }

    private X509Certificate sign(byte[] issuer, byte[] subject, PublicKey publicKey, byte[] extensions,
            PrivateKey signer, ZonedDateTime from, ZonedDateTime to) throws GeneralSecurityException {
        byte[] algorithm = Der.sequence(Der.oid(EC_SHA256));
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.valueOf(2))),
                Der.integer(new BigInteger(127, random).add(BigInteger.ONE)),
                algorithm,
                issuer,
                Der.sequence(Der.time(from), Der.time(to)),
                subject,
                publicKey.getEncoded(),
                Der.explicit(3, extensions));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(signer);
        s.update(tbs);
        byte[] der = Der.sequence(tbs, algorithm, Der.bitString(s.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] name(String commonName) {
        return Der.sequence(
                Der.set(Der.sequence(Der.oid(O), Der.utf8("Open NHI simulated IDC"))),
                Der.set(Der.sequence(Der.oid(CN), Der.utf8(commonName))));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    private static byte[] generalName(String host) throws GeneralSecurityException {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            try {
                return Der.implicit(7, InetAddress.getByName(host).getAddress());
            } catch (UnknownHostException e) {
                throw new GeneralSecurityException("not an IP address: " + host, e);
            }
        }
        return Der.implicit(2, host.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
