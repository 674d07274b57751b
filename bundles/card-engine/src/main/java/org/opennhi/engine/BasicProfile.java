// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

import org.opennhi.contracts.card.HcArea;

/**
 * The HC's public basic profile (57 bytes, readable with no SAM): card number 1–12, name 13–32 (Big5),
 * id number 33–42, birth date 43–49 (ROC), sex 50, issue date 51–57.
 *
 * @param bytes the 57 bytes as the card holds them
 */
public record BasicProfile(byte[] bytes) {
    /** Size of the basic profile. */
    public static final int LENGTH = HcArea.BASIC_PROFILE.length();

    /** @throws IllegalArgumentException when not 57 bytes */
    public BasicProfile {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("a basic profile is 57 bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the 12-character card number */
    public String cardNumber() {
        return CardFields.ascii(bytes, 0, 12);
    }

    /** @return the holder's name */
    public String name() {
        return CardFields.big5(bytes, 12, 20);
    }

    /** @return the id number (身分證號) */
    public String idNumber() {
        return CardFields.ascii(bytes, 32, 10);
    }

    /** @return the birth date, ROC YYYMMDD */
    public String birthDate() {
        return CardFields.ascii(bytes, 42, 7);
    }

    /** @return {@code M} or {@code F} */
    public String sex() {
        return CardFields.ascii(bytes, 49, 1);
    }

    /** @return the issue date, ROC YYYMMDD */
    public String issueDate() {
        return CardFields.ascii(bytes, 50, 7);
    }

    /** Shows the card number's last four digits only: the rest is personal. */
    @Override
    public String toString() {
        String n = cardNumber();
        return "BasicProfile[card …" + n.substring(Math.max(0, n.length() - 4)) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasicProfile p && java.util.Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }
}
