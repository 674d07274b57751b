// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;

import com.google.gson.JsonObject;

import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.reader.ReaderEmulator;
import org.opennhi.sim.reader.ScriptedKeypad;
import org.opennhi.sim.reader.protocol.Slot;
import org.opennhi.sim.reader.pty.PtyPair;

/**
 * Where NativeEqualityIT's cards are: the demo's simulated readers ({@code POST /demo/cards}), or a
 * dedicated-reader emulator on a pty (socat) that the platform's nhi-com reader serves, so that /v3's
 * csOpenCom(0) opens a real port and its functions read real cards.
 */
abstract class NativeCards implements AutoCloseable {
    final DemoPlatform platform;

    NativeCards(DemoPlatform platform) {
        this.platform = platform;
    }

    /** Inserts {@code card} into slot hc or hpc (null: takes the card out) and waits until the platform sees it. */
    abstract void insert(String slot, String card) throws Exception;

    @Override
    public void close() throws Exception {
    }

    static NativeCards demo(DemoPlatform platform) {
        return new NativeCards(platform) {
            @Override
            void insert(String slot, String card) throws Exception {
                platform.json("POST", "/demo/cards", card == null ? "{\"slot\":\"" + slot + "\"}"
                        : "{\"slot\":\"" + slot + "\",\"card\":\"" + card + "\"}");
            }
        };
    }

    /** The emulator's pty, made before the platform starts so its nhi-com reader is configured with it. */
    static PtyPair pty(Path dir) throws Exception {
        return PtyPair.open(dir);
    }

    /** The emulator on {@code pty}, with the test SAM, {@code hc} and {@code hpc} in its slots. */
    static NativeCards emulator(DemoPlatform platform, PtyPair pty, Path cards, String hc, String hpc)
            throws Exception {
        SimulatedCards world = SimulatedCards.open(cards);
        ReaderEmulator reader = ReaderEmulator.onDevice(pty.readerEnd(), new ScriptedKeypad(),
                Clock.systemDefaultZone());
        reader.insert(Slot.SAM, world.card("900077777777"));
        reader.insert(Slot.HC, world.card(hc));
        reader.insert(Slot.HPC, world.card(hpc));
        reader.start();
        return new NativeCards(platform) {
            @Override
            void insert(String slot, String card) throws Exception {
                Slot s = slot.equals("hc") ? Slot.HC : Slot.HPC;
                if (card == null) {
                    reader.remove(s);
                } else {
                    reader.insert(s, world.card(card));
                }
                String expected = card == null ? "" : card;
                Await.until(slot + " " + expected + " seen by the platform", () -> expected.equals(cardIn(s)));
            }

            @Override
            public void close() throws Exception {
                reader.close(); // the pty is the test's: the platform's reader keeps it open
            }
        };
    }

    /** @return the card number the platform reads in slot s, "" when none */
    String cardIn(Slot s) {
        try {
            JsonObject a = platform.json("POST", "/v5/csGetCardNo", "{\"CardType\":" + (s == Slot.HC ? 2 : 3) + "}");
            return a.get("code").getAsInt() != 0 ? ""
                    : new String(Base64.getDecoder().decode(a.get("bufferBase64").getAsString()));
        } catch (Exception e) {
            return "";
        }
    }
}
