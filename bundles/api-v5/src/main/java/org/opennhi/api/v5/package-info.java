// SPDX-License-Identifier: Apache-2.0
/**
 * The 5.1.x control software API (cshis.dll) as a Java service: the manual's function names and parameters,
 * its 1-based fixed-width buffers and its return codes.
 */
@Export
@Version("1.2.0")
package org.opennhi.api.v5;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
