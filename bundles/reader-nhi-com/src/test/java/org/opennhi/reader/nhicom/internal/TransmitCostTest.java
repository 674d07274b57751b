package org.opennhi.reader.nhicom.internal;

import static org.junit.Assert.assertEquals;
import static org.opennhi.reader.nhicom.internal.DedicatedReaderTest.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.Test;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.card.crypto.CardKind;

/** Measures (prints, does not assert) one APDU through the plugin to the emulator over a socat pty. */
public class TransmitCostTest {
    @Test
    public void apduRoundTripThroughThePlugin() throws Exception {
        try (EmulatedReader reader = new EmulatedReader()) {
            NhiComReaderPlugin plugin = new NhiComReaderPlugin(EmulatedReader.config(reader.hostEnd().toString(), 1000));
            try {
                reader.insert(Slot.HC, reader.cards(CardKind.HC).get(0));
                await(() -> plugin.slot(Slot.HC).cardPresent());
                byte[] select = HexFormat.of().parseHex("00A4040010D1580000010000000000000000001100");
                byte[] basic = HexFormat.of().parseHex("00CA1100020000");
                int n = 300;
                long[] t = new long[n];
                try (CardSession session = plugin.openSession(Slot.HC, Duration.ofSeconds(5))) {
                    session.transmit(select);
                    for (int i = 0; i < n; i++) {
                        long s = System.nanoTime();
                        assertEquals(57, session.transmit(basic).data().length);
                        t[i] = System.nanoTime() - s;
                    }
                }
                Arrays.sort(t);
                System.out.printf("nhi-com plugin APDU over a socat pty to the emulator (slot polling every 50 ms),"
                        + " %d reads: median %.3f ms, p99 %.3f ms%n", n, t[n / 2] / 1e6, t[n * 99 / 100] / 1e6);
            } finally {
                plugin.deactivate();
            }
        }
    }
}
