// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run-time command loop of a running simulator: one command per line. Ends on {@code quit}; at end of
 * input it returns false so the caller can keep serving until it is stopped (running under a service
 * manager, stdin is empty).
 */
final class Console {
    /** One console command. */
    interface Action {
        void run(List<String> args) throws Exception;
    }

    private record Entry(String usage, Action action) {
    }

    private final Map<String, Entry> commands = new LinkedHashMap<>();
    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
        commands.put("help", new Entry("help", a -> help()));
    }

    Console on(String name, String usage, Action action) {
        commands.put(name, new Entry(usage, action));
        return this;
    }

    void help() {
        out.println("commands:");
        commands.values().forEach(e -> out.println("  " + e.usage()));
        out.println("  quit");
    }

    /** @return true when the user typed quit, false at end of input */
    boolean run(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        out.print("> ");
        out.flush();
        while ((line = r.readLine()) != null) {
            List<String> words = Arrays.asList(line.trim().split("\\s+"));
            String name = words.get(0);
            if (name.equals("quit") || name.equals("exit")) {
                return true;
            }
            if (!name.isEmpty()) {
                execute(name, words.subList(1, words.size()));
            }
            out.print("> ");
            out.flush();
        }
        return false;
    }

    void execute(String name, List<String> args) {
        Entry e = commands.get(name);
        if (e == null) {
            out.println("unknown command '" + name + "'; type help");
            return;
        }
        try {
            e.action().run(args);
        } catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
            out.println("error: " + (ex.getMessage() == null ? "usage: " + e.usage() : ex.getMessage()));
        } catch (Exception ex) {
            out.println("error: " + ex.getMessage());
        }
    }
}
