// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.sam;

import org.opennhi.sim.idc.internal.store.Table;

/** Durable counters (SAM serials, application numbers). */
public final class Counters {
    private final Table<Long> table;

    /** @param table where the counters live */
    public Counters(Table<Long> table) {
        this.table = table;
    }

    /** @return the next value of {@code name}, starting at 1 */
    public synchronized long next(String name) {
        long value = table.get(name).orElse(0L) + 1;
        table.put(name, value);
        return value;
    }
}
