// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.util.Arrays;
import java.util.Objects;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.engine.CardStatus;
import org.opennhi.engine.PinSource;

/** The HC reads that combine or prepare areas: basic data (1.1), registration (1.2), last sequence number (1.14). */
final class HcReads {
    private final HcAccess hc;

    HcReads(HcAccess hc) {
        this.hc = Objects.requireNonNull(hc, "hc");
    }

    byte[] basicData() throws NhiException {
        return hc.read(PinSource.none(), c -> {
            byte[] basic = c.area(HcArea.BASIC_PROFILE);
            byte[] status = c.area(HcArea.CARD_STATUS);
            byte[] phone = c.area(HcArea.EMERGENCY_PHONE);
            byte[] out = Arrays.copyOf(basic, basic.length + 1 + phone.length);
            out[basic.length] = new CardStatus(status).cancellationMark();
            System.arraycopy(phone, 0, out, basic.length + 1, phone.length);
            return out;
        });
    }

    byte[] registration(PinSource pin) throws NhiException {
        return hc.read(pin, c -> {
            byte[] reg = c.area(HcArea.REGISTRATION);
            // Prefetch what the visit's later steps read while the PIN is verified: each write authenticates
            // the card afresh, which ends the PIN's verification, so they need no PIN again.
            if (Boolean.TRUE.equals(c.pinEnabledKnown())) {
                c.area(HcArea.VISITS);
                c.area(HcArea.CUMULATIVE_DATA);
                c.area(HcArea.DIAGNOSES);
            }
            return reg;
        });
    }

    byte[] lastSequenceNumber(PinSource pin) throws NhiException {
        return hc.read(pin, c -> {
            VisitLedger.settle(c);
            return c.area(HcArea.LAST_SEQUENCE);
        });
    }
}
