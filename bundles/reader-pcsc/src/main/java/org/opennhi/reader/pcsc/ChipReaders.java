// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The chip-reader mapping beyond the reader SPI: which reader serves the HC and which the HPC. Registered as an
 * OSGi service by the {@code pcsc} reader plugin, for the console's rescan button and {@code ctl rescan}.
 */
@ProviderType
public interface ChipReaders {

    /**
     * Maps HC and HPC to the readers their cards are in now and saves the mapping, as the official console's
     * rescan does. Also Gogo {@code opennhi:rescan}.
     *
     * @return what was mapped, in words
     */
    String rescan();
}
