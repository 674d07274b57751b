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
}
