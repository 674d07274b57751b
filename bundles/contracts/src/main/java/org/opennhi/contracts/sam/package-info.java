// SPDX-License-Identifier: Apache-2.0
/**
 * The SAM service: status, identity, IDC authentication, card authentication and signatures, the same for
 * cloud and physical SAMs, and the SPI SAM plugins implement (apart from the service since 2.0.0).
 */
@Export
@Version("2.0.0")
package org.opennhi.contracts.sam;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
