// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opennhi.contracts.reader.Slot;

/**
 * Decides which PC/SC reader serves which slot. Pure logic: the plugin feeds it the configured mapping and
 * what it sees.
 *
 * <ul>
 * <li>A configured reader that is present serves its slot.</li>
 * <li>Otherwise the slot goes to the reader holding a card of its kind (what "rescan" finds).</li>
 * <li>With HPC fast authentication and a single reader, both HC and HPC use that reader: the professional
 * card is read once, then the health cards follow in the same reader.</li>
 * <li>The SAM slot goes to a reader holding a SAM card, if any.</li>
 * </ul>
 */
final class SlotMap {
    /** A reader as the plugin sees it now. */
    record Seen(String name, boolean cardPresent, CardKind kind) {
    }

    private SlotMap() {
    }

    static Map<Slot, String> decide(String hcConfigured, String hpcConfigured, boolean fastAuth, List<Seen> readers) {
        Map<Slot, String> map = new EnumMap<>(Slot.class);
        configured(hcConfigured, readers).ifPresent(r -> map.put(Slot.HC, r));
        configured(hpcConfigured, readers).ifPresent(r -> map.put(Slot.HPC, r));
        for (Slot slot : Slot.values()) {
            if (!map.containsKey(slot)) {
                readers.stream().filter(r -> r.cardPresent() && r.kind().slot() == slot)
                        .filter(r -> slot == Slot.SAM || !map.containsValue(r.name()))
                        .map(Seen::name).findFirst().ifPresent(r -> map.put(slot, r));
            }
        }
        if (fastAuth && readers.size() == 1) {
            String only = readers.get(0).name();
            map.putIfAbsent(Slot.HC, only);
            map.putIfAbsent(Slot.HPC, only);
        }
        return map;
    }

    /**
     * What rescan finds: the reader of each card kind among the cards present, or empty when a kind is not
     * present (then the old mapping of that slot stays).
     */
    static Map<Slot, String> rescan(List<Seen> readers) {
        Map<Slot, String> found = new EnumMap<>(Slot.class);
        for (Seen r : readers) {
            if (r.cardPresent() && r.kind().slot() != null && r.kind() != CardKind.SAM) {
                found.putIfAbsent(r.kind().slot(), r.name());
            }
        }
        return found;
    }

    private static Optional<String> configured(String name, List<Seen> readers) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return readers.stream().map(Seen::name).filter(name::equals).findFirst();
    }
}
