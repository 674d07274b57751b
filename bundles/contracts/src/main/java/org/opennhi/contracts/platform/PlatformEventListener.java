// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of each {@link PlatformEvent} (whiteboard: register as an OSGi service). Called off the caller's thread
 * is not guaranteed: return quickly and never throw.
 */
@ConsumerType
@FunctionalInterface
public interface PlatformEventListener {

    /** @param event what happened */
    void platformEvent(PlatformEvent event);
}
