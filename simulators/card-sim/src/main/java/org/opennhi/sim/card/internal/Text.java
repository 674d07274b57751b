package org.opennhi.sim.card.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;

/** Fixed-width card fields: left-aligned, space-padded; names in Big5; dates in ROC years. */
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
            return ascii(d == null ? "" : roc(d), 7);
        }

        public Fields dateTime(LocalDateTime t) {
            return ascii(roc(t.toLocalDate()) + String.format("%02d%02d%02d", t.getHour(), t.getMinute(),
                    t.getSecond()), 13);
        }

        public byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** @return YYYMMDD with the ROC year (Gregorian − 1911) on three digits */
    public static String roc(LocalDate d) {
        return String.format("%03d%02d%02d", d.getYear() - 1911, d.getMonthValue(), d.getDayOfMonth());
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
