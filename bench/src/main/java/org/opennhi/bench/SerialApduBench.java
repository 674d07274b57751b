// SPDX-License-Identifier: Apache-2.0
package org.opennhi.bench;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.reader.ReaderEmulator;
import org.opennhi.sim.reader.ScriptedKeypad;
import org.opennhi.sim.reader.protocol.Command;
import org.opennhi.sim.reader.protocol.Frame;
import org.opennhi.sim.reader.protocol.ReaderClient;
import org.opennhi.sim.reader.protocol.Status;
import org.opennhi.sim.reader.protocol.TimedInput;
import org.opennhi.sim.reader.pty.PtyPair;

/**
 * One APDU to the dedicated-reader emulator over a socat pty (docs/serial-protocol.md), two ways: the bare
 * TRANSMIT round trip with the protocol client, and a plugin session of reader-nhi-com (slot polled every
 * 50 ms meanwhile). Arguments: [reads=300]. Formerly printed by unit tests in every build.
 */
public final class SerialApduBench {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SELECT_HC = HEX.parseHex("00A4040010D1580000010000000000000000001100");
    private static final byte[] GET_BASIC = HEX.parseHex("00CA1100020000");
    private static final String HC = "900000000001";

    private SerialApduBench() {
    }

    /** Ends the JVM either way: the plugin's watcher thread is not a daemon. */
    public static void main(String[] args) {
        Machine.runAndExit(() -> run(args));
    }

    static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : Machine.smoke() ? 20 : 300;
        Machine.header("serial-apdu");
        Path dir = Files.createTempDirectory("nhi-bench-serial-");
        SimulatedCards world = SimulatedCards.open(dir.resolve("cards"));
        bareTransmit(dir.resolve("bare"), world, n);
        throughThePlugin(dir.resolve("plugin"), world, n);
        Machine.footer("serial-apdu");
    }

    private static void bareTransmit(Path dir, SimulatedCards world, int n) throws Exception {
        PtyPair pty = PtyPair.open(dir);
        ReaderEmulator emulator = ReaderEmulator.onDevice(pty.readerEnd(), new ScriptedKeypad(),
                Clock.systemDefaultZone());
        emulator.start();
        try (TimedInput in = new TimedInput(new FileInputStream(pty.hostEnd().toFile()), "bench-host-input");
                FileOutputStream out = new FileOutputStream(pty.hostEnd().toFile())) {
            emulator.insert(org.opennhi.sim.reader.protocol.Slot.HC, world.card(HC));
            ReaderClient client = new ReaderClient(in, out, 2000, 3);
            ok(client.call(Command.OPEN));
            ok(client.call(Command.POWER_ON, (byte) 1));
            transmit(client, SELECT_HC);
            long[] t = new long[n];
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                byte[] answer = transmit(client, GET_BASIC);
                t[i] = System.nanoTime() - s;
                if (answer.length != 59) {
                    throw new IllegalStateException("the basic profile came back as " + answer.length + " bytes");
                }
            }
            print("emulator TRANSMIT round trip over a socat pty", t);
        } finally {
            emulator.close();
            pty.close();
        }
    }

    private static void throughThePlugin(Path dir, SimulatedCards world, int n) throws Exception {
        PtyPair pty = PtyPair.open(dir);
        ReaderEmulator emulator = ReaderEmulator.onDevice(pty.readerEnd(), new ScriptedKeypad(),
                Clock.systemDefaultZone());
        emulator.start();
        Object plugin = null;
        try {
            emulator.insert(org.opennhi.sim.reader.protocol.Slot.HC, world.card(HC));
            plugin = plugin(pty.hostEnd());
            ReaderPlugin reader = (ReaderPlugin) plugin;
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!reader.slot(Slot.HC).cardPresent()) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the plugin never saw the HC: " + reader.status());
                }
                Thread.sleep(20);
            }
            long[] t = new long[n];
            try (CardSession session = reader.openSession(Slot.HC, Duration.ofSeconds(5))) {
                session.transmit(SELECT_HC);
                for (int i = 0; i < n; i++) {
                    long s = System.nanoTime();
                    int length = session.transmit(GET_BASIC).data().length;
                    t[i] = System.nanoTime() - s;
                    if (length != 57) {
                        throw new IllegalStateException("the basic profile came back as " + length + " bytes");
                    }
                }
            }
            print("nhi-com plugin APDU over a socat pty to the emulator (slot polling every 50 ms)", t);
        } finally {
            if (plugin != null) {
                Method deactivate = plugin.getClass().getDeclaredMethod("deactivate");
                deactivate.setAccessible(true);
                deactivate.invoke(plugin);
            }
            emulator.close();
            pty.close();
        }
    }

    /** The plugin as DS would make it (its configuration type is package-private). */
    private static Object plugin(Path port) throws Exception {
        Class<?> config = Class.forName("org.opennhi.reader.nhicom.internal.NhiComConfig");
        Class<?> type = Class.forName("org.opennhi.reader.nhicom.internal.NhiComReaderPlugin");
        Constructor<?> c = type.getDeclaredConstructor(config);
        c.setAccessible(true);
        return c.newInstance(ReaderApduBench.annotation(config, Map.of("port", port.toString(), "baudRate", 115_200,
                "responseTimeoutMillis", 1000L, "retries", 3, "pollMillis", 50L, "reconnectMillis", 200L)));
    }

    private static byte[] transmit(ReaderClient client, byte[] apdu) throws Exception {
        byte[] payload = new byte[apdu.length + 1];
        payload[0] = 1; // the HC slot on the wire
        System.arraycopy(apdu, 0, payload, 1, apdu.length);
        return ok(client.call(Command.TRANSMIT, payload)).data();
    }

    private static Frame ok(Frame f) {
        if (f.status() != Status.OK) {
            throw new IllegalStateException("the emulator answered status " + f.status() + " to " + f.cmd());
        }
        return f;
    }

    private static void print(String what, long[] t) {
        Arrays.sort(t);
        System.out.printf("serial-apdu: %s, %d reads: median %.3f ms, p99 %.3f ms%n", what, t.length,
                t[t.length / 2] / 1e6, t[t.length * 99 / 100] / 1e6);
    }
}
