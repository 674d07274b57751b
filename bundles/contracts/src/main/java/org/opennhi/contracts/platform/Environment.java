// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

import java.util.Optional;

/**
 * Test or production. NHI numbers test SAMs, test health cards and test professional cards with a leading
 * {@code 9} and production ones with a leading {@code 0}. Mixing the two locks real cards, so the platform
 * refuses any mix with 9203 before a card sees an authentication command.
 */
public enum Environment {
    /** NHI's test environment: ids start with {@code 9}. */
    TEST('9'),
    /** Production: ids start with {@code 0}. */
    PRODUCTION('0');

    private final char leadingDigit;

    Environment(char leadingDigit) {
        this.leadingDigit = leadingDigit;
    }

    /** @return the first digit of ids in this environment */
    public char leadingDigit() {
        return leadingDigit;
    }

    /**
     * @param id a SAM id or card number
     * @return the environment its first digit names, or empty when it names none
     */
    public static Optional<Environment> ofId(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        for (Environment e : values()) {
            if (id.charAt(0) == e.leadingDigit) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
