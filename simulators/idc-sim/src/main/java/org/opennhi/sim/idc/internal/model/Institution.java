// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.model;

/**
 * A contracted medical institution (特約醫事機構).
 *
 * @param hospitalId 10 characters
 * @param name full name
 * @param shortName short name
 * @param contractedAt ISO date-time of the contract
 */
public record Institution(String hospitalId, String name, String shortName, String contractedAt) {
}
