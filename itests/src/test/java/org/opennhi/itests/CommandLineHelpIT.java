// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * Every command-line entry point of the project (issue 18, item 4), run as a person runs it: {@code --help},
 * {@code -h}, and a command without the argument it needs print the usage and exit 0, and never start, build or
 * measure anything.
 */
public class CommandLineHelpIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    public void theNhiScriptAndItsSimulatorCommand() throws Exception {
        for (String help : List.of("--help", "-h")) {
            expectUsage("Usage:|usage:|entry point", "./nhi", help);
            expectUsage("usage: nhi-sim", "./nhi", "sim", help);
            expectUsage("entry point", "./nhi", "build", help);
            expectUsage("entry point", "./nhi", "test", help);
            expectUsage("benchmarks:", "./nhi", "bench", help);
        }
        expectUsage("entry point", "./nhi");
        expectUsage("usage: nhi-sim", "./nhi", "sim");
        expectUsage("usage: nhi-sim", "./nhi", "sim", "show");
        expectUsage("benchmarks:", "./nhi", "bench");
    }

    @Test
    public void theLauncher() throws Exception {
        String nhiCs = DemoPlatform.DIST.resolve("bin/nhi-cs").toAbsolutePath().toString();
        for (String help : List.of("--help", "-h")) {
            expectUsage("ctl status", nhiCs, help);
        }
    }

    @Test
    public void theIdcSimulator() throws Exception {
        String jar = ROOT.resolve("simulators/idc-sim/target/idc-sim.jar").toString();
        for (String help : List.of("--help", "-h")) {
            expectUsage("usage: java -jar idc-sim.jar", "java", "-jar", jar, help);
        }
        for (String command : List.of("contract", "apply", "review", "approve", "reject", "revoke", "download")) {
            expectUsage("usage: java -jar idc-sim.jar", "java", "-jar", jar, command);
        }
    }

    @Test
    public void theBenchmarks() throws Exception {
        List<String> scripts = new ArrayList<>(List.of("bench/cold-start.sh"));
        try (var dirs = Files.list(ROOT.resolve("bench"))) {
            dirs.filter(d -> Files.isExecutable(d.resolve("run.sh"))).sorted()
                    .forEach(d -> scripts.add("bench/" + d.getFileName() + "/run.sh"));
        }
        assertTrue(scripts.toString(), scripts.size() >= 8);
        for (String script : scripts) {
            for (String help : List.of("--help", "-h")) {
                expectUsage(script, "./" + script, help); // each usage names its script
            }
        }
    }

    /** Runs a command from the repository root; it must exit 0 within a minute and print the pattern. */
    private static void expectUsage(String pattern, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String what = String.join(" ", command);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(what + " did not end");
        }
        assertEquals(what + " exits 0:\n" + out, 0, p.exitValue());
        assertTrue(what + " prints its usage (" + pattern + "):\n" + out,
                java.util.regex.Pattern.compile(pattern).matcher(out).find());
    }
}
