// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.hpc;

/**
 * An HPC fast-authentication token (醫師卡快速認證): after one PIN verification the HPC may leave the reader
 * for 8 hours.
 *
 * @param token the bearer value (never logged)
 * @param hpcCardNo the HPC's card number
 * @param samId the SAM whose platform asked
 * @param machineId the PC
 * @param issuedAt ISO date-time
 * @param expiresAtMillis epoch milliseconds
 */
public record FastAuthToken(String token, String hpcCardNo, String samId, String machineId, String issuedAt,
        long expiresAtMillis) {
}
