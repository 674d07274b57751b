// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opennhi.card.crypto.CardKind;
import org.opennhi.contracts.card.HcArea;

/**
 * The data areas of each card kind, as tabled in docs/card-profile.md §4–§6: the HC's are the card profile's
 * {@link HcArea}s, which the platform's engine reads by the same table. Byte layouts inside the areas follow
 * the 5.1.3 API manual's buffers so the engine can copy fields without reshaping them.
 */
public final class Layouts {
    /** Every card kind's public identity area (the HC's basic profile). */
    public static final int IDENTITY = 0x00;
    /** Pseudo-area of the HC and the HPC, read-only and public: PIN enabled, tries left, verified (§3.2). */
    public static final int PIN_STATUS = 0xFF;

    private static final Map<CardKind, Map<Integer, Area>> LAYOUTS = Map.of(
            CardKind.HC, index(Arrays.stream(HcArea.values()).filter(a -> a != HcArea.PIN_STATUS).map(Area::of)
                    .toList()),
            CardKind.HPC, index(List.of(Area.identity("professional identity", 71))),
            CardKind.SAM, index(List.of(Area.identity("SAM identity", 82))),
            CardKind.INSTITUTION, index(List.of(Area.identity("institution identity", 62))));

    private Layouts() {
    }

    /** @return the areas of that kind of card, by area number, in number order */
    public static Map<Integer, Area> of(CardKind kind) {
        return LAYOUTS.get(kind);
    }

    private static Map<Integer, Area> index(List<Area> areas) {
        Map<Integer, Area> m = new LinkedHashMap<>();
        areas.forEach(a -> m.put(a.id(), a));
        return java.util.Collections.unmodifiableMap(m);
    }
}
