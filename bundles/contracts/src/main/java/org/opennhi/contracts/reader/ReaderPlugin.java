// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.reader;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.opennhi.contracts.result.NhiException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a reader plugin implements: one kind of reader hardware (PC/SC, a dedicated COM-port reader, a
 * vendor's device). Register it as an OSGi service with the property {@value #TYPE_PROPERTY} naming the
 * type; the platform's reader service picks the plugin whose type the configuration selects, queues callers
 * in front of it and forwards its events.
 *
 * <p>Only what the hardware must provide is here; what the platform adds ({@link ReaderService}) stays in the
 * platform, so a new service method never forces a plugin change. A plugin serialises nothing itself: the
 * reader service already guarantees one open session per slot. A plugin must survive its hardware vanishing
 * and coming back, reporting that through {@link #status()} and events rather than exceptions. Keep listeners
 * in a {@link org.opennhi.contracts.platform.Listeners}.
 */
@ConsumerType
public interface ReaderPlugin {

    /** Service property carrying the plugin's reader type, e.g. {@code pcsc}. */
    String TYPE_PROPERTY = "opennhi.reader.type";

    /** @return the overall status of the reader hardware */
    ReaderStatus status();

    /**
     * @param slot a slot
     * @return what sits in that slot now; a slot the hardware lacks is reported offline, never as an exception
     */
    SlotState slot(Slot slot);

    /** @return the state of every slot, as {@link #slot(Slot)} gives it */
    default Map<Slot, SlotState> slots() {
        Map<Slot, SlotState> all = new EnumMap<>(Slot.class);
        for (Slot s : Slot.values()) {
            all.put(s, slot(s));
        }
        return all;
    }

    /**
     * Hands over the card in a slot; the reader service has already made the caller the slot's only user.
     *
     * @param slot the slot whose card is needed
     * @param wait how long the caller may still wait
     * @return an open session
     * @throws NhiException {@code 4012}/{@code 4013}/{@code 4014} when no card is in the slot; {@code 9204}
     *         when the hardware does not serve the slot
     */
    CardSession openSession(Slot slot, Duration wait) throws NhiException;

    /** @param listener to be told of every card and reader event of this plugin */
    void addListener(ReaderEventListener listener);

    /** @param listener a listener added before; unknown listeners are ignored */
    void removeListener(ReaderEventListener listener);
}
