// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.util.Arrays;
import java.util.Objects;

import org.opennhi.contracts.card.RocDate;
import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.HpcAuthorisation;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SecureChannel;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.ProfessionalIdentity;

/** The HPC's PIN commands: verify (4.2), change (4.3) and unlock with the PUK (4.4). */
final class HpcPins {
    private final HpcAccess hpc;
    private final Desk desk;
    private final HpcAuthorisation hpcAuth;

    HpcPins(HpcAccess hpc, Desk desk, HpcAuthorisation hpcAuth) {
        this.hpc = Objects.requireNonNull(hpc, "hpc");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.hpcAuth = Objects.requireNonNull(hpcAuth, "hpcAuth");
    }

    void verify(PinSource pin) throws NhiException {
        hpc.session(s -> {
            ProfessionalIdentity who = hpc.identity(s);
            if (RocDate.parseDate(who.expiryDate()).map(d -> d.isBefore(desk.now().toLocalDate())).orElse(false)) {
                throw new NhiException(ResultCode.HPC_EXPIRED, "the HPC expired on " + who.expiryDate());
            }
            char[] digits = pin.pin(PinSource.Purpose.HPC_PIN);
            try {
                // the HPC is authenticated with the SAM first: the authorisation needs the SAM's word on the card
                if (desk.sam().status() == SamStatus.NOT_AUTHENTICATED) {
                    desk.sam().authenticateWithIdc(Progress.NONE);
                }
                SecureChannel channel = desk.sam().authenticateCard(s);
                hpc.samAuthenticated();
                hpcAuth.verifyPin(s, channel, digits);
                hpc.pinVerified(true);
                hpc.authorised(who);
                return null;
            } finally {
                Arrays.fill(digits, '\0');
            }
        });
    }

    void change(PinSource pin) throws NhiException {
        hpc.session(s -> {
            hpc.identity(s);
            byte[] old = Pins.digits(pin.pin(PinSource.Purpose.HPC_PIN));
            byte[] neu = Pins.digits(pin.pin(PinSource.Purpose.HPC_NEW_PIN));
            try {
                ResponseApdu r = s.transmit(Commands.change(Commands.block(old), Commands.block(neu)));
                if (!r.isOk()) {
                    throw CardCommand.CHANGE_HPC_PIN.failure(r.sw());
                }
                hpc.pinVerified(false);
                return null;
            } finally {
                Arrays.fill(old, (byte) 0);
                Arrays.fill(neu, (byte) 0);
            }
        });
    }

    void unlock(PinSource pin) throws NhiException {
        hpc.session(s -> {
            hpc.identity(s);
            char[] pukChars = pin.pin(PinSource.Purpose.HPC_PUK);
            byte[] puk = new byte[pukChars.length];
            for (int i = 0; i < puk.length; i++) {
                puk[i] = (byte) pukChars[i];
            }
            Arrays.fill(pukChars, '\0');
            byte[] neu = Pins.digits(pin.pin(PinSource.Purpose.HPC_NEW_PIN));
            try {
                ResponseApdu r = s.transmit(Commands.unblock(Commands.block(puk), Commands.block(neu)));
                if (!r.isOk()) {
                    throw CardCommand.UNBLOCK_HPC_PIN.failure(r.sw());
                }
                hpc.pinVerified(true);
                return null;
            } finally {
                Arrays.fill(puk, (byte) 0);
                Arrays.fill(neu, (byte) 0);
            }
        });
    }
}
