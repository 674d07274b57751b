// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.util.Arrays;

/**
 * A parsed command APDU (ISO 7816-4 short or extended form). Parsing never throws: a malformed command
 * yields {@link #valid()} false and the card answers {@code 67 00}.
 */
public final class Apdu {
    private final byte[] raw;
    private final boolean valid;
    private final boolean extended;
    private final int dataOffset;
    private final int nc;
    private final int ne;

    private Apdu(byte[] raw, boolean valid, boolean extended, int dataOffset, int nc, int ne) {
        this.raw = raw;
        this.valid = valid;
        this.extended = extended;
        this.dataOffset = dataOffset;
        this.nc = nc;
        this.ne = ne;
    }

    /** @param raw the bytes as received */
    public static Apdu parse(byte[] raw) {
        byte[] b = raw == null ? new byte[0] : raw.clone();
        if (b.length < 4) {
            return new Apdu(b, false, false, 4, 0, 0);
        }
        if (b.length == 4) {
            return new Apdu(b, true, false, 4, 0, 0);
        }
        int l1 = b[4] & 0xFF;
        if (b.length == 5) {
            return new Apdu(b, true, false, 5, 0, l1 == 0 ? 256 : l1);
        }
        if (l1 != 0) {
            if (b.length == 5 + l1) {
                return new Apdu(b, true, false, 5, l1, 0);
            }
            if (b.length == 6 + l1) {
                int le = b[5 + l1] & 0xFF;
                return new Apdu(b, true, false, 5, l1, le == 0 ? 256 : le);
            }
            return new Apdu(b, false, false, 5, 0, 0);
        }
        // extended: 00 then two length bytes
        if (b.length == 7) {
            int le = ((b[5] & 0xFF) << 8) | (b[6] & 0xFF);
            return new Apdu(b, true, true, 7, 0, le == 0 ? 65536 : le);
        }
        if (b.length < 7) {
            return new Apdu(b, false, true, 7, 0, 0);
        }
        int lc = ((b[5] & 0xFF) << 8) | (b[6] & 0xFF);
        if (lc == 0) {
            return new Apdu(b, false, true, 7, 0, 0);
        }
        if (b.length == 7 + lc) {
            return new Apdu(b, true, true, 7, lc, 0);
        }
        if (b.length == 9 + lc) {
            int le = ((b[7 + lc] & 0xFF) << 8) | (b[8 + lc] & 0xFF);
            return new Apdu(b, true, true, 7, lc, le == 0 ? 65536 : le);
        }
        return new Apdu(b, false, true, 7, 0, 0);
    }

    public boolean valid() {
        return valid;
    }

    public boolean extended() {
        return extended;
    }

    public int cla() {
        return raw.length > 0 ? raw[0] & 0xFF : 0;
    }

    public int ins() {
        return raw.length > 1 ? raw[1] & 0xFF : 0;
    }

    public int p1() {
        return raw.length > 2 ? raw[2] & 0xFF : 0;
    }

    public int p2() {
        return raw.length > 3 ? raw[3] & 0xFF : 0;
    }

    /** @return CLA INS P1 P2 */
    public byte[] header() {
        return Arrays.copyOf(raw, 4);
    }

    /** @return the data field (Nc bytes) */
    public byte[] data() {
        return Arrays.copyOfRange(raw, dataOffset, dataOffset + nc);
    }

    public int nc() {
        return nc;
    }

    /** @return Ne, 0 when the command has no Le */
    public int ne() {
        return ne;
    }

    /** @return true when CLA carries the secure-messaging bit */
    public boolean secured() {
        return (cla() & 0x04) != 0;
    }
}
