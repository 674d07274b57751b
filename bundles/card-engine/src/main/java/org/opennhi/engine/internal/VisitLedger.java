package org.opennhi.engine.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;

import org.opennhi.engine.CardFields;
import org.opennhi.engine.CardStatus;

/**
 * The visit bookkeeping an HC keeps in four areas — the visit records (07), this year's count in the
 * cumulative data (09), the last sequence number (05) and the visits left (01) — and the rules that keep them
 * telling one story (docs/card-profile.md §3.5.1 and §4).
 */
final class VisitLedger {
    private VisitLedger() {
    }

    /**
     * A visit's date-time names it (1.39, uploads and treatment writes look it up), so on one card each is
     * later than every date-time already there: now, or one second after the latest record when that is not
     * earlier. Ahead of the clock only while visits come faster than one a second.
     */
    static LocalDateTime nextDateTime(byte[] visits, LocalDateTime now) {
        LocalDateTime next = now.withNano(0);
        for (int i = 0; i < Areas.VISIT_RECORDS; i++) {
            Optional<LocalDateTime> t = Roc.parseDateTime(CardFields.ascii(visits, i * Areas.VISIT_LENGTH + 3, 13));
            if (t.isPresent() && !t.get().isBefore(next)) {
                next = t.get().plusSeconds(1);
            }
        }
        return next;
    }

    /** New contents for the counter areas that roll a torn visit forward; visitsCounted: added to the count. */
    record Repair(byte[] cumulative, byte[] lastSequence, byte[] status, int visitsCounted) {
    }

    /**
     * Finds a visit torn the way a card written one area at a time (before write sets: the record, then the
     * cumulative count, the last sequence number and the visits left) is torn when pulled in between:
     * <ul>
     * <li>the newest record is a counted visit numbered one above the year's count: nothing after the record
     * landed;</li>
     * <li>it is numbered as the year's count while the last sequence number is still the one before it: the
     * count landed, the last sequence number and the visits left did not.</li>
     * </ul>
     * Both roll forward — the card shows the visit, and the HIS may hold its number, so that number must never
     * be given again. Any other disagreement (records age out of the cyclic area, an undone visit's number is
     * given again by design, personalised cards start without a last sequence number) is left alone.
     *
     * @return the counter areas' new contents, or empty when the areas agree
     */
    static Optional<Repair> check(byte[] visits, byte[] cumulative, byte[] lastSequence, byte[] status) {
        String category = CardFields.ascii(visits, 0, 2);
        Optional<LocalDateTime> when = Roc.parseDateTime(CardFields.ascii(visits, 3, 13));
        String sequence = CardFields.ascii(visits, 17, 4);
        if (!VisitRules.counted(category) || when.isEmpty() || !sequence.matches("\\d{4}")) {
            return Optional.empty();
        }
        int year = Roc.year(when.get().toLocalDate());
        String newestYear = CardFields.ascii(cumulative, 0, 3);
        if (newestYear.matches("\\d{3}") && year < Integer.parseInt(newestYear)) {
            return Optional.empty();
        }
        int number = Integer.parseInt(sequence);
        int count = Engine.visitsInYear(cumulative, year);
        byte[] last = String.format("%03d%04d", year, number).getBytes(StandardCharsets.US_ASCII);
        int visitsLeft = new CardStatus(status).visitsLeft();
        if (number == count + 1) {
            return Optional.of(new Repair(Engine.countVisit(cumulative, year, +1), last,
                    Engine.withVisitsLeft(status, visitsLeft - 1), 1));
        }
        String previous = String.format("%03d%04d", year, number - 1);
        if (number == count && CardFields.ascii(lastSequence, 0, 7).equals(previous)) {
            return Optional.of(new Repair(cumulative, last, Engine.withVisitsLeft(status, visitsLeft - 1), 0));
        }
        return Optional.empty();
    }

    /** @return true when the repair changes that area's content */
    static boolean changes(byte[] before, byte[] after) {
        return !Arrays.equals(before, after);
    }
}
