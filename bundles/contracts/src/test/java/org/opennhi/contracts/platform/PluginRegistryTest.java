// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.Test;

/** How the reader and SAM services pick a plugin, and how listeners are told. */
public class PluginRegistryTest {
    private final PluginRegistry<String> registry = new PluginRegistry<>("opennhi.reader.type");

    @Test
    public void theHighestRankingThenTheOldestServiceServesAKey() {
        registry.add("pcsc-old", Map.of("opennhi.reader.type", "pcsc", "service.id", 5L));
        registry.add("pcsc-new", Map.of("opennhi.reader.type", "pcsc", "service.id", 9L));
        assertEquals("pcsc-old", registry.preferred("pcsc").orElseThrow());
        registry.add("pcsc-vendor", Map.of("opennhi.reader.type", "pcsc", "service.id", 12L, "service.ranking", 10));
        assertEquals("pcsc-vendor", registry.preferred("pcsc").orElseThrow());
        registry.remove("pcsc-vendor");
        assertEquals("pcsc-old", registry.preferred("pcsc").orElseThrow());
        assertTrue(registry.preferred("nhi-com").isEmpty());
    }

    @Test
    public void aPluginWithoutTheKeyIsIgnoredAndKeysAreListedOnce() {
        assertTrue(registry.add("anonymous", Map.of("service.id", 1L)).isEmpty());
        assertEquals("sim", registry.add("sim", Map.of("opennhi.reader.type", "sim")).orElseThrow());
        registry.add("pcsc-a", Map.of("opennhi.reader.type", "pcsc", "service.id", 2L));
        registry.add("pcsc-b", Map.of("opennhi.reader.type", "pcsc", "service.id", 3L));
        assertEquals(List.of("pcsc", "sim"), registry.keys());
    }

    @Test
    public void aFailingListenerNeitherStopsTheOthersNorTheSource() {
        Listeners<Consumer<String>> listeners = new Listeners<>();
        List<String> first = new ArrayList<>();
        List<String> last = new ArrayList<>();
        Consumer<String> firstListener = first::add;
        listeners.add(firstListener);
        listeners.add(event -> {
            throw new IllegalStateException("a broken listener");
        });
        listeners.add(last::add);
        List<RuntimeException> failures = new ArrayList<>();
        listeners.tell(l -> l.accept("card inserted"), failures::add);
        assertEquals(List.of("card inserted"), first);
        assertEquals(List.of("card inserted"), last);
        assertEquals(1, failures.size());
        listeners.remove(firstListener);
        listeners.tell(l -> l.accept("card removed"));
        assertEquals(List.of("card inserted"), first);
        assertEquals(List.of("card inserted", "card removed"), last);
    }
}
