// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import org.opennhi.card.crypto.Cmac;
import org.opennhi.card.crypto.Kdf;
import org.opennhi.contracts.card.RocDate;

/**
 * Our treatment id (就醫識別碼): 20 ASCII characters.
 * <pre>
 *  1–10  hospital id, as it is (0–9, A–Z)
 * 11–19  45 bits in 9 Crockford base-32 characters (0–9 A–Z without I L O U), most significant first:
 *          source (2 bits) | visit time (31 bits) | discriminator (12 bits)
 *    20  check character, ISO 7064 MOD 37,36 over characters 1–19 (0–9, A–Z)
 * </pre>
 * Visit time: seconds since 2020-01-01 00:00:00 Taiwan time (UTC+8, no daylight saving), good until 2088.
 * Discriminator: for ids the IDC issues, a counter per hospital and second (so ids are unique); for ids the
 * platform makes offline (1.54), the first 12 bits of
 * {@code CMAC(K_off, hospitalId || [source·2^31 + seconds]8 || idNumber)} with
 * {@code K_off = KDF(authKey, "OPENNHI OFFLINE TREATMENT ID", samId)} ({@code authKey} from the SAM file),
 * which the IDC checks when the platform reconciles them.
 */
public final class TreatmentIds {
    /** Length of a treatment id. */
    public static final int LENGTH = 20;
    /** Label of the offline key derivation. */
    public static final String OFFLINE_LABEL = "OPENNHI OFFLINE TREATMENT ID";

    private static final String BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final ZoneOffset TAIWAN = ZoneOffset.ofHours(8);
    private static final long EPOCH = LocalDateTime.of(2020, 1, 1, 0, 0).toEpochSecond(TAIWAN);
    private static final long MAX_SECONDS = (1L << 31) - 1;

    /** Who made the id. */
    public enum Source {
        /** Issued online by the IDC for a visit with the card (1.53, 1.56). */
        ONLINE_CARD(0),
        /** Made offline by the platform while the IDC was unreachable (1.54). */
        OFFLINE(1),
        /** Issued by the treatment-id web API (random, SAM signature, card type 3). */
        WEB_API(2),
        /** Issued online by the IDC without a card (1.54 while the IDC is reachable). */
        ONLINE_NO_CARD(3);

        private final int bits;

        Source(int bits) {
            this.bits = bits;
        }

        /** @return the 2-bit code */
        public int bits() {
            return bits;
        }

        static Source of(int bits) {
            for (Source s : values()) {
                if (s.bits == bits) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown source " + bits);
        }
    }

    /**
     * A decoded treatment id.
     *
     * @param hospitalId the hospital id in characters 1–10
     * @param source who made it
     * @param visit the visit date-time (Taiwan time)
     * @param discriminator the 12-bit counter or offline MAC
     */
    public record Decoded(String hospitalId, Source source, LocalDateTime visit, int discriminator) {
    }

    private TreatmentIds() {
    }

    /**
     * @param hospitalId 10 characters 0–9/A–Z
     * @param source who makes it
     * @param visit the visit date-time, Taiwan time, 2020..2088, whole seconds
     * @param discriminator 0..4095
     * @return the 20-character id
     */
    public static String encode(String hospitalId, Source source, LocalDateTime visit, int discriminator) {
        checkHospital(hospitalId);
        if (discriminator < 0 || discriminator > 0xFFF) {
            throw new IllegalArgumentException("the discriminator is 12 bits");
        }
        long bits = ((long) source.bits() << 43) | (seconds(visit) << 12) | discriminator;
        StringBuilder id = new StringBuilder(LENGTH).append(hospitalId);
        for (int i = 8; i >= 0; i--) {
            id.append(BASE32.charAt((int) ((bits >>> (5 * i)) & 31)));
        }
        return id.append(BASE36.charAt(check(id))).toString();
    }

