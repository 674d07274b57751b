// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.reader;

/** Whether a reader or plugin can be used right now; the reason travels in {@link ReaderStatus}. */
public enum Availability {
    /** Not yet known, e.g. while a plugin starts. */
    UNKNOWN,
    /** Usable. */
    ONLINE,
    /** Not usable; the status reason says why (unplugged, port busy, PC/SC service down, ...). */
    OFFLINE
}
