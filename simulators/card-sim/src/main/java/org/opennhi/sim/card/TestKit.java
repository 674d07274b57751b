// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The input files of NHI's ICD-10 test kit (the "test edition" of the control software, 測試案例.txt), read from
 * a folder: what an HC holds instead of its own data. A missing file leaves that part of the card as issued.
 * Lines end with CRLF or LF; the files are ASCII (packed ICD-10 codes are ASCII symbols). docs/test-edition.md.
 *
 * @param folder where the files were read, and where {@code trecoW.txt} / {@code trecoW1.txt} are written
 * @param birthDate bday.txt: the holder's birth date, ROC {@code yyyMMdd}
 * @param criticalIllnesses cri.txt: at most 6 records of code 5 + from 7 + to 7 (19 characters)
 * @param visitsThisYear treno.txt: the visits counted this year, for the visit-count reminder of 取號
 * @param diagnoses treco.txt: at most 6 diagnosis records, newest first: 43 characters (date-time 13 + six
 *        codes of 5) or only the codes (at most 30, padded); an empty line is a record without codes
 */
public record TestKit(Path folder, Optional<String> birthDate, Optional<List<String>> criticalIllnesses,
        Optional<Integer> visitsThisYear, Optional<List<String>> diagnoses) {
    /** File names as NHI's test edition used them. */
    public static final String BIRTH_DATE = "bday.txt";
    public static final String CRITICAL_ILLNESSES = "cri.txt";
    public static final String VISIT_COUNT = "treno.txt";
    public static final String DIAGNOSES = "treco.txt";
    /** What hisWriteTreatmentCode (1.16) wrote. */
    public static final String CODES_WRITTEN = "trecoW.txt";
    /** What hisWriteTreatmentData (1.47) wrote. */
    public static final String DATA_WRITTEN = "trecoW1.txt";

    /** Copies the lists. */
    public TestKit {
        criticalIllnesses = criticalIllnesses.map(List::copyOf);
        diagnoses = diagnoses.map(List::copyOf);
    }

    /**
     * @param folder a folder with some of bday.txt, cri.txt, treno.txt and treco.txt
     * @return the kit
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException naming the file and line whose content is not of the kit's form
     */
    public static TestKit read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("test kit folder " + folder + " does not exist");
        }
        Optional<String> bday = lines(folder, BIRTH_DATE).map(l -> l.isEmpty() ? "" : l.get(0).strip());
        bday.ifPresent(TestKit::rocDate);
        Optional<List<String>> cri = lines(folder, CRITICAL_ILLNESSES).map(l -> records(l, CRITICAL_ILLNESSES, 19));
        Optional<Integer> treno = lines(folder, VISIT_COUNT).map(l -> count(l.isEmpty() ? "" : l.get(0).strip()));
        Optional<List<String>> treco = lines(folder, DIAGNOSES).map(l -> records(l, DIAGNOSES, 43));
        return new TestKit(folder, bday, cri, treno, treco);
    }

    /** @return the birth date of bday.txt, when there is one */
    public Optional<LocalDate> birthDay() {
        return birthDate.map(TestKit::rocDate);
    }

    static LocalDate rocDate(String roc) {
        if (!roc.matches("[0-9]{7}")) {
            throw new IllegalArgumentException(BIRTH_DATE + ": '" + roc + "' is not a ROC date yyyMMdd");
        }
        try {
            return LocalDate.of(Integer.parseInt(roc.substring(0, 3)) + 1911, Integer.parseInt(roc.substring(3, 5)),
                    Integer.parseInt(roc.substring(5, 7)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(BIRTH_DATE + ": " + roc + " is not a date", e);
        }
    }

    private static int count(String s) {
        if (!s.matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException(VISIT_COUNT + ": '" + s + "' is not a visit count of 1-4 digits");
        }
        return Integer.parseInt(s);
    }

    /** Trailing blank lines end the file; every line must be printable ASCII and fit the record. */
    private static List<String> records(List<String> lines, String file, int length) {
        List<String> out = new ArrayList<>(lines);
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        if (out.size() > 6) {
            throw new IllegalArgumentException(file + ": " + out.size() + " records where the card holds 6");
        }
        for (int i = 0; i < out.size(); i++) {
            String l = out.get(i);
            boolean fits = l.length() == length || l.length() <= length - 13 && DIAGNOSES.equals(file)
                    || l.isBlank();
            if (!l.matches("[\\x20-\\x7E]*") || !fits) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": '" + l + "' is not a record of "
                        + length + " characters");
            }
        }
        return out;
    }

    private static Optional<List<String>> lines(Path folder, String name) throws IOException {
        Path f = folder.resolve(name);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        // ISO-8859-1 keeps every byte; the record check then refuses what is not ASCII
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (out.size() == 1 && out.get(0).isEmpty()) {
            out.clear();
        }
        return Optional.of(out);
    }
}
