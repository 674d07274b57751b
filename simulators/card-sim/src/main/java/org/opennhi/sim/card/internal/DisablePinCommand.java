package org.opennhi.sim.card.internal;

/**
 * DISABLE VERIFICATION REQUIREMENT (HC, csDisableHCPIN): {@code 00 26 00 01}, after a successful VERIFY in
 * this session. SW: 9000 disabled; 6982 PIN not verified in this session, or no SAM session; 6984 no PIN
 * enabled; 6983 card locked; 6A86 P1/P2.
 */
final class DisablePinCommand implements Command {
    private final PinRule rule;

    DisablePinCommand(PinRule rule) {
        this.rule = rule;
    }

    @Override
    public byte[] execute(Apdu apdu, CardContext card) {
        int sw = rule.check(apdu, card);
        if (sw != Sw.OK) {
            return Sw.only(sw);
        }
        if (!card.state().pinEnabled()) {
            return Sw.only(Sw.REFERENCE_DATA_NOT_USABLE);
        }
        if (!card.session().pinVerified()) {
            return Sw.only(Sw.SECURITY_NOT_SATISFIED);
        }
        card.state().setPin(null, false);
        card.session().pinVerified = false;
        card.persist();
        return Sw.only(Sw.OK);
    }
}
