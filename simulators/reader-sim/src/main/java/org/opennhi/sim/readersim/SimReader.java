// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.readersim;

import java.util.Optional;

import org.opennhi.contracts.reader.Slot;
import org.opennhi.sim.card.VirtualCard;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Hands on the simulated reader: what a person does with a real chip reader, putting a card in and taking it
 * out. Registered as a service next to the reader plugin, so demo commands can move cards.
 */
@ProviderType
public interface SimReader {
    /** Reader type of the simulated reader plugin. */
    String TYPE = "sim";

    /**
     * Puts a card into a slot; a card already there is taken out first (a removal, then an insertion).
     *
     * @param slot HC or HPC
     * @param card the virtual card
     * @throws IllegalArgumentException for a slot the simulated reader does not have (SAM)
     */
    void insert(Slot slot, VirtualCard card);

    /** Takes the card out of a slot; harmless when it is empty. */
    void remove(Slot slot);

    /** @return the number of the card in the slot, if any */
    Optional<String> cardIn(Slot slot);
}
