// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.card.RocDate;
import org.opennhi.sim.card.TestKit;
import org.opennhi.sim.card.fixtures.HealthHistory;
import org.opennhi.sim.card.fixtures.Person;

/**
 * NHI's test edition on one simulated HC: the card is issued from its fixture with the kit's birth date, visit
 * count, critical illnesses and diagnoses, and each committed write of diagnoses is also written to the kit's
 * output file, as the test edition did (測試案例.txt): trecoW.txt for 1.16 (result code, six codes), trecoW1.txt
 * for 1.47 (the same, then the five fees as 4-byte big-endian numbers). Which of the two a write was is told by
 * the card itself: 1.47 changes the fees of the visit record (card-profile §4, visit record positions 32–69).
 */
public final class TestEdition {
    private static final int DIAGNOSIS = 43;
    private static final int VISIT = 69;
    private static final int FEES_AT = 31;
    private static final int[] FEE_WIDTHS = {8, 8, 8, 7, 7};
    private static final int BIRTH_AT = 12 + 20 + 10;

    private final TestKit kit;
    private final Path output;
    private byte[] diagnoses;
    private byte[] visits;

    /**
     * @param kit the kit's inputs
     * @param output the folder trecoW.txt and trecoW1.txt go to
     */
    public TestEdition(TestKit kit, Path output) {
        this.kit = kit;
        this.output = output;
    }

    /** @return the HC of that person as the kit describes it */
    public synchronized CardState issue(Personalizer issuer, Person p, Optional<HealthHistory> history,
            LocalDate today) {
        Person base = kit.visitsThisYear().isEmpty() ? p : new Person(p.cardNumber(), p.name(), p.idNumber(),
                p.birthDate(), p.sex(), p.issueDate(), p.expiryDate(), p.cancelled(), p.visitsLeft(),
                kit.visitsThisYear().get(), p.pin(), p.newbornBirthDate(), p.newbornCount(), p.criticalIllnesses(),
                p.prescriptions(), p.insurance(), p.purpose());
        CardState s = issuer.healthCard(base, history);
        // the file's ROC text byte for byte, as the test edition handed it on
        kit.birthDate().ifPresent(b -> patch(s, HcArea.BASIC_PROFILE.id(), BIRTH_AT, b));
        kit.criticalIllnesses().ifPresent(c -> s.setArea(HcArea.CRITICAL_ILLNESSES.id(), records(c, 19, i -> "")));
        kit.diagnoses().ifPresent(d -> {
            byte[] own = s.area(HcArea.DIAGNOSES.id()).clone();
            s.setArea(HcArea.DIAGNOSES.id(), records(d, DIAGNOSIS, i -> dateTime(own, i, today)));
        });
        seen(s);
        return s;
    }

    /** After a change of the card was stored: writes the kit's output when diagnoses were written. */
    public synchronized void written(CardState s) {
        byte[] nowDiagnoses = s.area(HcArea.DIAGNOSES.id());
        byte[] nowVisits = s.area(HcArea.VISITS.id());
        int changed = changedRecord(diagnoses, nowDiagnoses, DIAGNOSIS);
        if (changed >= 0) {
            byte[] codes = Arrays.copyOfRange(nowDiagnoses, changed * DIAGNOSIS + 13, (changed + 1) * DIAGNOSIS);
            Optional<byte[]> fees = fees(nowVisits, Arrays.copyOfRange(nowDiagnoses, changed * DIAGNOSIS,
                    changed * DIAGNOSIS + 13));
            if (fees.isPresent() && !Arrays.equals(feesOf(visits, nowDiagnoses, changed), fees.get())) {
                write(TestKit.DATA_WRITTEN, codes, binary(fees.get()));
            } else {
                write(TestKit.CODES_WRITTEN, codes, new byte[0]);
            }
        }
        seen(s);
    }

    private void seen(CardState s) {
        diagnoses = s.area(HcArea.DIAGNOSES.id()).clone();
        visits = s.area(HcArea.VISITS.id()).clone();
    }

    /** The fees the visit of that diagnosis record had before the write (empty: no such visit then). */
    private static byte[] feesOf(byte[] oldVisits, byte[] nowDiagnoses, int record) {
        byte[] dt = Arrays.copyOfRange(nowDiagnoses, record * DIAGNOSIS, record * DIAGNOSIS + 13);
        return fees(oldVisits, dt).orElse(new byte[0]);
    }

    /** @return the fee bytes of the visit record with that date-time (visit record positions 4–16) */
    private static Optional<byte[]> fees(byte[] visits, byte[] dateTime) {
        for (int r = 0; r + VISIT <= visits.length; r += VISIT) {
            if (Arrays.equals(Arrays.copyOfRange(visits, r + 3, r + 16), dateTime)) {
                return Optional.of(Arrays.copyOfRange(visits, r + FEES_AT, r + VISIT));
            }
        }
        return Optional.empty();
    }

    private static int changedRecord(byte[] before, byte[] after, int length) {
        for (int r = 0; r * length < after.length; r++) {
            if (!Arrays.equals(before, r * length, (r + 1) * length, after, r * length, (r + 1) * length)) {
                return r;
            }
        }
        return -1;
    }

    /** The card's ASCII fees (8, 8, 8, 7, 7 digits) as the test edition wrote them: 4-byte big-endian each. */
    private static byte[] binary(byte[] fees) {
        ByteBuffer out = ByteBuffer.allocate(4 * FEE_WIDTHS.length);
        int at = 0;
        for (int w : FEE_WIDTHS) {
            String digits = new String(fees, at, w, StandardCharsets.US_ASCII).strip();
            out.putInt(digits.matches("[0-9]+") ? Integer.parseInt(digits) : 0);
            at += w;
        }
        return out.array();
    }

    private void write(String name, byte[] codes, byte[] tail) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        // the result code left-aligned in 11, as the kit's trecoW.txt has it: the card only tells success
        b.writeBytes(String.format("%-11s", "0").getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(codes);
        b.writeBytes(tail);
        try {
            Files.createDirectories(output);
            Path tmp = Files.createTempFile(output, name, ".tmp");
            Files.write(tmp, b.toByteArray());
            Files.move(tmp, output.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the card took the write; a kit folder that cannot be written must not turn it into a card error
            System.err.println("test kit: cannot write " + output.resolve(name) + ": " + e);
        }
    }

    /** A kit record shorter than the card's is codes only: its date-time is the card's own, or made up. */
    private static byte[] records(List<String> lines, int length, IntFunction<String> dt) {
        byte[] out = new byte[length * 6];
        Arrays.fill(out, (byte) ' ');
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            String r = l.length() == length || l.isBlank() && length != DIAGNOSIS ? l : dt.apply(i) + l;
            byte[] bytes = String.format("%-" + length + "s", r).getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(bytes, 0, out, i * length, length);
        }
        return out;
    }

    /** The date-time of the card's own diagnosis record i, or one day per record back from today at 09:30. */
    private static String dateTime(byte[] own, int record, LocalDate today) {
        String mine = new String(own, record * DIAGNOSIS, 13, StandardCharsets.ISO_8859_1);
        return mine.isBlank() ? RocDate.format(today.minusDays(record + 1L)) + "093000" : mine;
    }

    private static void patch(CardState s, int area, int at, String ascii) {
        byte[] a = s.area(area).clone();
        byte[] v = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(v, 0, a, at, v.length);
        s.setArea(area, a);
    }
}
