// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.reader;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.opennhi.contracts.result.NhiException;

/**
 * The one reader service the card engine uses, whatever hardware is behind it (PC/SC chip readers, a
 * dedicated NHI reader on a COM port, a vendor's plugin). Registered once as an OSGi service; switching the
 * reader type replaces what is behind it without the caller noticing.
 */
public interface ReaderService {

    /** @return the reader type serving calls now, e.g. {@code pcsc} or {@code nhi-com} */
    String readerType();

    /** @return the overall status of the active reader plugin */
    ReaderStatus status();

    /** @return the state of every slot, as {@link #slot(Slot)} gives it */
    default Map<Slot, SlotState> slots() {
        Map<Slot, SlotState> all = new EnumMap<>(Slot.class);
        for (Slot s : Slot.values()) {
            all.put(s, slot(s));
        }
        return all;
    }

    /**
     * @param slot a slot
     * @return what sits in that slot now; an unmapped slot is reported offline, never as an exception
     */
    SlotState slot(Slot slot);

    /**
     * Waits in a fair queue until the card in the slot is free, then hands it over exclusively.
     *
     * @param slot the slot whose card is needed
     * @param wait how long to wait for the card to become free
     * @return an open session; close it when the APDU sequence is done
     * @throws NhiException {@code 4000} when the wait runs out; {@code 4012}/{@code 4013}/{@code 4014} when
     *         no card is in the slot; {@code 9204} when no reader serves the slot
     */
    CardSession openSession(Slot slot, Duration wait) throws NhiException;
}
