// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.PinSource;

/** The holder's PIN on the HC: whether it is in use, verify (1.27), set or change (1.28), disable (1.29). */
final class HcPins {
    private final HcAccess hc;
    private final BooleanSupplier hpcPresent;

    HcPins(HcAccess hc, BooleanSupplier hpcPresent) {
        this.hc = Objects.requireNonNull(hc, "hc");
        this.hpcPresent = Objects.requireNonNull(hpcPresent, "hpcPresent");
    }

    boolean enabled() throws NhiException {
        return hc.read(PinSource.none(), HcConversation::pinEnabled);
    }

    void verify(PinSource pin) throws NhiException {
        hc.session(pin, c -> {
            if (!c.authenticated()) {
                c.authenticate();
            }
            c.verifyPin();
            return null;
        });
    }

    void set(PinSource pin) throws NhiException {
        if (hpcPresent.getAsBoolean()) {
            throw new NhiException(ResultCode.REMOVE_HPC_TO_CHANGE_PIN, "remove the HPC before changing the HC PIN");
        }
        hc.session(pin, c -> {
            boolean enabled = c.pinEnabled();
            if (enabled && !c.pinVerified()) {
                throw new NhiException(ResultCode.OLD_PIN_NOT_VERIFIED, "verify the current PIN first (1.27)");
            }
            if (!c.authenticated()) {
                c.authenticate();
            }
            byte[] old = enabled ? Pins.digits(pin.pin(PinSource.Purpose.HC_PIN)) : new byte[0];
            byte[] digits = Pins.digits(pin.pin(PinSource.Purpose.HC_NEW_PIN));
            byte[] block = Commands.block(digits);
            try {
                // a PIN in use is changed with the old one (CHANGE REFERENCE DATA), a first one is set (ENABLE)
                CardCommand kind = enabled ? CardCommand.CHANGE_HC_PIN : CardCommand.ENABLE_HC_PIN;
                ResponseApdu r = c.transmitSelected(kind, enabled ? Commands.change(Commands.block(old), block)
                        : Commands.enable(block));
                if (!r.isOk()) {
                    throw kind.failure(r.sw());
                }
                c.pinChanged(true, true);
                return null;
            } finally {
                Arrays.fill(old, (byte) 0);
                Arrays.fill(digits, (byte) 0);
                Arrays.fill(block, (byte) 0);
            }
        });
    }

    void disable(PinSource pin) throws NhiException {
        hc.session(pin, c -> {
            if (!c.pinVerified()) {
                throw new NhiException(ResultCode.OLD_PIN_NOT_VERIFIED, "verify the PIN first (1.27)");
            }
            ResponseApdu r = c.transmitSelected(CardCommand.DISABLE_HC_PIN, Commands.disable());
            if (!r.isOk()) {
                throw CardCommand.DISABLE_HC_PIN.failure(r.sw());
            }
            c.pinChanged(false, true);
            return null;
        });
    }
}
