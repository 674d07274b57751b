// SPDX-License-Identifier: Apache-2.0
/**
 * The reader service: slots (HC, HPC, SAM), card presence and ATR, exclusive card sessions, reader status
 * and events, and the SPI reader plugins implement (apart from the service since 2.0.0).
 */
@Export
@Version("2.0.0")
package org.opennhi.contracts.reader;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
