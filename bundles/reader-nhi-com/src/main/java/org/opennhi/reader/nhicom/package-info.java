// SPDX-License-Identifier: Apache-2.0
/**
 * What the dedicated NHI reader (健保讀卡機) offers beyond the reader SPI: PIN entry on its keypad and its clock.
 * The plugin registers {@link org.opennhi.reader.nhicom.DedicatedReader} beside its
 * {@link org.opennhi.contracts.reader.ReaderPlugin} service.
 */
@Export
@Version("1.0.0")
package org.opennhi.reader.nhicom;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
