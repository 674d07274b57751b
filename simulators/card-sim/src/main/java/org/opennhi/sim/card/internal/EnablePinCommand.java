// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

/**
 * ENABLE VERIFICATION REQUIREMENT (HC, csInputHCPIN): {@code 00 28 00 01 08 new}, an FF-padded 8-byte block
 * of 4..6 digits; the holder sets a PIN on a card that has none. SW: 9000 enabled (and verified for this
 * session); 6985 a PIN is already enabled (change it instead); 6A80 malformed; 6700 Lc not 8; 6982 no SAM
 * session; 6983 card locked; 6A86 P1/P2.
 */
final class EnablePinCommand extends PinCommand {
    EnablePinCommand(PinRule rule) {
        super(rule);
    }

    @Override
    byte[] run(Apdu apdu, CardContext card) {
        if (apdu.nc() != Pins.BLOCK) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        if (card.state().pinEnabled()) {
            return StatusWords.only(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        String pin = Pins.block(apdu.data(), 0, 4, 6);
        if (pin == null) {
            return StatusWords.only(StatusWords.WRONG_DATA);
        }
        card.state().setPin(pin, true);
        card.session().pinVerified = true;
        card.persist();
        return StatusWords.only(StatusWords.OK);
    }
}
