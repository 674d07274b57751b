// SPDX-License-Identifier: Apache-2.0
package org.opennhi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The lines every bench prints first and last, so a figure in BENCHMARKS.md carries its date, machine and load. */
public final class Machine {
    private Machine() {
    }

    /** @return the 1, 5 and 15 minute load averages */
    public static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static void header(String bench) {
        String cpu = "unknown";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException e) {
            // not Linux: the CPU stays unknown
        }
        System.out.printf("%s: date %s  nproc %d  cpu %s  load %s%n", bench, Instant.now().truncatedTo(
                ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(), cpu, load());
        System.out.printf("%s: java %s (%s)%n", bench, System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    public static void footer(String bench) {
        System.out.printf("%s: load after %s%n", bench, load());
    }

    /** @return whether the bench runs in the short smoke mode of ./nhi test (system property bench.smoke) */
    public static boolean smoke() {
        return Boolean.getBoolean("bench.smoke");
    }

    /** A bench's body. */
    public interface Body {
        void run() throws Exception;
    }

    /** Runs a bench and ends the JVM either way, for benches whose platform threads are not daemons. */
    public static void runAndExit(Body body) {
        try {
            body.run();
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
