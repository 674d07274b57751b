// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.internal.osgi;

import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.reader.ReaderEmulator;
import org.opennhi.sim.reader.ScriptedKeypad;
import org.opennhi.sim.reader.protocol.Slot;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands of demo mode for the emulated dedicated reader: {@code serial:insert sam|hc|hpc CARD},
 * {@code serial:remove sam|hc|hpc}, {@code serial:keypad DIGITS|cancel} (the next PIN entry; the digits are
 * never echoed or logged), {@code serial:status}.
 */
@Component(service = SerialCommands.class, property = {"osgi.command.scope=serial", "osgi.command.function=insert",
        "osgi.command.function=remove", "osgi.command.function=keypad", "osgi.command.function=status"})
public final class SerialCommands {
    private final SimulatedCards world;
    private final ReaderEmulator reader;
    private final ScriptedKeypad keypad;

    /** @param world the card world; @param reader the emulator; @param keypad its keypad */
    @Activate
    public SerialCommands(@Reference SimulatedCards world, @Reference ReaderEmulator reader,
            @Reference ScriptedKeypad keypad) {
        this.world = world;
        this.reader = reader;
        this.keypad = keypad;
    }

    /** Puts a card into a slot (replacing the one there). */
    public String insert(String slot, String number) {
        VirtualCard card = world.card(number);
        reader.insert(Slot.named(slot), card);
        return card.kind() + " " + number + " in the " + Slot.named(slot) + " slot";
    }

    /** Takes the card out of a slot. */
    public String remove(String slot) {
        reader.remove(Slot.named(slot));
        return "removed";
    }

    /** Plays the user at the keypad for the next PIN entry: digits and OK, or cancel. */
    public String keypad(String digitsOrCancel) {
        if (digitsOrCancel.equalsIgnoreCase("cancel")) {
            keypad.cancel();
        } else if (digitsOrCancel.matches("[0-9]{1,8}")) {
            keypad.type(digitsOrCancel);
        } else {
            throw new IllegalArgumentException("keypad takes 1 to 8 digits or 'cancel'");
        }
        return "queued for the next PIN entry";
    }

    /** @return slots, LEDs, clock and counters */
    public String status() {
        return reader.describe();
    }
}
