// SPDX-License-Identifier: Apache-2.0
package org.opennhi.logging.internal;

import java.util.Locale;
import java.util.Optional;

/** The levels a user may choose, most severe first. */
enum LogLevel {
    ERROR, WARN, INFO, DEBUG, TRACE;

    /** @return the level named (any case, surrounding blanks ignored), or empty for anything else */
    static Optional<LogLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean verbose() {
        return this == DEBUG || this == TRACE;
    }

    /** The less verbose of the two. */
    LogLevel atMost(LogLevel other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
