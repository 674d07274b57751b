// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.internal;

import java.util.EnumMap;
import java.util.Map;

import org.opennhi.contracts.platform.Environment;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/**
 * Test and production must never meet (docs/GLOSSARY.md, "Test / production"): a test card with a production SAM, a production card with
 * a test SAM, a test HC with a production HPC, or the reverse. Mixing them makes the card count failed
 * authentications until it locks, so the mix is refused with 9203 before anything is tried. Remembers the
 * environment of the HC and HPC authenticated last, until they leave their reader.
 */
final class MixGuard {
    private final Map<Slot, Environment> authenticated = new EnumMap<>(Slot.class);

    /** @throws NhiException 9203 when the card's environment differs from the SAM's or the other card's */
    synchronized void check(Slot slot, Environment card, Environment sam) throws NhiException {
        if (card != sam) {
            throw new NhiException(ResultCode.TEST_PRODUCTION_MIX, "a " + describe(card) + " " + slot + " with a "
                    + describe(sam) + " SAM");
        }
        Slot other = slot == Slot.HC ? Slot.HPC : Slot.HC;
        Environment otherCard = authenticated.get(other);
        if (otherCard != null && otherCard != card) {
            throw new NhiException(ResultCode.TEST_PRODUCTION_MIX, "a " + describe(card) + " " + slot + " with a "
                    + describe(otherCard) + " " + other);
        }
    }

    synchronized void authenticated(Slot slot, Environment env) {
        authenticated.put(slot, env);
    }

    synchronized void left(Slot slot) {
        authenticated.remove(slot);
    }

    private static String describe(Environment env) {
        return env == Environment.TEST ? "test" : "production";
    }
}
