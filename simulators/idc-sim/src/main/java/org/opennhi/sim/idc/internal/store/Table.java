// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One typed table of the {@link Journal}: reads come from memory, every write goes through the journal first.
 *
 * @param <T> the row type (a Gson-serialisable record or class)
 */
public final class Table<T> {
    private final Journal journal;
    private final String name;
    private final Map<String, T> rows = new ConcurrentHashMap<>();

    /**
     * @param journal the journal that makes the table durable
     * @param name the table's name in the journal
     * @param type the row type
     */
    public Table(Journal journal, String name, Class<T> type) {
        this.journal = journal;
        this.name = name;
        journal.forEach(name, type, rows::put);
    }

    /** @return the row under {@code key} */
    public Optional<T> get(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(rows.get(key));
    }

    /** Stores a row durably. */
    public void put(String key, T row) {
        journal.put(name, key, row);
        rows.put(key, row);
    }

    /** Removes a row durably. */
    public void remove(String key) {
        journal.remove(name, key);
        rows.remove(key);
    }

    /** @return a snapshot of all rows */
    public List<T> values() {
        return new ArrayList<>(rows.values());
    }

    /** @return the number of rows */
    public int size() {
        return rows.size();
    }

    /** @return the keys */
    public Collection<String> keys() {
        return new ArrayList<>(rows.keySet());
    }
}
