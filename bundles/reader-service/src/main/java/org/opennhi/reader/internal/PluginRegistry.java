package org.opennhi.reader.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.opennhi.contracts.reader.ReaderPlugin;

/** The reader plugins present now, by type; the highest service ranking wins when a type has several. */
final class PluginRegistry {
    record Entry(ReaderPlugin plugin, String type, int ranking, long serviceId) {
    }

    private static final Comparator<Entry> PREFERRED = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(Entry e) {
        entries.add(e);
    }

    synchronized void remove(ReaderPlugin plugin) {
        entries.removeIf(e -> e.plugin() == plugin);
    }

    synchronized Optional<Entry> preferred(String type) {
        return entries.stream().filter(e -> e.type().equals(type)).min(PREFERRED);
    }

    synchronized List<String> types() {
        return new ArrayList<>(new TreeSet<>(entries.stream().map(Entry::type).toList()));
    }
}
