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
 */
public record SlotState(Slot slot, String readerName, ReaderStatus status, boolean cardPresent, byte[] atr) {

    /** @throws NullPointerException when an argument other than {@code atr} is null */
    public SlotState {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(readerName, "readerName");
        Objects.requireNonNull(status, "status");
        atr = atr == null ? new byte[0] : atr.clone();
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
                && status.equals(s.status) && cardPresent == s.cardPresent && Arrays.equals(atr, s.atr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slot, readerName, status, cardPresent) * 31 + Arrays.hashCode(atr);
    }

    @Override
    public String toString() {
        return "SlotState[" + slot + ", reader=" + readerName + ", " + status + ", cardPresent=" + cardPresent
                + ", atrBytes=" + atr.length + "]";
    }
}
