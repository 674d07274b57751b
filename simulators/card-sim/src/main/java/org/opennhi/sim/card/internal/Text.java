// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

import org.opennhi.contracts.card.RocDate;

/** Fixed-width card fields: left-aligned, space-padded; names in Big5; dates in ROC years ({@link RocDate}). */
public final class Text {
    public static final Charset BIG5 = Charset.forName("Big5");

    private Text() {
    }

    /** Collects fields into one record. */
    public static final class Fields {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Fields ascii(String s, int width) {
            out.writeBytes(pad(s.getBytes(StandardCharsets.US_ASCII), width));
            return this;
        }

        public Fields big5(String s, int width) {
            out.writeBytes(pad(s.getBytes(BIG5), width));
            return this;
        }

        public Fields number(long value, int width) {
            return ascii(String.format("%0" + width + "d", value), width);
        }

        public Fields date(LocalDate d) {
            return ascii(d == null ? "" : RocDate.format(d), 7);
        }

        public Fields dateTime(LocalDateTime t) {
            return ascii(RocDate.format(t), 13);
        }

        public byte[] bytes() {
            return out.toByteArray();
        }
    }

    static byte[] pad(byte[] b, int width) {
        if (b.length > width) {
            throw new IllegalArgumentException("field longer than " + width + " bytes");
        }
        byte[] out = Arrays.copyOf(b, width);
        Arrays.fill(out, b.length, width, (byte) ' ');
        return out;
    }
}
