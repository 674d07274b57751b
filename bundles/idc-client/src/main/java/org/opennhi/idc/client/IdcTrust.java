// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for clients of the simulated IDC: trust its per-install CA ({@code <data>/tls/ca.pem}, also served at
 * {@code GET /ca.pem}) and nothing else. Host names are checked as usual: the server certificate names
 * {@code localhost}, {@code 127.0.0.1} and {@code ::1} (plus the bind address).
 */
public final class IdcTrust {
    private IdcTrust() {
    }

    /**
     * @param ca the IDC's CA certificate
     * @return a TLS context whose only trust anchor is {@code ca}
     */
    public static SSLContext context(X509Certificate ca) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("idc-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context for the IDC's CA", e);
        }
    }

    /**
     * @param caPem the CA certificate as PEM text
     * @return a TLS context whose only trust anchor is that CA
     */
    public static SSLContext context(String caPem) {
        return context(Pem.certificate(caPem));
    }
}
