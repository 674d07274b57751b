// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.reader;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a reader or a card.
 *
 * @param type what happened
 * @param slot the slot concerned, or null for events of a reader not mapped to a slot
 * @param readerName the physical reader's name
 * @param time when the plugin noticed it
 */
public record ReaderEvent(Type type, Slot slot, String readerName, Instant time) {

    /** The kinds of event. */
    public enum Type {
        /** A card was put into a reader. */
        CARD_INSERTED,
        /** A card left a reader. */
        CARD_REMOVED,
        /** A reader appeared (plugged in, service back). */
        READER_ATTACHED,
        /** A reader disappeared (unplugged, service gone). */
        READER_DETACHED,
        /** The reader's or plugin's status changed without a card or attach event, e.g. port busy. */
        STATUS_CHANGED
    }

    /** @throws NullPointerException when type, readerName or time is null */
    public ReaderEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(readerName, "readerName");
        Objects.requireNonNull(time, "time");
    }
}
