// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

/**
 * DISABLE VERIFICATION REQUIREMENT (HC, csDisableHCPIN): {@code 00 26 00 01}, after a successful VERIFY in
 * this session. SW: 9000 disabled; 6982 PIN not verified in this session, or no SAM session; 6984 no PIN
 * enabled; 6983 card locked; 6A86 P1/P2.
 */
final class DisablePinCommand extends PinCommand {
    DisablePinCommand(PinRule rule) {
        super(rule);
    }

    @Override
    byte[] run(Apdu apdu, CardContext card) {
        if (!card.state().pinEnabled()) {
            return StatusWords.only(StatusWords.REFERENCE_DATA_NOT_USABLE);
        }
        if (!card.session().pinVerified()) {
            return StatusWords.only(StatusWords.SECURITY_NOT_SATISFIED);
        }
        card.state().setPin(null, false);
        card.session().pinVerified = false;
        card.persist();
        return StatusWords.only(StatusWords.OK);
    }
}
