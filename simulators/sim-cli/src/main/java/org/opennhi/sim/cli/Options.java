// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options and positional arguments, in any order. */
final class Options {
    private final Map<String, String> named = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    Options(List<String> args, List<String> flags) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a.substring(2);
                int eq = name.indexOf('=');
                if (eq > 0) {
                    named.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (flags.contains(name)) {
                    named.put(name, "true");
                } else if (i + 1 < args.size()) {
                    named.put(name, args.get(++i));
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
            } else {
                positional.add(a);
            }
        }
    }

    String get(String name, String fallback) {
        return named.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return named.containsKey(name);
    }

    int number(String name, int fallback) {
        String v = named.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, not '" + v + "'");
        }
    }

    List<String> positional() {
        return positional;
    }

    /** Wrong use of the command line: printed with the usage, exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
