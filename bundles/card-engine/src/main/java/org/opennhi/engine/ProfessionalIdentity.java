// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

/**
 * The HPC's public identity area (71 bytes): card number 1–12, Chinese name 13–32 (Big5), id number 33–42,
 * English name 43–62, profession 63–64 ({@code 01} doctor, {@code 06} pharmacist), expiry 65–71.
 *
 * @param bytes the 71 bytes as the card holds them
 */
public record ProfessionalIdentity(byte[] bytes) {
    /** Size of the area. */
    public static final int LENGTH = 71;

    /** @throws IllegalArgumentException when not 71 bytes */
    public ProfessionalIdentity {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("an HPC identity is 71 bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the HPC's card number */
    public String cardNumber() {
        return CardFields.ascii(bytes, 0, 12);
    }

    /** @return the id number (10 bytes as on the card) */
    public byte[] idNumberBytes() {
        return CardFields.slice(bytes, 32, 10);
    }

    /** @return the Chinese name bytes (Big5, 20) */
    public byte[] chineseNameBytes() {
        return CardFields.slice(bytes, 12, 20);
    }

    /** @return the English name bytes (20) */
    public byte[] englishNameBytes() {
        return CardFields.slice(bytes, 42, 20);
    }

    /** @return {@code 01} doctor, {@code 06} pharmacist, {@code 07} 藥劑生 … */
    public String profession() {
        return CardFields.ascii(bytes, 62, 2);
    }

    /**
     * @return whether the card is pharmacy staff's: {@code 06} 藥師 or {@code 07} 藥劑生, whom the manuals treat
     *         alike (5.1.3 §1.8, §1.10, §1.20, §1.33, §1.43, §1.46, §1.50: "藥師，藥劑生…不可讀取/寫入")
     */
    public boolean pharmacy() {
        String p = profession();
        return p.equals("06") || p.equals("07");
    }

    /** @return expiry, ROC YYYMMDD */
    public String expiryDate() {
        return CardFields.ascii(bytes, 64, 7);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfessionalIdentity p && java.util.Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ProfessionalIdentity[profession=" + profession() + "]";
    }
}
