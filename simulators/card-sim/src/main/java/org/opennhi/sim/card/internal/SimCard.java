// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

import java.security.SecureRandom;
import java.util.Map;
import java.util.function.Consumer;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.card.crypto.CardKind;

/**
 * A virtual card: checks the APDU's form, class and selection, then hands it to the command for its INS.
 * SW before dispatch: 6700 malformed APDU; 6D00 unknown INS; 6E00 wrong CLA for the INS; 6986 no applet
 * selected (only SELECT is allowed then).
 */
public final class SimCard implements VirtualCard {
    private final CardContext context;
    private final Map<Integer, Command> commands;

    public SimCard(CardState state, Consumer<CardState> persist, SecureRandom random) {
        this.context = new CardContext(state, persist, random);
        this.commands = Profiles.commands(state.kind());
    }

    @Override
    public CardKind kind() {
        return context.state().kind();
    }

    @Override
    public String number() {
        return context.state().number();
    }

    @Override
    public byte[] atr() {
        return Profiles.atr(kind());
    }

    @Override
    public synchronized void reset() {
        context.session().clearSecurity();
        context.session().selected = false;
        context.session().pending.clear();
        context.session().hostChannels.clear();
    }

    @Override
    public synchronized byte[] transmit(byte[] raw) {
        Apdu apdu = Apdu.parse(raw);
        if (!apdu.valid()) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        Command command = commands.get(apdu.ins());
        if (command == null) {
            return StatusWords.only(StatusWords.INS_NOT_SUPPORTED);
        }
        int expected = Profiles.expectedCla(apdu.ins());
        int cla = apdu.cla();
        // protected commands may arrive unprotected (00/80) and are then refused with 6982 by the command
        boolean claOk = expected == 0x84 ? (cla & ~0x04) == 0x00 || (cla & ~0x04) == 0x80 : cla == expected;
        if (!claOk) {
            return StatusWords.only(StatusWords.CLA_NOT_SUPPORTED);
        }
        if (apdu.ins() != 0xA4 && !context.session().selected()) {
            return StatusWords.only(StatusWords.COMMAND_NOT_ALLOWED);
        }
        return command.execute(apdu, context);
    }

    /** Replaces the card's state by a freshly issued one, as if a new card had been inserted. */
    public synchronized void reload(CardState fresh) {
        context.reload(fresh);
        reset();
    }

    /** @return this card's state (for inspection and the CLI's show) */
    public CardState state() {
        return context.state();
    }
}
