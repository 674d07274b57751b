// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

/**
 * RESET RETRY COUNTER (HPC, hpcUnlockHPC): {@code 00 2C 00 01 10 PUK new}: the 8-digit PUK as an 8-byte
 * block, then the new PIN as an FF-padded block. SW: 9000 unblocked with the new PIN; 6300 wrong PUK (not
 * counted); 6A80 malformed; 6700 Lc not 16; 6A86 P1/P2.
 */
final class UnblockPinCommand extends PinCommand {
    UnblockPinCommand(PinRule rule) {
        super(rule);
    }

    @Override
    byte[] run(Apdu apdu, CardContext card) {
        if (apdu.nc() != 2 * Pins.BLOCK) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        String puk = Pins.block(apdu.data(), 0, 8, 8);
        String newPin = Pins.block(apdu.data(), Pins.BLOCK, 4, 6);
        if (puk == null || newPin == null) {
            return StatusWords.only(StatusWords.WRONG_DATA);
        }
        if (!Pins.same(puk, card.state().puk())) {
            return StatusWords.only(StatusWords.VERIFICATION_FAILED);
        }
        card.state().setPin(newPin, true);
        card.session().pinVerified = false;
        card.persist();
        return StatusWords.only(StatusWords.OK);
    }
}
