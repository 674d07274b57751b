package org.opennhi.engine.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/** ROC (民國) dates as the cards and the manual write them: year − 1911 on three digits. */
final class Roc {
    private Roc() {
    }

    /** @return YYYMMDD */
    static String date(LocalDate d) {
        return String.format("%03d%02d%02d", d.getYear() - 1911, d.getMonthValue(), d.getDayOfMonth());
    }

    /** @return YYYMMDDHHMMSS */
    static String dateTime(LocalDateTime t) {
        return date(t.toLocalDate()) + String.format("%02d%02d%02d", t.getHour(), t.getMinute(), t.getSecond());
    }

    /** @return the date of a YYYMMDD text, or empty when it is not one */
    static Optional<LocalDate> parseDate(String s) {
        if (s == null || !s.matches("\\d{7}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(s.substring(0, 3)) + 1911,
                    Integer.parseInt(s.substring(3, 5)), Integer.parseInt(s.substring(5, 7))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** @return the date-time of a YYYMMDDHHMMSS text, or empty when it is not one */
    static Optional<LocalDateTime> parseDateTime(String s) {
        if (s == null || !s.matches("\\d{13}")) {
            return Optional.empty();
        }
        try {
            return parseDate(s.substring(0, 7)).map(d -> d.atTime(Integer.parseInt(s.substring(7, 9)),
                    Integer.parseInt(s.substring(9, 11)), Integer.parseInt(s.substring(11, 13))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** @return the ROC year of a date */
    static int year(LocalDate d) {
        return d.getYear() - 1911;
    }
}
