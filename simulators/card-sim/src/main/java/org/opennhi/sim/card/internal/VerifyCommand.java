// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

/**
 * VERIFY: {@code 00 20 00 01 Lc PIN} with the PIN as 4..6 ASCII digits; without data it only asks.
 * SW: 9000 verified (asking: already verified); 63Cx wrong PIN, x tries left (asking: not verified yet);
 * 6983 PIN blocked; 6984 no PIN enabled on this card; 6A80 not 4..6 digits (not counted);
 * 6982 HC without SAM session; 6A86 P1/P2 not 00 01.
 */
final class VerifyCommand extends PinCommand {
    VerifyCommand(PinRule rule) {
        super(rule);
    }

    @Override
    byte[] run(Apdu apdu, CardContext card) {
        CardState s = card.state();
        if (!s.pinEnabled()) {
            return StatusWords.only(StatusWords.REFERENCE_DATA_NOT_USABLE);
        }
        if (s.pinTries() == 0) {
            return StatusWords.only(StatusWords.BLOCKED);
        }
        if (apdu.nc() == 0) {
            return StatusWords.only(card.session().pinVerified() ? StatusWords.OK : StatusWords.triesLeft(s.pinTries()));
        }
        String pin = Pins.plain(apdu.data());
        if (pin == null) {
            return StatusWords.only(StatusWords.WRONG_DATA);
        }
        return StatusWords.only(PinRule.present(pin, card));
    }
}
