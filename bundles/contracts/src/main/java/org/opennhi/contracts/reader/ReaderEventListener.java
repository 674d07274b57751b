// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.reader;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives reader and card events. Register an implementation as an OSGi service (whiteboard) to hear the
 * events of the active reader service; plugins also deliver their own events to the listeners added with
 * {@link ReaderPlugin#addListener}. Called on a notification thread: return quickly, never block.
 */
@ConsumerType
@FunctionalInterface
public interface ReaderEventListener {
    /** @param event what happened */
    void readerEvent(ReaderEvent event);
}
