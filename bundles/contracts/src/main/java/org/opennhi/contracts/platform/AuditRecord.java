// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail (docs/card-engine.md, "Audit"): a facade call that may touch a card, the SAM or the
 * IDC, or an administrative action. Holds no PIN, id number, name or full card number: {@code card} is the last 4
 * digits only ({@link PlatformEvent#mask}).
 *
 * @param time when the call ended
 * @param function the function (e.g. {@code hisGetBasicData}) or the administrative action (e.g. {@code csSoftwareReset})
 * @param number the manual's number (e.g. {@code 1.1}), or "" when it has none
 * @param facade {@code v5}, {@code v3}, {@code native} (a native library over HTTP), {@code console} or {@code admin}
 * @param caller {@code token}, {@code session}, {@code ctl}, {@code gogo}, {@code java} or {@code platform}
 * @param slot {@code HC}, {@code HPC}, {@code HC+HPC}, or "" when no card was involved
 * @param card the card's last 4 digits masked ({@code ********0001}), or ""
 * @param code the function's int return (0 for success)
 * @param micros how long the call took, in microseconds
 * @param apdus how many APDUs went to the cards
 * @param written whether a card write set was committed
 * @since 1.2
 */
public record AuditRecord(Instant time, String function, String number, String facade, String caller, String slot,
        String card, int code, long micros, int apdus, boolean written) {

    /** @throws NullPointerException for a null argument */
    public AuditRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(facade, "facade");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(card, "card");
    }

    /**
     * @param action what was done, e.g. {@code csSoftwareReset(1)}, {@code settings:opennhi.platform}
     * @param caller who asked
     * @param code 0 or the failure's code
     * @return the record of an administrative action
     */
    public static AuditRecord admin(String action, String caller, int code) {
        return new AuditRecord(Instant.now(), action, "", "admin", caller, "", "", code, 0, 0, false);
    }
}
