// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The MAC on commands after a mutual authentication. Each protected command carries
 * {@code MAC = first 8 bytes of CMAC(K_S, counter || CLA || INS || P1 || P2 || data)}, where {@code counter}
 * is a 4-byte big-endian number that starts at 1 for the first protected command of the session and goes up
 * by one per accepted command, and CLA is the class byte as sent (with the secure-messaging bit 0x04 set).
 * Both the host and the card keep one instance per session; a replayed or reordered command fails.
 * Not thread-safe: a session belongs to one card conversation.
 */
public final class SecureChannel {
    /** Length of the MAC appended to protected commands. */
    public static final int MAC_LENGTH = 8;
    /** The class-byte bit that marks a protected command. */
    public static final int SM_CLA_BIT = 0x04;

    private final byte[] sessionKey;
    private int counter;

    /** @param sessionKey K_S from {@link MutualAuthentication#sessionKey} */
    public SecureChannel(byte[] sessionKey) {
        if (sessionKey == null || sessionKey.length != Cmac.LENGTH) {
            throw new IllegalArgumentException("a session key is 16 bytes");
        }
        this.sessionKey = sessionKey.clone();
    }

    /** @return the counter value of the last accepted or produced command (0 before the first) */
    public int counter() {
        return counter;
    }

    /**
     * Host side: the MAC for the next command; advances the counter.
     *
     * @param header CLA INS P1 P2 as sent
     * @param data the command data without MAC
     * @return 8 bytes to append to the data
     */
    public byte[] sign(byte[] header, byte[] data) {
        byte[] mac = compute(counter + 1, header, data);
        counter++;
        return mac;
    }

    /**
     * Card side: checks the MAC of the next command; advances the counter only when it is right.
     *
     * @return true when the MAC is right
     */
    public boolean verify(byte[] header, byte[] data, byte[] mac) {
        if (mac == null || mac.length != MAC_LENGTH) {
            return false;
        }
        boolean ok = MutualAuthentication.equal(compute(counter + 1, header, data), mac);
        if (ok) {
            counter++;
        }
        return ok;
    }

    /**
     * Host side: turns a short case-3 or case-4 command {@code CLA INS P1 P2 Lc data [Le]} into its protected
     * form {@code CLA|0x04 INS P1 P2 Lc+8 data MAC [Le]}.
     *
     * @param command a short APDU with a data field of at most 247 bytes
     * @return the protected APDU
     */
    public byte[] wrap(byte[] command) {
        if (command == null || command.length < 5) {
            throw new IllegalArgumentException("wrap needs a command with a data field");
        }
        int lc = command[4] & 0xFF;
        if (lc == 0 || lc > 255 - MAC_LENGTH || command.length < 5 + lc || command.length > 6 + lc) {
            throw new IllegalArgumentException("wrap needs a short command with 1..247 data bytes");
        }
        byte[] header = {(byte) (command[0] | SM_CLA_BIT), command[1], command[2], command[3]};
        byte[] data = Arrays.copyOfRange(command, 5, 5 + lc);
        byte[] mac = sign(header, data);
        ByteBuffer out = ByteBuffer.allocate(command.length + MAC_LENGTH);
        out.put(header).put((byte) (lc + MAC_LENGTH)).put(data).put(mac);
        if (command.length == 6 + lc) {
            out.put(command[5 + lc]);
        }
        return out.array();
    }

    private byte[] compute(int count, byte[] header, byte[] data) {
        if (header == null || header.length != 4) {
            throw new IllegalArgumentException("a command header is 4 bytes");
        }
        ByteBuffer input = ByteBuffer.allocate(8 + data.length);
        input.putInt(count).put(header).put(data);
        return Arrays.copyOf(Cmac.compute(sessionKey, input.array()), MAC_LENGTH);
    }
}
