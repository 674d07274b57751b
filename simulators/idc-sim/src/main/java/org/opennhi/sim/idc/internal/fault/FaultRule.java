// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.fault;

/**
 * A fault for requests whose path starts with {@code pathPrefix}.
 *
 * @param pathPrefix e.g. {@code /v1/signatures}, or {@code /} for everything but {@code /admin}
 * @param down answer 503 / 9004 to every request
 * @param drop close the connection without an answer (the client sees a network error: 4061)
 * @param latencyMs added latency before handling, 0..60000
 * @param errorRate fraction 0..1 of requests answered 500 / 9004
 */
public record FaultRule(String pathPrefix, boolean down, boolean drop, long latencyMs, double errorRate) {
}
