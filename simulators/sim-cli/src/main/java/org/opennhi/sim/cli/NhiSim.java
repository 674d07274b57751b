// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.opennhi.sim.card.SimulatedCards;

/**
 * {@code nhi-sim}: the simulated NHI world from the command line.
 * <pre>
 *   nhi-sim list | show CARD | reset
 *   nhi-sim readers [--port 35963] [--private-pcscd DIR] [--hc CARD] [--hpc CARD]
 *   nhi-sim serial [--link DIR | --device PATH] [--sam SAM] [--hc CARD] [--hpc CARD]
 *   global: --dir DIR   where card states live (default $NHI_SIM_DIR or ~/.opennhi/sim/cards)
 * </pre>
 */
public final class NhiSim {
    static final String USAGE = String.join("\n",
            "usage: nhi-sim [--dir DIR] COMMAND",
            "  list                         the fixture cards (HC, HPC, SAM, institution)",
            "  show CARD                    a card's content and counters",
            "  reset                        issue every fixture card again (undo writes, PINs, locks)",
            "  readers [--port P] [--private-pcscd DIR] [--hc CARD] [--hpc CARD]",
            "                               cards in pcscd's vpcd readers 'Virtual PCD 00 00' (hc) and '00 01' (hpc)",
            "  serial [--link DIR | --device PATH] [--sam SAM] [--hc CARD] [--hpc CARD]",
            "                               the dedicated-reader emulator on a socat pty pair (or a device)",
            "  --dir DIR                    card states (default $NHI_SIM_DIR or ~/.opennhi/sim/cards)",
            "Running readers and serial read commands from stdin: insert, remove, swap, status, show, help, quit.");

    private NhiSim() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.in, System.out, System.err));
    }

    /** @return the exit code: 0 ok, 1 failure, 2 usage */
    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        // asking for help is a successful run wherever it stands (Options would take --help for an option)
        if (args.contains("-h") || args.contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        try {
            Options o = new Options(args, List.of());
            if (o.positional().isEmpty()) {
                out.println(USAGE);
                return args.isEmpty() ? 0 : 2;
            }
            String cmd = o.positional().get(0);
            switch (cmd) {
                case "list" -> list(world(o), out);
                case "show" -> {
                    if (o.positional().size() < 2) {
                        out.println(USAGE); // a command without its argument asks what it takes
                    } else {
                        out.print(world(o).show(o.positional().get(1)));
                    }
                }
                case "reset" -> {
                    SimulatedCards w = world(o);
                    w.reset();
                    out.println("reset " + w.list().size() + " cards in " + w.directory());
                }
                case "readers" -> new ReadersMode(world(o), o, out).run(in);
                case "serial" -> new SerialMode(world(o), o, out).run(in);
                case "help" -> out.println(USAGE);
                default -> throw new Options.UsageException("unknown command '" + cmd + "'");
            }
            return 0;
        } catch (Options.UsageException e) {
            err.println("nhi-sim: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("nhi-sim: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("nhi-sim: " + e);
            return 1;
        }
    }

    static SimulatedCards world(Options o) {
        String fallback = System.getenv("NHI_SIM_DIR") != null ? System.getenv("NHI_SIM_DIR")
                : Path.of(System.getProperty("user.home"), ".opennhi", "sim", "cards").toString();
        return SimulatedCards.open(Path.of(o.get("dir", fallback)));
    }

    static void list(SimulatedCards world, PrintStream out) {
        out.print(world.table());
    }
}
