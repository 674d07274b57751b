// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

/**
 * How to reach the reader, resolved from configuration.
 *
 * @param port the port to open (path or system name), or empty when none is configured
 * @param baudRate line speed
 * @param responseTimeoutMillis how long each attempt waits for an answer
 * @param retries how often a request is sent again
 * @param pollMillis time between two looks at the slots
 * @param reconnectMillis time between two attempts to open the port
 */
record LineSettings(String port, int baudRate, long responseTimeoutMillis, int retries, long pollMillis,
        long reconnectMillis) {
    /** Time allowed from a frame's STX to its ETX (docs/serial-protocol.md §3). */
    static final long FRAME_TIMEOUT_MILLIS = 500;
}
