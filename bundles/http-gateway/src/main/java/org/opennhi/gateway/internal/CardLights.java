// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.Slot;

/**
 * The lights' state machine beyond presence: the card status reported since the card now in each slot went in
 * (hisGetCardStatus 2 authenticated, 3 PIN verified). Presence itself (0, 1) comes from the reader when a
 * snapshot is taken ({@link Light#of}).
 */
final class CardLights {
    static final int CARD_AUTHENTICATED = 2;
    static final int PIN_VERIFIED = 3;

    private final Map<Slot, Integer> reported = new ConcurrentHashMap<>();

    /** A card that went in or out, or a reader that came or went, starts its slot again from presence. */
    void readerEvent(ReaderEvent event) {
        if (event.slot() != null && event.type() != ReaderEvent.Type.STATUS_CHANGED) {
            reported.remove(event.slot());
        }
    }

    /** With the HPC's PIN verified, both cards are in medical mode (seed 001: both lights 3). */
    void platformEvent(PlatformEvent event) {
        Slot slot = event.slot().orElse(null);
        switch (event.type()) {
            case CARD_AUTHENTICATION -> {
                if (event.succeeded() && slot != null && slot != Slot.SAM) {
                    reported.put(slot, CARD_AUTHENTICATED);
                }
            }
            case PIN_VERIFICATION -> {
                if (event.succeeded() && slot == Slot.HPC) {
                    reported.put(Slot.HPC, PIN_VERIFIED);
                    reported.computeIfPresent(Slot.HC, (s, v) -> v == CARD_AUTHENTICATED ? PIN_VERIFIED : v);
                }
            }
            case HPC_AUTHORISATION -> {
                if (!event.succeeded()) {
                    // the grant ended: back from medical mode to authenticated
                    reported.computeIfPresent(Slot.HPC, (s, v) -> v == PIN_VERIFIED ? CARD_AUTHENTICATED : v);
                    reported.computeIfPresent(Slot.HC, (s, v) -> v == PIN_VERIFIED ? CARD_AUTHENTICATED : v);
                }
            }
            default -> {
                // SAM authentication and notices do not change a card's light
            }
        }
    }

    /** @return the status reported for the slot's card, or null when only presence is known */
    Integer reported(Slot slot) {
        return reported.get(slot);
    }
}
