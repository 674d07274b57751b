// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.vpcd.internal.osgi;

import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.vpcd.VpcdBridge;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands of demo mode for the vpcd readers: {@code vpcd:insert hc|hpc CARD} (also swaps),
 * {@code vpcd:remove hc|hpc}, {@code vpcd:status}.
 */
@Component(service = VpcdCommands.class, property = {"osgi.command.scope=vpcd", "osgi.command.function=insert",
        "osgi.command.function=remove", "osgi.command.function=status"})
public final class VpcdCommands {
    private final SimulatedCards world;
    private final VpcdBridge bridge;

    /** @param world the card world; @param bridge the demo readers */
    @Activate
    public VpcdCommands(@Reference SimulatedCards world, @Reference VpcdBridge bridge) {
        this.world = world;
        this.bridge = bridge;
    }

    /** Puts a card into a reader, taking out the one there (pcscd sees a removal, then an insertion). */
    public String insert(String slot, String number) {
        VirtualCard card = world.card(number);
        bridge.slot(slot).insert(card);
        return card.kind() + " " + number + " inserted";
    }

    /** Takes the card out of a reader. */
    public String remove(String slot) {
        bridge.slot(slot).remove();
        return "removed";
    }

    /** @return the readers and their cards */
    public String status() {
        return bridge.describe();
    }
}
