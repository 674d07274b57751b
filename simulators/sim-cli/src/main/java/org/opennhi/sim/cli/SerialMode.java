// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.reader.ReaderEmulator;
import org.opennhi.sim.reader.ScriptedKeypad;
import org.opennhi.sim.reader.protocol.Slot;
import org.opennhi.sim.reader.pty.PtyPair;

/** {@code nhi-sim serial}: the dedicated-reader emulator on a pty pair, cards and keypad driven from the console. */
final class SerialMode {
    private final SimulatedCards world;
    private final Options options;
    private final PrintStream out;

    SerialMode(SimulatedCards world, Options options, PrintStream out) {
        this.world = world;
        this.options = options;
        this.out = out;
    }

    void run(InputStream in) throws Exception {
        PtyPair pty = null;
        Path device;
        if (options.has("device")) {
            device = Path.of(options.get("device", ""));
        } else {
            pty = PtyPair.open(Path.of(options.get("link", Path.of(System.getProperty("java.io.tmpdir"),
                    "nhi-sim-serial").toString())));
            device = pty.readerEnd();
            out.println("host end (open this as the COM port): " + pty.hostEnd());
        }
        ScriptedKeypad keypad = new ScriptedKeypad();
        try (ReaderEmulator reader = ReaderEmulator.onDevice(device, keypad, Clock.systemDefaultZone())) {
            insertIfGiven(reader, Slot.SAM, options.get("sam", null));
            insertIfGiven(reader, Slot.HC, options.get("hc", null));
            insertIfGiven(reader, Slot.HPC, options.get("hpc", null));
            reader.start();
            out.println("dedicated-reader emulator on " + device);
            Console console = new Console(out)
                    .on("insert", "insert sam|hc|hpc CARD", a -> insert(reader, Slot.named(a.get(0)), a.get(1)))
                    .on("swap", "swap sam|hc|hpc CARD", a -> insert(reader, Slot.named(a.get(0)), a.get(1)))
                    .on("remove", "remove sam|hc|hpc", a -> {
                        reader.remove(Slot.named(a.get(0)));
                        out.println("removed");
                    })
                    .on("keypad", "keypad DIGITS|cancel   (the next PIN entry)", a -> {
                        if (a.get(0).equals("cancel")) {
                            keypad.cancel();
                        } else {
                            keypad.type(a.get(0));
                        }
                        out.println("queued");
                    })
                    .on("status", "status", a -> status(reader))
                    .on("show", "show CARD", a -> out.print(world.show(a.get(0))))
                    .on("list", "list", a -> NhiSim.list(world, out));
            if (!console.run(in)) {
                Thread.currentThread().join();
            }
        } finally {
            if (pty != null) {
                pty.close();
            }
        }
    }

    private void insertIfGiven(ReaderEmulator reader, Slot slot, String number) {
        if (number != null) {
            insert(reader, slot, number);
        }
    }

    private void insert(ReaderEmulator reader, Slot slot, String number) {
        VirtualCard card = world.card(number);
        reader.insert(slot, card);
        out.println(card.kind() + " " + number + " in the " + slot + " slot");
    }

    private void status(ReaderEmulator reader) {
        out.print(reader.describe());
    }
}
