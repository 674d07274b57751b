// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A SAM session with the IDC (idc-protocol §4 step 2).
 *
 * @param token the bearer token: a secret, never logged
 * @param expiresAt when the IDC ends it (on the IDC's clock)
 */
public record IdcSession(String token, Instant expiresAt) {

    public IdcSession {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "IdcSession[expiresAt=" + expiresAt + "]"; // never the token
    }
}
