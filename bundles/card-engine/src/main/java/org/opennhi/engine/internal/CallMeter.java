// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.platform.AuditContext;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.engine.CardFields;
import org.opennhi.engine.ProfessionalIdentity;

/**
 * What the audit trail learns from the engine about the running call (docs/card-engine.md, "Audit"): each APDU
 * sent to a card, the card the call used. Counts on the calling thread's {@link AuditContext}; nothing is kept
 * here, and outside a facade call it counts nothing.
 */
final class CallMeter {
    private CallMeter() {
    }

    /** @return the session, counting every APDU it sends */
    static CardSession metered(CardSession session) {
        return new CardSession() {
            @Override
            public Slot slot() {
                return session.slot();
            }

            @Override
            public byte[] atr() {
                return session.atr();
            }

            @Override
            public ResponseApdu transmit(byte[] command) throws NhiException {
                AuditContext.apdu(session.slot());
                return session.transmit(command);
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    /** The call used the HC whose cached public basic data this is (the card number: its first 12 bytes). */
    static void hc(HcState state) {
        byte[] basic = state.area(HcArea.BASIC_PROFILE);
        if (basic != null && basic.length >= 12) {
            AuditContext.card(Slot.HC, CardFields.ascii(basic, 0, 12));
        }
    }

    /** The call used the HPC of this identity. */
    static void hpc(byte[] identity) {
        if (identity != null) {
            AuditContext.card(Slot.HPC, new ProfessionalIdentity(identity).cardNumber());
        }
    }
}
