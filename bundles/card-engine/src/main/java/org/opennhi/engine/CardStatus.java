// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

import org.opennhi.contracts.card.HcArea;

/**
 * The HC's card status area (10 bytes): cancellation mark 1 ({@code 1} normal, {@code 2} cancelled), expiry
 * date 2–8 (ROC), available visits 9–10.
 *
 * @param bytes the 10 bytes as the card holds them
 */
public record CardStatus(byte[] bytes) {
    /** Size of the area. */
    public static final int LENGTH = HcArea.CARD_STATUS.length();

    /** @throws IllegalArgumentException when not 10 bytes */
    public CardStatus {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("a card status is 10 bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the cancellation mark byte ({@code '1'} normal, {@code '2'} cancelled) */
    public byte cancellationMark() {
        return bytes[0];
    }

    /** @return true when the card has been cancelled */
    public boolean cancelled() {
        return bytes[0] == '2';
    }

    /** @return the expiry date, ROC YYYMMDD */
    public String expiryDate() {
        return CardFields.ascii(bytes, 1, 7);
    }

    /** @return the available visit count, or -1 when the field is not a number */
    public int visitsLeft() {
        String v = CardFields.ascii(bytes, 8, 2);
        return v.matches("\\d{1,2}") ? Integer.parseInt(v) : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardStatus s && java.util.Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "CardStatus[cancelled=" + cancelled() + ", expiry=" + expiryDate() + ", visitsLeft=" + visitsLeft()
                + "]";
    }
}
