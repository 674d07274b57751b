// SPDX-License-Identifier: Apache-2.0
/**
 * What the chip-reader (PC/SC) plugin offers beyond the reader SPI: the rescan of its HC/HPC reader mapping.
 * The plugin registers {@link org.opennhi.reader.pcsc.ChipReaders} beside its
 * {@link org.opennhi.contracts.reader.ReaderPlugin} service.
 */
@Export
@Version("1.0.0")
package org.opennhi.reader.pcsc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
