// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import org.opennhi.contracts.platform.Environment;
import org.opennhi.card.crypto.CardKind;

/**
 * A card of the simulated world, as listed by {@link SimulatedCards#list()}.
 *
 * @param kind HC, HPC, SAM or institution card
 * @param number the 12-character card number (SAM id for a SAM)
 * @param holder the holder's (or institution's) name
 * @param environment TEST or PRODUCTION, from the number's first digit
 * @param purpose which rule the fixture exercises
 */
public record CardInfo(CardKind kind, String number, String holder, Environment environment, String purpose) {
}
