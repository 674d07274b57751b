// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told how a long operation (SAM authentication, an upload, generating simulator data) is going, so users
 * see it move.
 */
@ConsumerType
@FunctionalInterface
public interface Progress {

    /** A listener that ignores everything. */
    Progress NONE = (done, total, step) -> { };

    /**
     * @param done steps finished so far
     * @param total steps in all, or -1 when unknown
     * @param step what is being done now, in plain words
     */
    void update(long done, long total, String step);
}
