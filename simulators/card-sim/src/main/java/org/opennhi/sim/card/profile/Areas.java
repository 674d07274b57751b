// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.profile;

import org.opennhi.card.crypto.CardKind;
import org.opennhi.sim.card.internal.Area;
import org.opennhi.sim.card.internal.Layouts;

/**
 * The data areas each kind of card holds (docs/card-profile.md §4–§6). The HC's area numbers, sizes and
 * protection are {@link org.opennhi.contracts.card.HcArea}; this answers for every card kind.
 */
public final class Areas {
    /** Every card kind's public identity area: the HC's basic profile, the HPC's, SAM's and institution's. */
    public static final int IDENTITY = Layouts.IDENTITY;
    /** HC and HPC: PIN status, public (3). */
    public static final int PIN_STATUS = Layouts.PIN_STATUS;

    private Areas() {
    }

    /** @return bytes per record of that area on that kind of card, or -1 when the card has no such area */
    public static int recordLength(CardKind kind, int area) {
        Area a = Layouts.of(kind).get(area);
        return a == null ? -1 : a.recordLength();
    }

    /** @return records in that area, or -1 when the card has no such area */
    public static int records(CardKind kind, int area) {
        Area a = Layouts.of(kind).get(area);
        return a == null ? -1 : a.records();
    }
}
