// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.profile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.opennhi.sim.card.internal.Profiles;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.card.crypto.KeyScheme;
import org.opennhi.card.crypto.MutualAuthentication;

/**
 * Builds the command APDUs of the card profile (docs/card-profile.md §3). Writes come out plain ({@code 80}
 * class); a SAM's PROTECT COMMAND or {@link org.opennhi.card.crypto.SecureChannel#wrap} adds the MAC.
 */
public final class Apdus {
    private static final int MAX_SHORT = 256;

    private Apdus() {
    }

    /** @return the 16-byte AID of that kind of card (the HC's is NHI's public one) */
    public static byte[] aid(CardKind kind) {
        return Profiles.aid(kind);
    }

    /** @return SELECT by AID, as published HC readers send it ({@code 00 A4 04 00 10 AID}) */
    public static byte[] select(CardKind kind) {
        return command(0x00, 0xA4, 0x04, 0x00, aid(kind), -1);
    }

    /** @return the HC's public basic-profile read {@code 00 CA 11 00 02 00 00} (also the identity of other cards) */
    public static byte[] readBasic() {
        return command(0x00, 0xCA, 0x11, 0x00, new byte[] {0, 0}, -1);
    }

    /**
     * @param area an area number ({@link Areas}, {@link org.opennhi.contracts.card.HcArea#id()})
     * @param first first record (1-based), or 0 for the whole area
     * @param count number of records (ignored when first is 0)
     * @param expected the answer's length in bytes: over 256 needs an extended APDU, which this then builds
     * @return GET DATA
     */
    public static byte[] read(int area, int first, int count, int expected) {
        byte[] data = first == 0 ? new byte[] {(byte) area, 0} : new byte[] {(byte) area, (byte) first, (byte) count};
        return command(0x00, 0xCA, 0x11, 0x00, data, expected);
    }

    /** @return GET CHALLENGE for the 8-byte RND_C */
    public static byte[] getChallenge() {
        return new byte[] {0x00, (byte) 0x84, 0x00, 0x00, MutualAuthentication.RANDOM_LENGTH};
    }

    /** @param hostData RND_H || C_H (24 bytes) @return MUTUAL AUTHENTICATE */
    public static byte[] mutualAuthenticate(byte[] hostData) {
        return command(0x80, 0x82, 0x00, 0x00, hostData, MutualAuthentication.CRYPTOGRAM_LENGTH);
    }

    /** @param pin 4..6 digits @return VERIFY */
    public static byte[] verify(String pin) {
        return command(0x00, 0x20, 0x00, 0x01, pin.getBytes(StandardCharsets.US_ASCII), -1);
    }

    /** @return VERIFY without data: asks for the PIN state */
    public static byte[] verifyStatus() {
        return new byte[] {0x00, 0x20, 0x00, 0x01};
    }

    /** @return CHANGE REFERENCE DATA with two FF-padded PIN blocks */
    public static byte[] changePin(String oldPin, String newPin) {
        return command(0x00, 0x24, 0x00, 0x01, concat(block(oldPin), block(newPin)), -1);
    }

    /** @return ENABLE VERIFICATION REQUIREMENT (HC: set a PIN) */
    public static byte[] enablePin(String newPin) {
        return command(0x00, 0x28, 0x00, 0x01, block(newPin), -1);
    }

    /** @return DISABLE VERIFICATION REQUIREMENT (HC) */
    public static byte[] disablePin() {
        return new byte[] {0x00, 0x26, 0x00, 0x01};
    }

    /** @return RESET RETRY COUNTER (HPC: unblock with the 8-digit PUK) */
    public static byte[] unblockPin(String puk, String newPin) {
        return command(0x00, 0x2C, 0x00, 0x01, concat(block(puk), block(newPin)), -1);
    }

    /** @return plain PUT DATA of one record (0 = whole area); protect it before sending */
    public static byte[] putData(int area, int record, byte[] value) {
        return command(0x80, 0xDA, 0x11, 0x00, concat(new byte[] {(byte) area, (byte) record}, value), -1);
    }

    /** @return BEGIN WRITE SET (HC): the writes that follow land together at COMMIT WRITE SET, or not at all */
    public static byte[] beginWriteSet() {
        return new byte[] {(byte) 0x80, (byte) 0xE4, 0x00, 0x00};
    }

    /** @return plain COMMIT WRITE SET naming how many writes the set holds; protect it before sending */
    public static byte[] commitWriteSet(int writes) {
        return command(0x80, 0xE6, 0x00, 0x00, new byte[] {(byte) writes}, -1);
    }

    /** @return plain APPEND RECORD into a cyclic area; protect it before sending */
    public static byte[] appendRecord(int area, byte[] record) {
        return command(0x80, 0xE2, 0x11, 0x00, concat(new byte[] {(byte) area}, record), -1);
    }

    /** @return SAM: AUTHENTICATE CARD step 1 for the card on that channel (0..3) */
    public static byte[] samAuthenticateBegin(int channel, CardKind kind, String cardNumber, byte[] rndCard) {
        byte[] number = cardNumber.getBytes(StandardCharsets.US_ASCII);
        if (number.length != KeyScheme.CARD_NUMBER_LENGTH) {
            throw new IllegalArgumentException("a card number is 12 characters");
        }
        return command(0x80, 0x8A, channel, 0x00, concat(new byte[] {(byte) kind.code()}, number, rndCard), 24);
    }

    /** @return SAM: AUTHENTICATE CARD step 2 with the card's C_C */
    public static byte[] samAuthenticateComplete(int channel, byte[] cardCryptogram) {
        return command(0x80, 0x8C, channel, 0x00, cardCryptogram, -1);
    }

    /** @return SAM: PROTECT COMMAND, answering the protected form of a plain write */
    public static byte[] samProtect(int channel, byte[] plainCommand) {
        return command(0x80, 0x8E, channel, 0x00, plainCommand, MAX_SHORT);
    }

    /** @param length signature length 1..255 (128 for a visit, 40 for a prescription) @return SAM: SIGN */
    public static byte[] samSign(int length, byte[] data) {
        return command(0x80, 0x2A, 0x00, length == 128 ? 0 : length, data, MAX_SHORT);
    }

    /** @return the status word of a response (last two bytes) */
    public static int sw(byte[] response) {
        return response.length < 2 ? -1
                : ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    /** @return a response's data, without the status word */
    public static byte[] data(byte[] response) {
        return Arrays.copyOf(response, Math.max(0, response.length - 2));
    }

    /** Builds a short APDU, or an extended one when data or Ne need it; ne -1 means no Le. */
    static byte[] command(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        boolean extended = data.length > 255 || ne > MAX_SHORT;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(cla);
        out.write(ins);
        out.write(p1);
        out.write(p2);
        if (data.length > 0) {
            if (extended) {
                out.write(0);
                out.write(data.length >>> 8);
            }
            out.write(data.length);
            out.writeBytes(data);
        }
        if (ne >= 0) {
            if (extended) {
                if (data.length == 0) {
                    out.write(0);
                }
                out.write(ne >= 65536 ? 0 : ne >>> 8);
                out.write(ne >= 65536 ? 0 : ne);
            } else {
                out.write(ne == MAX_SHORT ? 0 : ne);
            }
        }
        return out.toByteArray();
    }

    private static byte[] block(String digits) {
        byte[] b = new byte[8];
        Arrays.fill(b, (byte) 0xFF);
        byte[] d = digits.getBytes(StandardCharsets.US_ASCII);
        if (d.length > 8) {
            throw new IllegalArgumentException("a PIN block holds at most 8 digits");
        }
        System.arraycopy(d, 0, b, 0, d.length);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
