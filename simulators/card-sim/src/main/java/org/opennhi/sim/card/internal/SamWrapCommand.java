// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

import org.opennhi.card.crypto.SecureChannel;

/**
 * SAM: PROTECT COMMAND: {@code 80 8E ch 00 Lc plainApdu [00]} → the protected APDU (CLA | 04, data || MAC)
 * for the card authenticated on channel ch. SW: 9000; 6985 no authenticated card on that channel; 6A80 the
 * plain APDU is not a short command with 1..247 data bytes; 6A86 channel not 0..3.
 */
final class SamWrapCommand implements Command {
    @Override
    public byte[] execute(Apdu apdu, CardContext card) {
        if (!SamChannels.valid(apdu)) {
            return StatusWords.only(StatusWords.WRONG_P1P2);
        }
        SecureChannel channel = card.session().hostChannels.get(apdu.p1());
        if (channel == null) {
            return StatusWords.only(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        try {
            return StatusWords.with(channel.wrap(apdu.data()), StatusWords.OK);
        } catch (IllegalArgumentException e) {
            return StatusWords.only(StatusWords.WRONG_DATA);
        }
    }
}
