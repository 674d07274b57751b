// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every visit-count reminder. Register as an OSGi service (whiteboard). Called on the engine's
 * notification thread, after the visit was taken: return quickly.
 */
@ConsumerType
@FunctionalInterface
public interface VisitReminderListener {
    /** @param reminder the reminder that is due */
    void visitReminder(VisitReminder reminder);
}
