// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.card;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * ROC (民國) dates as the cards and the manuals write them: the year counted from 1912 (民國元年 = year 1) on
 * three digits, then month and day, {@code YYYMMDD}; date-times add {@code HHMMSS} ({@code YYYMMDDHHMMSS}). Dates before
 * 1912 and after ROC year 999 have no such form: formatting refuses them and parsing never yields them.
 */
public final class RocDate {
    /** The Gregorian year before ROC year 1. */
    private static final int OFFSET = 1911;

    private RocDate() {
    }

    /**
     * @return the ROC year of a date (2024 → 113)
     * @throws IllegalArgumentException when the date lies before 1912
     */
    public static int year(LocalDate d) {
        int year = d.getYear() - OFFSET;
        if (year < 1) {
            throw new IllegalArgumentException("no ROC year before 1912: " + d);
        }
        return year;
    }

    /**
     * @return the Gregorian year of a ROC year (1 → 1912)
     * @throws IllegalArgumentException when the ROC year is below 1
     */
    public static int gregorianYear(int rocYear) {
        if (rocYear < 1) {
            throw new IllegalArgumentException("ROC years start at 1: " + rocYear);
        }
        return rocYear + OFFSET;
    }

    /**
     * @return {@code YYYMMDD} (2024-02-29 → {@code 1130229})
     * @throws IllegalArgumentException when the date lies before 1912 or after ROC year 999
     */
    public static String format(LocalDate d) {
        return String.format("%s%02d%02d", year3(d), d.getMonthValue(), d.getDayOfMonth());
    }

    /**
     * @return {@code YYYMMDDHHMMSS}, to the second
     * @throws IllegalArgumentException when the date lies before 1912 or after ROC year 999
     */
    public static String format(LocalDateTime t) {
        return format(t.toLocalDate()) + String.format("%02d%02d%02d", t.getHour(), t.getMinute(), t.getSecond());
    }

    /** @return the date of a {@code YYYMMDD} text, or empty when it is not one (year 000 is not one) */
    public static Optional<LocalDate> parseDate(String s) {
        if (s == null || !s.matches("\\d{7}")) {
            return Optional.empty();
        }
        int year = Integer.parseInt(s.substring(0, 3));
        if (year < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year + OFFSET, Integer.parseInt(s.substring(3, 5)),
                    Integer.parseInt(s.substring(5, 7))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** @return the date-time of a {@code YYYMMDDHHMMSS} text, or empty when it is not one */
    public static Optional<LocalDateTime> parseDateTime(String s) {
        if (s == null || !s.matches("\\d{13}")) {
            return Optional.empty();
        }
        try {
            return parseDate(s.substring(0, 7)).map(d -> d.atTime(Integer.parseInt(s.substring(7, 9)),
                    Integer.parseInt(s.substring(9, 11)), Integer.parseInt(s.substring(11, 13))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String year3(LocalDate d) {
        int year = year(d);
        if (year > 999) {
            throw new IllegalArgumentException("a ROC year has three digits: " + d);
        }
        return String.format("%03d", year);
    }
}