    /**
     * @param id a treatment id
     * @return its parts
     * @throws IllegalArgumentException when it is not a well-formed id of ours (length, characters, check)
     */
    public static Decoded decode(String id) {
        if (id == null || id.length() != LENGTH) {
            throw new IllegalArgumentException("a treatment id is 20 characters");
        }
        String upper = id.toUpperCase(java.util.Locale.ROOT);
        checkHospital(upper.substring(0, 10));
        if (BASE36.indexOf(upper.charAt(19)) != check(upper.substring(0, 19))) {
            throw new IllegalArgumentException("the treatment id's check character is wrong");
        }
        long bits = 0;
        for (int i = 10; i < 19; i++) {
            int v = BASE32.indexOf(upper.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not base-32");
            }
            bits = (bits << 5) | v;
        }
        Source source = Source.of((int) (bits >>> 43));
        long secs = (bits >>> 12) & MAX_SECONDS;
        LocalDateTime visit = LocalDateTime.ofEpochSecond(EPOCH + secs, 0, TAIWAN);
        return new Decoded(upper.substring(0, 10), source, visit, (int) (bits & 0xFFF));
    }

    /**
     * Makes an offline id (1.54 while the IDC is unreachable).
     *
     * @param hospitalId the SAM's hospital id
     * @param samId the SAM id
     * @param authKey the SAM file's authentication key
     * @param visit the visit date-time
     * @param idNumber the patient's id number (only its MAC goes into the id)
     * @return the id
     */
    public static String offline(String hospitalId, String samId, byte[] authKey, LocalDateTime visit,
            String idNumber) {
        return encode(hospitalId, Source.OFFLINE, visit, offlineTag(hospitalId, samId, authKey, visit, idNumber));
    }

    /**
     * @return the 12-bit offline tag the discriminator of an offline id must hold
     */
    public static int offlineTag(String hospitalId, String samId, byte[] authKey, LocalDateTime visit,
            String idNumber) {
        byte[] key = Kdf.derive(authKey, OFFLINE_LABEL, samId.getBytes(StandardCharsets.US_ASCII));
        byte[] hosp = hospitalId.getBytes(StandardCharsets.US_ASCII);
        byte[] idn = Objects.requireNonNull(idNumber, "idNumber").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer msg = ByteBuffer.allocate(hosp.length + 8 + idn.length);
        msg.put(hosp).putLong(((long) Source.OFFLINE.bits() << 31) | seconds(visit)).put(idn);
        byte[] tag = Cmac.compute(key, msg.array());
        return ((tag[0] & 0xFF) << 4) | ((tag[1] & 0xF0) >>> 4);
    }

    /** @return the visit date-time as the NHI writes it: ROC year (3 digits) + MMddHHmmss, 13 characters */
    public static String rocDateTime(LocalDateTime t) {
        return RocDate.format(t);
    }

    /**
     * @param roc 13 characters {@code YYYMMDDHHMMSS}
     * @return the date-time
     * @throws IllegalArgumentException when it is not one
     */
    public static LocalDateTime parseRocDateTime(String roc) {
        if (roc == null || !roc.matches("\\d{13}")) {
            throw new IllegalArgumentException("a ROC date-time is 13 digits YYYMMDDHHMMSS");
        }
        return RocDate.parseDateTime(roc).orElseThrow(() -> new IllegalArgumentException(
                "not a valid ROC date-time"));
    }

    private static long seconds(LocalDateTime visit) {
        long s = visit.toEpochSecond(TAIWAN) - EPOCH;
        if (s < 0 || s > MAX_SECONDS) {
            throw new IllegalArgumentException("the visit time must lie between 2020 and 2088");
        }
        return s;
    }

    private static void checkHospital(String hospitalId) {
        if (hospitalId == null || !hospitalId.matches("[0-9A-Z]{10}")) {
            throw new IllegalArgumentException("a hospital id is 10 characters 0-9 A-Z");
        }
    }

    /** ISO 7064 MOD 37,36: the value of the check character for {@code s}. */
    private static int check(CharSequence s) {
        int p = 36;
        for (int i = 0; i < s.length(); i++) {
            int v = BASE36.indexOf(s.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not 0-9 A-Z");
            }
            int sum = (p + v) % 36;
            if (sum == 0) {
                sum = 36;
            }
            p = (2 * sum) % 37;
        }
        return (37 - p) % 36;
    }
}
