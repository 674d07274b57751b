// SPDX-License-Identifier: Apache-2.0
package com.example.netterm.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;

/** One NetTerm frame: {@code LEN(2) TYPE(1) SLOT(1) PAYLOAD}, LEN counting TYPE, SLOT and PAYLOAD. */
record Frame(char type, int slot, byte[] payload) {
    static final int MAX_LENGTH = 2 + 4096;

    void write(OutputStream out) throws IOException {
        int len = 2 + payload.length;
        byte[] b = new byte[2 + len];
        b[0] = (byte) (len >> 8);
        b[1] = (byte) len;
        b[2] = (byte) type;
        b[3] = (byte) slot;
        System.arraycopy(payload, 0, b, 4, payload.length);
        out.write(b);
        out.flush();
    }

    /** @throws MalformedFrame when the length is impossible */
    static Frame read(DataInputStream in) throws IOException {
        int len = in.readUnsignedShort();
        if (len < 2 || len > MAX_LENGTH) {
            throw new MalformedFrame("frame length " + len);
        }
        char type = (char) in.readUnsignedByte();
        int slot = in.readUnsignedByte();
        byte[] payload = new byte[len - 2];
        in.readFully(payload);
        return new Frame(type, slot, payload);
    }

    /** The terminal sent something that is not the protocol. */
    static final class MalformedFrame extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedFrame(String what) {
            super("malformed NetTerm frame: " + what);
        }
    }
}
