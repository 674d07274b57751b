// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.physical.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The physical SAM's settings, resolved.
 *
 * @param iniFolder where the machine id is kept
 * @param idcUrl the IDC's base URL
 * @param caFile the IDC's CA
 * @param connectTimeout connection bound
 * @param answerTimeout answer bound
 * @param samWait how long to wait for the SAM slot
 */
record PhysicalSamSettings(Path iniFolder, URI idcUrl, Path caFile, Duration connectTimeout, Duration answerTimeout,
        Duration samWait) {
}
