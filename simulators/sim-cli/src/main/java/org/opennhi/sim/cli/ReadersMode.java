// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.vpcd.VpcdBridge;
import org.opennhi.sim.vpcd.VpcdSlot;
import org.opennhi.sim.vpcd.pcscd.PrivatePcscd;

/** {@code nhi-sim readers}: cards in pcscd's two vpcd readers, changed at run time from the console. */
final class ReadersMode {
    private final SimulatedCards world;
    private final Options options;
    private final PrintStream out;

    ReadersMode(SimulatedCards world, Options options, PrintStream out) {
        this.world = world;
        this.options = options;
        this.out = out;
    }

    void run(InputStream in) throws Exception {
        PrivatePcscd pcscd = null;
        int port = options.number("port", VpcdBridge.DEFAULT_PORT);
        if (options.has("private-pcscd")) {
            pcscd = PrivatePcscd.start(Path.of(options.get("private-pcscd", "")));
            port = pcscd.port(0);
            out.println("private pcscd: PCSCLITE_CSOCK_NAME=" + pcscd.socket());
        }
        try (VpcdBridge bridge = new VpcdBridge("127.0.0.1", port, 2)) {
            insertIfGiven(bridge, 0, options.get("hc", null));
            insertIfGiven(bridge, 1, options.get("hpc", null));
            out.println("vpcd readers on ports " + port + " (Virtual PCD 00 00 = hc) and " + (port + 1)
                    + " (Virtual PCD 00 01 = hpc)");
            Console console = new Console(out)
                    .on("insert", "insert hc|hpc CARD", a -> insert(bridge.slot(a.get(0)), a.get(1)))
                    .on("swap", "swap hc|hpc CARD", a -> insert(bridge.slot(a.get(0)), a.get(1)))
                    .on("remove", "remove hc|hpc", a -> bridge.slot(a.get(0)).remove())
                    .on("status", "status", a -> status(bridge))
                    .on("show", "show CARD", a -> out.print(world.show(a.get(0))))
                    .on("list", "list", a -> NhiSim.list(world, out));
            if (!console.run(in)) {
                Thread.currentThread().join();
            }
        } finally {
            if (pcscd != null) {
                pcscd.close();
            }
        }
    }

    private void insertIfGiven(VpcdBridge bridge, int slot, String number) throws InterruptedException {
        if (number != null) {
            insert(bridge.slot(slot), number);
        }
    }

    private void insert(VpcdSlot s, String number) throws InterruptedException {
        VirtualCard card = world.card(number);
        s.insert(card);
        boolean up = s.awaitConnected(Duration.ofSeconds(2));
        out.println(card.kind() + " " + number + " in the vpcd reader on port " + s.address().getPort()
                + (up ? "" : " (waiting for pcscd's vpcd)"));
    }

    private void status(VpcdBridge bridge) {
        out.print(bridge.describe());
    }
}
