// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.reader;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What sits in one slot right now.
 *
 * @param slot the slot
 * @param readerName the name of the physical reader serving the slot (e.g. the PC/SC reader name), or empty
 *        when no reader is mapped to it
 * @param status whether that reader can be used, and why not
 * @param cardPresent whether a card is in the slot
 * @param atr the card's answer-to-reset while a card is present; never shared, always copied
 * @param cardGeneration a number the reader changes whenever it sees a card leave or arrive in the slot, so
 *        that two equal numbers mean "the same card stayed in the slot in between" as far as the reader can
 *        observe it at the moment this state is made; {@link #UNKNOWN_GENERATION} when the reader cannot tell
 *        (the card engine then checks the card's identity before answering from its cache). What each reader
 *        type can prove, and its worst-case window, is in docs/card-engine.md ("The card in the slot").
 *        Since 1.1.
 */
public record SlotState(Slot slot, String readerName, ReaderStatus status, boolean cardPresent, byte[] atr,
        long cardGeneration) {
    /** The reader cannot tell whether the card changed. */
    public static final long UNKNOWN_GENERATION = -1;

    /** @throws NullPointerException when an argument other than {@code atr} is null */
    public SlotState {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(readerName, "readerName");
        Objects.requireNonNull(status, "status");
        atr = atr == null ? new byte[0] : atr.clone();
    }

    /** A state without a card generation ({@link #UNKNOWN_GENERATION}), as readers of contracts 1.0 made it. */
    public SlotState(Slot slot, String readerName, ReaderStatus status, boolean cardPresent, byte[] atr) {
        this(slot, readerName, status, cardPresent, atr, UNKNOWN_GENERATION);
    }

    /** @return this state with that card generation */
    public SlotState withCardGeneration(long generation) {
        return new SlotState(slot, readerName, status, cardPresent, atr, generation);
    }

    /**
     * @param slot a slot with no reader behind it
     * @param reason why
     * @return the state of an unmapped slot
     */
    public static SlotState unmapped(Slot slot, String reason) {
        return new SlotState(slot, "", ReaderStatus.offline(reason), false, null);
    }

    /** @return a copy of the ATR, or empty when no card is present */
    @Override
    public byte[] atr() {
        return atr.clone();
    }

    /** @return the ATR when a card is present */
    public Optional<byte[]> presentAtr() {
        return cardPresent ? Optional.of(atr.clone()) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlotState s && slot == s.slot && readerName.equals(s.readerName)
                && status.equals(s.status) && cardPresent == s.cardPresent && Arrays.equals(atr, s.atr)
                && cardGeneration == s.cardGeneration;
    }

    @Override
    public int hashCode() {
        return (Objects.hash(slot, readerName, status, cardPresent, cardGeneration)) * 31 + Arrays.hashCode(atr);
    }

    @Override
    public String toString() {
        return "SlotState[" + slot + ", reader=" + readerName + ", " + status + ", cardPresent=" + cardPresent
                + ", atrBytes=" + atr.length + ", generation=" + cardGeneration + "]";
    }
}
