// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

/**
 * The gateway's answer to one request: let it through, answer a CORS preflight, or refuse it with a status
 * and a reason the caller can act on.
 */
record Verdict(int status, String error, String message) {
    static final Verdict ALLOW = new Verdict(200, "", "");
    static final Verdict PREFLIGHT = new Verdict(204, "", "");

    static Verdict refuse(int status, String error, String message) {
        return new Verdict(status, error, message);
    }

    boolean allowed() {
        return this == ALLOW;
    }
}
