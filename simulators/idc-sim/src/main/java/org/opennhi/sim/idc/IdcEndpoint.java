// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a running IDC simulator listens and how to trust it. In the platform's demo mode the embedded
 * simulator registers this as an OSGi service, so the cloud SAM plugin can find its IDC without configuration.
 */
@ProviderType
public interface IdcEndpoint {
    /** @return {@code https://<host>:<port>/} */
    URI baseUri();

    /** @return the per-install CA certificate that clients must trust */
    X509Certificate caCertificate();

    /** @return the CA certificate's PEM file */
    Path caFile();

    /** @return a TLS context that trusts this IDC's CA only */
    SSLContext clientTlsContext();
}
