// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks every API request passes, in this order: the Host header is one of the allowed names (so a
 * DNS-rebinding page cannot reach us), the Origin, when a browser sends one, is exactly an allowed origin
 * (never '*', never reflected), and the request carries the install's client token. Pure logic: the servlet
 * context feeds it headers.
 */
final class RequestGuard {
    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;
    private final byte[] token;

    RequestGuard(Set<String> allowedHosts, Set<String> allowedOrigins, String token) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.allowedOrigins = allowedOrigins.stream().filter(o -> !o.equals("*") && !o.equalsIgnoreCase("null"))
                .map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    /** Host and Origin only: they decide whether we talk to the caller at all, before any token check. */
    Verdict checkCaller(String host, String origin) {
        if (host == null || !allowedHosts.contains(host.strip().toLowerCase(Locale.ROOT))) {
            return Verdict.refuse(403, "host_not_allowed", "The Host header is not one this API answers to.");
        }
        if (origin != null && !isAllowedOrigin(origin)) {
            return Verdict.refuse(403, "origin_not_allowed", "Requests from this web origin are not allowed.");
        }
        return Verdict.ALLOW;
    }

    /** @return whether the {@code Authorization} header carries this install's token */
    boolean hasToken(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.US_ASCII);
        // constant time, so the token cannot be guessed byte by byte from response times
        return MessageDigest.isEqual(presented, token);
    }

    boolean isAllowedOrigin(String origin) {
        return allowedOrigins.contains(origin.strip().toLowerCase(Locale.ROOT));
    }
}
