// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where components publish {@link PlatformEvent}s: the platform hands each to every
 * {@link PlatformEventListener} off the publisher's thread and keeps it in the audit log
 * ({@code <home>/LOG/audit.jsonl}). Publishing never blocks and never throws.
 */
@ProviderType
public interface PlatformEvents {

    /** @param event what happened */
    void publish(PlatformEvent event);

    /**
     * Whether an audit record can be kept now. Calls that change a card or reach the IDC ask this first and are
     * refused (6016) rather than run unaudited.
     *
     * @return why the audit log cannot be written now; empty while it can
     * @since 1.1
     */
    default java.util.Optional<String> auditFailure() {
        return java.util.Optional.empty();
    }

    /**
     * @return how many events could not be written to the audit log since the platform started (a metric)
     * @since 1.1
     */
    default long unauditedEvents() {
        return 0;
    }

    /**
     * Keeps one audit-trail record (a facade call or an administrative action): only queued on the caller's
     * thread, written by the platform's writer. Never blocks and never throws.
     *
     * @param record what was done
     * @since 1.2
     */
    default void record(AuditRecord record) {
    }

    /**
     * Reads the audit trail, oldest first, streaming its files.
     *
     * @param since only records at or after this time (null: all kept)
     * @param cardLast4 only records of a card ending with these digits (null or blank: any)
     * @param function only records of this function or manual number, case-insensitive (null or blank: any)
     * @param limit at most this many, the newest of those matching
     * @return the matching lines, each one JSON object
     * @since 1.2
     */
    default java.util.List<String> auditTrail(java.time.Instant since, String cardLast4, String function, int limit) {
        return java.util.List.of();
    }
}
