// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.sam;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when the SAM's status changes (e.g. authenticated with the IDC). Register as an OSGi service
 * (whiteboard). Called on a notification thread: return quickly.
 */
@ConsumerType
@FunctionalInterface
public interface SamStatusListener {
    /**
     * @param status the new status
     * @param detail why, in plain words; never a secret
     */
    void samStatusChanged(SamStatus status, String detail);
}
