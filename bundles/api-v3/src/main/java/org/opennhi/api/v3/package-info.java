// SPDX-License-Identifier: Apache-2.0
/**
 * The 3.5.x control software API (the dedicated reader generation, {@code cshis30.dll}) as a Java service: the
 * 3.3 manual's function names and parameters, its 1-based fixed-width buffers and its return codes.
 */
@Export
@Version("1.2.0")
package org.opennhi.api.v3;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
