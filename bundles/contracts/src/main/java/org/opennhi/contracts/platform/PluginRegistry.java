// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The plugins of one kind present now, keyed by a service property (the reader type, the SAM mode). When a key
 * has several plugins the highest {@code service.ranking} wins, then the oldest service. The reader and SAM
 * services keep their plugins in one of these, so a plugin is picked the same way whatever its kind.
 *
 * @param <P> the plugin type
 */
public final class PluginRegistry<P> {
    /** OSGi's standard service properties (Core R8 §5.2.5), named here so contracts need no framework. */
    private static final String SERVICE_RANKING = "service.ranking";
    private static final String SERVICE_ID = "service.id";

    private record Entry<P>(P plugin, String key, int ranking, long serviceId) {
    }

    private final String keyProperty;
    private final List<Entry<P>> entries = new ArrayList<>();

    /** @param keyProperty the service property naming the plugin's key, e.g. {@code opennhi.reader.type} */
    public PluginRegistry(String keyProperty) {
        this.keyProperty = keyProperty;
    }

    /**
     * @param plugin a plugin service that arrived
     * @param props its service properties
     * @return its key, or empty when it lacks the key property and so is ignored
     */
    public synchronized Optional<String> add(P plugin, Map<String, ?> props) {
        Object key = props.get(keyProperty);
        if (key == null) {
            return Optional.empty();
        }
        Object ranking = props.get(SERVICE_RANKING);
        Object id = props.get(SERVICE_ID);
        entries.add(new Entry<>(plugin, key.toString(), ranking instanceof Integer r ? r : 0,
                id instanceof Long l ? l : Long.MAX_VALUE));
        return Optional.of(key.toString());
    }

    /** @param plugin a plugin service that left; unknown ones are ignored */
    public synchronized void remove(P plugin) {
        entries.removeIf(e -> e.plugin() == plugin);
    }

    /** @return the plugin that serves {@code key}: highest ranking, then lowest service id */
    public synchronized Optional<P> preferred(String key) {
        return entries.stream().filter(e -> e.key().equals(key))
                .min(Comparator.<Entry<P>>comparingInt(Entry::ranking).reversed().thenComparingLong(Entry::serviceId))
                .map(Entry::plugin);
    }

    /** @return the keys of the plugins present, sorted, each once */
    public synchronized List<String> keys() {
        return new ArrayList<>(new TreeSet<>(entries.stream().map(Entry::key).toList()));
    }

    /** @return the name of the key property */
    public String keyProperty() {
        return keyProperty;
    }
}
