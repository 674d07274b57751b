// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.sam;

/**
 * What a SAM gets from a successful authentication: a bearer token for later requests.
 *
 * @param token the bearer token (never logged)
 * @param samId the SAM
 * @param hospitalId its institution
 * @param machineId the PC it authenticated from
 * @param createdAt ISO date-time
 * @param expiresAtMillis when the session ends (epoch milliseconds)
 */
public record Session(String token, String samId, String hospitalId, String machineId, String createdAt,
        long expiresAtMillis) {
}
