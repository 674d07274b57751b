// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal.osgi;

import org.opennhi.sim.card.SimulatedCards;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of demo mode: {@code sim:cards}, {@code sim:show CARD}, {@code sim:reset}. */
@Component(service = CardCommands.class, property = {"osgi.command.scope=sim", "osgi.command.function=cards",
        "osgi.command.function=show", "osgi.command.function=reset"})
public final class CardCommands {
    private final SimulatedCards world;

    /** @param world the simulated card world */
    @Activate
    public CardCommands(@Reference SimulatedCards world) {
        this.world = world;
    }

    /** @return every fixture card */
    public String cards() {
        return world.table();
    }

    /** @return a card's content and counters (no PINs) */
    public String show(String number) {
        return world.show(number);
    }

    /** Issues every fixture card again. */
    public String reset() {
        world.reset();
        return "reset " + world.list().size() + " cards in " + world.directory();
    }
}
