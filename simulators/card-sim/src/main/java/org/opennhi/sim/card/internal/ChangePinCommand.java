// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

/**
 * CHANGE REFERENCE DATA: {@code 00 24 00 01 10 old new}, each an 8-byte block of 4..6 ASCII digits padded
 * with FF. The old PIN counts as a VERIFY. SW: 9000 changed (and verified); 63Cx / 6983 wrong old PIN;
 * 6984 no PIN enabled (use ENABLE VERIFICATION); 6A80 malformed blocks; 6700 Lc not 16; 6982 HC without
 * SAM session; 6A86 P1/P2.
 */
final class ChangePinCommand extends PinCommand {
    ChangePinCommand(PinRule rule) {
        super(rule);
    }

    @Override
    byte[] run(Apdu apdu, CardContext card) {
        if (apdu.nc() != 2 * Pins.BLOCK) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        CardState s = card.state();
        if (!s.pinEnabled()) {
            return StatusWords.only(StatusWords.REFERENCE_DATA_NOT_USABLE);
        }
        if (s.pinTries() == 0) {
            return StatusWords.only(StatusWords.BLOCKED);
        }
        String oldPin = Pins.block(apdu.data(), 0, 4, 6);
        String newPin = Pins.block(apdu.data(), Pins.BLOCK, 4, 6);
        if (oldPin == null || newPin == null) {
            return StatusWords.only(StatusWords.WRONG_DATA);
        }
        int sw = PinRule.present(oldPin, card);
        if (sw != StatusWords.OK) {
            return StatusWords.only(sw);
        }
        s.setPin(newPin, true);
        card.persist();
        return StatusWords.only(StatusWords.OK);
    }
}
