// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** PEM text (RFC 7468) for certificates and keys. */
public final class Pem {
    private Pem() {
    }

    /**
     * @param label e.g. {@code CERTIFICATE}
     * @param der the DER bytes
     * @return the PEM text, lines of 64 characters
     */
    public static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /**
     * @param pem PEM text
     * @param label the expected label
     * @return the DER bytes of the first block with that label
     * @throws IllegalArgumentException when there is no such block
     */
    public static byte[] decode(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = from < 0 ? -1 : pem.indexOf(end, from);
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("no " + label + " block in the PEM text");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    /**
     * @param pem PEM text holding a certificate
     * @return the certificate
     */
    public static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(decode(pem, "CERTIFICATE")));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a certificate", e);
        }
    }
}
