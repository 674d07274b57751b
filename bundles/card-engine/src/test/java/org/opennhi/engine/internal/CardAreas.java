package org.opennhi.engine.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.testing.World;

/** What the HC in the world's reader holds: read in a new session, authenticated through the SAM, no cache. */
final class CardAreas {
    private CardAreas() {
    }

    static byte[] read(World world, HcArea area, PinSource pin) throws NhiException {
        try (CardSession s = world.readers.openSession(Slot.HC, Duration.ofSeconds(5))) {
            return new HcConversation(s, world.sam, new HcState(), pin).area(area);
        }
    }

    static byte[] read(World world, HcArea area) throws NhiException {
        return read(world, area, PinSource.none());
    }

    /** @return bytes {@code from}–{@code to} (1-based, inclusive) as text */
    static String text(byte[] b, int from, int to) {
        return new String(b, from - 1, to - from + 1, StandardCharsets.ISO_8859_1);
    }
}
