// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.reader;

import java.util.Objects;

/**
 * The state of a reader or reader plugin together with a human-readable reason, so ops and automation can
 * tell "unplugged" from "PC/SC service down".
 *
 * @param availability whether it can be used
 * @param reason why, in plain English; empty when there is nothing to say
 */
public record ReaderStatus(Availability availability, String reason) {

    /** @throws NullPointerException when an argument is null */
    public ReaderStatus {
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return an online status without a reason */
    public static ReaderStatus online() {
        return new ReaderStatus(Availability.ONLINE, "");
    }

    /**
     * @param reason why the reader cannot be used
     * @return an offline status
     */
    public static ReaderStatus offline(String reason) {
        return new ReaderStatus(Availability.OFFLINE, reason);
    }
}
