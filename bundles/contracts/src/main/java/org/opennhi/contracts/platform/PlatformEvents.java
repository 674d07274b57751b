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
}
