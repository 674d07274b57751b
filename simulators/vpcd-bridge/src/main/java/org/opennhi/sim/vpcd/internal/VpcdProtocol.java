// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.vpcd.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import org.opennhi.sim.card.VirtualCard;

/**
 * vpcd's wire protocol, card side: every message is a 2-byte big-endian length and a payload. A 1-byte payload
 * is a control code (0 power off, 1 power on, 2 reset, 4 get ATR: only the last one is answered); a longer
 * payload is a command APDU, answered with the card's response.
 */
public final class VpcdProtocol {
    static final int POWER_OFF = 0;
    static final int POWER_ON = 1;
    static final int RESET = 2;
    static final int GET_ATR = 4;

    private VpcdProtocol() {
    }

    /**
     * Reads one message and handles it.
     *
     * @return the reply written, or null when the message needed none
     * @throws EOFException when vpcd closed the connection
     */
    public static byte[] serveOne(DataInputStream in, OutputStream out, VirtualCard card) throws IOException {
        int length = in.readUnsignedShort();
        byte[] payload = new byte[length];
        in.readFully(payload);
        byte[] reply;
        if (length == 1) {
            int code = payload[0] & 0xFF;
            if (code == GET_ATR) {
                reply = card.atr();
            } else {
                if (code == POWER_OFF || code == POWER_ON || code == RESET) {
                    card.reset();
                }
                return null;
            }
        } else {
            reply = card.transmit(payload);
        }
        byte[] frame = new byte[2 + reply.length];
        frame[0] = (byte) (reply.length >>> 8);
        frame[1] = (byte) reply.length;
        System.arraycopy(reply, 0, frame, 2, reply.length);
        out.write(frame);
        out.flush();
        return reply;
    }
}
