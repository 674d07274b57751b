// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.cli;

import java.io.PrintStream;

/** Lets tests in other packages run the CLI without exiting the JVM. */
public final class CliRunner {
    private CliRunner() {
    }

    /** @return the CLI's exit code */
    public static int run(PrintStream out, String... args) throws Exception {
        return new Main(out).run(args);
    }
}
