// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.opennhi.idc.client.Pem;

/**
 * The per-install certificate authority: created on first start in {@code <data>/tls/} ({@code ca.pem}, and
 * {@code ca.key} readable by the owner only), reused afterwards so that clients trust it once. A fresh server
 * certificate for the listening host names is issued from it at every start.
 */
public final class CertificateAuthority {
    private static final System.Logger LOG = System.getLogger(CertificateAuthority.class.getName());

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final SecureRandom random;

    private CertificateAuthority(X509Certificate certificate, PrivateKey key, SecureRandom random) {
        this.certificate = certificate;
        this.key = key;
        this.random = random;
    }

    /** Loads the CA from {@code dir}, creating it when absent. */
    public static CertificateAuthority loadOrCreate(Path dir, SecureRandom random) {
        Path certFile = dir.resolve("ca.pem");
        Path keyFile = dir.resolve("ca.key");
        try {
            if (Files.exists(certFile) && Files.exists(keyFile)) {
                X509Certificate cert = Pem.certificate(Files.readString(certFile, StandardCharsets.US_ASCII));
                PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                        Pem.decode(Files.readString(keyFile, StandardCharsets.US_ASCII), "PRIVATE KEY")));
                return new CertificateAuthority(cert, key, random);
            }
            Files.createDirectories(dir);
            KeyPair pair = ecKeyPair(random);
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).minusDays(1);
            X509Certificate cert = new CertificateBuilder(random).authority("Open NHI simulated IDC CA",
                    pair.getPublic(), pair.getPrivate(), now, now.plusYears(20));
            writePrivate(keyFile, Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(certFile, Pem.encode("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
            LOG.log(System.Logger.Level.INFO, "created a new IDC certificate authority in {0}", dir);
            return new CertificateAuthority(cert, pair.getPrivate(), random);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the CA in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load or create the CA", e);
        }
    }

    /** @return the CA certificate clients trust */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the CA's signing key (also signs SAM files) */
    public PrivateKey key() {
        return key;
    }

    /**
     * Issues a server certificate and returns a key store holding it with its chain.
     *
     * @param hosts DNS names and IP addresses the certificate names
     * @param password the key store password
     * @return a PKCS12 key store with one entry, {@code server}
     */
    public KeyStore serverKeyStore(List<String> hosts, char[] password) {
        try {
            KeyPair pair = ecKeyPair(random);
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).minusDays(1);
            X509Certificate cert = new CertificateBuilder(random).server(certificate, key, hosts.get(0),
                    pair.getPublic(), hosts, now, now.plusYears(2));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", pair.getPrivate(), password, new Certificate[] {cert, certificate});
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue the server certificate", e);
        }
    }

    private static KeyPair ecKeyPair(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), random);
        return g.generateKeyPair();
    }

    private static void writePrivate(Path file, String pem) throws IOException {
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's ACL applies
        }
    }
}
