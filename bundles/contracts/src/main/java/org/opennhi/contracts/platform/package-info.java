// SPDX-License-Identifier: Apache-2.0
/**
 * Platform-wide contracts: the NHI home folder, the live settings, test/production environments, progress
 * reporting and the facade registry.
 */
@Export
@Version("1.3.0")
package org.opennhi.contracts.platform;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
