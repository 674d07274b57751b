// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.opennhi.card.crypto.CardKind;
import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.testing.World;
import org.opennhi.sim.card.profile.Apdus;

/**
 * What the HC in the world's reader holds, read outside the engine: the card profile's own commands
 * (docs/card-profile.md §3.1 SELECT, §1.4 through the test SAM, §3.6 VERIFY, §3.2 GET DATA record by record) in
 * a new session, sized by the simulator's layout — so an engine that misreads a card cannot confirm itself.
 */
final class CardAreas {
    private CardAreas() {
    }

    /** @param pin the holder's PIN, sent with VERIFY before the read unless it is {@link PinSource#none()}'s */
    static byte[] read(World world, HcArea area, PinSource pin) throws NhiException {
        char[] digits = pinOf(pin);
        try (CardSession s = world.readers.openSession(Slot.HC, Duration.ofSeconds(5))) {
            expectOk("SELECT", s.transmit(Apdus.select(CardKind.HC)));
            world.sam.authenticateCard(s);
            if (digits != null) {
                expectOk("VERIFY", s.transmit(Apdus.verify(new String(digits))));
            }
            int length = area.recordLength();
            int records = area.records();
            ByteArrayOutputStream out = new ByteArrayOutputStream(length * records);
            for (int r = 1; r <= records; r++) {
                ResponseApdu a = s.transmit(Apdus.read(area.id(), r, 1, length));
                expectOk(String.format("GET DATA of area %02X record %d", area.id(), r), a);
                out.writeBytes(a.data());
            }
            return out.toByteArray();
        }
    }

    static byte[] read(World world, HcArea area) throws NhiException {
        return read(world, area, PinSource.none());
    }

    /** @return bytes {@code from}–{@code to} (1-based, inclusive) as text */
    static String text(byte[] b, int from, int to) {
        return new String(b, from - 1, to - from + 1, StandardCharsets.ISO_8859_1);
    }

    private static char[] pinOf(PinSource pin) {
        try {
            return pin.pin(PinSource.Purpose.HC_PIN);
        } catch (NhiException noPin) {
            return null;
        }
    }

    private static void expectOk(String what, ResponseApdu a) {
        if (a.sw() != 0x9000) {
            throw new AssertionError(what + " answered " + String.format("%04X", a.sw()));
        }
    }
}
