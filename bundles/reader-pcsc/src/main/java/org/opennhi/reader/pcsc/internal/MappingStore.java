// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc.internal;

import java.util.Map;

import org.opennhi.contracts.reader.Slot;

/** Where a learnt reader mapping is kept. */
interface MappingStore {
    /** @param found the readers found for some of HC and HPC; the other slot keeps its mapping */
    void save(Map<Slot, String> found);
}
