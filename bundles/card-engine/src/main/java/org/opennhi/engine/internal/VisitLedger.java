// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.card.RocDate;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.CardFields;
import org.opennhi.engine.internal.HcConversation.Write;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.opennhi.engine.CardStatus;

/**
 * The visit bookkeeping an HC keeps in four areas — the visit records (07), this year's count in the
 * cumulative data (09), the last sequence number (05) and the visits left (01) — and the rules that keep them
 * telling one story (docs/card-profile.md §3.5.1 and §4).
 */
final class VisitLedger {
    private static final Logger LOG = LoggerFactory.getLogger(VisitLedger.class);
    private VisitLedger() {
    }

    /**
     * A visit's date-time names it (1.39, uploads and treatment writes look it up), so on one card each is
     * later than every date-time already there: now, or one second after the latest record when that is not
     * earlier. Ahead of the clock only while visits come faster than one a second.
     */
    static LocalDateTime nextDateTime(byte[] visits, LocalDateTime now) {
        LocalDateTime next = now.withNano(0);
        for (int i = 0; i < HcArea.VISITS.records(); i++) {
            Optional<LocalDateTime> t = RocDate.parseDateTime(CardFields.ascii(visits,
                    i * HcArea.VISITS.recordLength() + 3, 13));
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
        Optional<LocalDateTime> when = RocDate.parseDateTime(CardFields.ascii(visits, 3, 13));
        String sequence = CardFields.ascii(visits, 17, 4);
        if (!VisitRules.counted(category) || when.isEmpty() || !sequence.matches("\\d{4}")) {
            return Optional.empty();
        }
        int year = RocDate.year(when.get().toLocalDate());
        String newestYear = CardFields.ascii(cumulative, 0, 3);
        if (newestYear.matches("\\d{3}") && year < Integer.parseInt(newestYear)) {
            return Optional.empty();
        }
        int number = Integer.parseInt(sequence);
        int count = VisitArea.visitsInYear(cumulative, year);
        byte[] last = String.format("%03d%04d", year, number).getBytes(StandardCharsets.US_ASCII);
        int visitsLeft = new CardStatus(status).visitsLeft();
        if (number == count + 1) {
            return Optional.of(new Repair(VisitArea.countVisit(cumulative, year, +1), last,
                    VisitArea.withVisitsLeft(status, visitsLeft - 1), 1));
        }
        String previous = String.format("%03d%04d", year, number - 1);
        if (number == count && CardFields.ascii(lastSequence, 0, 7).equals(previous)) {
            return Optional.of(new Repair(cumulative, last, VisitArea.withVisitsLeft(status, visitsLeft - 1), 0));
        }
        return Optional.empty();
    }

    /**
     * Rolls a torn visit forward before anything else touches the visit areas: once per card insertion, in one
     * write set. Cards written by this engine are never torn (write sets); this heals a card torn elsewhere or by
     * an older version.
     */
    static void settle(HcConversation c) throws NhiException {
        if (c.ledgerSettled()) {
            return;
        }
        byte[] visits = c.area(HcArea.VISITS);
        byte[] cumulative = c.area(HcArea.CUMULATIVE_DATA);
        byte[] last = c.area(HcArea.LAST_SEQUENCE);
        byte[] status = c.area(HcArea.CARD_STATUS);
        Optional<Repair> repair = check(visits, cumulative, last, status);
        if (repair.isPresent()) {
            Repair r = repair.get();
            List<Write> writes = new ArrayList<>();
            if (!Arrays.equals(cumulative, r.cumulative())) {
                writes.add(Write.put(HcArea.CUMULATIVE_DATA, 0, r.cumulative(), r.cumulative()));
            }
            if (!Arrays.equals(last, r.lastSequence())) {
                writes.add(Write.put(HcArea.LAST_SEQUENCE, 0, r.lastSequence(), r.lastSequence()));
            }
            if (!Arrays.equals(status, r.status())) {
                writes.add(Write.put(HcArea.CARD_STATUS, 0, r.status(), r.status()));
            }
            c.write(ResultCode.CARD_UPDATE_FAILED, writes.toArray(Write[]::new));
            LOG.warn("An HC's visit counters lagged behind its newest visit record (a card pulled mid-write): "
                    + "rolled forward, {} visit(s) counted, last sequence number {}", r.visitsCounted(),
                    CardFields.ascii(r.lastSequence(), 3, 4));
        }
        c.ledgerSettled(true);
    }
}
