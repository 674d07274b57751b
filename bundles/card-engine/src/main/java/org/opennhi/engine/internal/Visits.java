// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.card.RocDate;
import org.opennhi.contracts.idc.IdcVisitService;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.engine.BasicProfile;
import org.opennhi.engine.CardFields;
import org.opennhi.engine.CardStatus;
import org.opennhi.engine.CriticalIllnessExpiry;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.Visit;
import org.opennhi.engine.VisitReminder;
import org.opennhi.engine.VisitRequest;
import org.opennhi.engine.internal.HcConversation.Write;

/**
 * The rules of 取號 (1.9, 1.37, 1.53) and 退掛 (1.39) on the card's visit bookkeeping ({@link VisitLedger},
 * {@link VisitArea}), and the online insurance check (1.55) some visit categories need first.
 */
final class Visits {
    private final HcAccess hc;
    private final Desk desk;
    private final TreatmentIds treatmentIds;
    private final Supplier<Optional<IdcVisitService>> idc;

    Visits(HcAccess hc, Desk desk, TreatmentIds treatmentIds, Supplier<Optional<IdcVisitService>> idc) {
        this.hc = Objects.requireNonNull(hc, "hc");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.treatmentIds = Objects.requireNonNull(treatmentIds, "treatmentIds");
        this.idc = Objects.requireNonNull(idc, "idc");
    }

    /** 1.55: the IDC's word on the inserted HC's holder (cached basic data). */
    void checkInsurance() throws NhiException {
        requireInsured(hc.read(PinSource.none(), c -> new BasicProfile(c.area(HcArea.BASIC_PROFILE))));
    }

    Visit take(VisitRequest request, PinSource pin) throws NhiException {
        String category = request.treatmentCategory();
        if (!VisitRules.known(category)) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "unknown 就醫類別 '" + category + "'");
        }
        if (request.afterCheck() != '1' && request.afterCheck() != '2') {
            throw new NhiException(ResultCode.BAD_PARAMETER, "補卡註記 is '1' or '2'");
        }
        SamIdentity id = desk.identity();
        return hc.session(pin, c -> {
            VisitLedger.settle(c);
            BasicProfile basic = new BasicProfile(c.area(HcArea.BASIC_PROFILE));
            CardStatus status = new CardStatus(c.area(HcArea.CARD_STATUS));
            LocalDateTime at = desk.now();
            LocalDate today = at.toLocalDate();
            checkCardUsable(status, today);
            boolean counted = VisitRules.counted(category);
            if (counted && status.visitsLeft() <= 0) {
                throw new NhiException(ResultCode.NO_VISITS_LEFT, "no available visits left on the card");
            }
            if (request.newbornVisit()) {
                checkNewborn(c.area(HcArea.REGISTRATION), today);
            }
            byte[] visits = c.area(HcArea.VISITS);
            if (VisitRules.cancelsVisit(category)
                    && VisitArea.findRecent(visits, at, id.hospitalId()).isEmpty()) {
                throw new NhiException(ResultCode.CANCEL_VISIT_NONE_IN_24H,
                        "no visit at this institution in the last 24 hours");
            }
            if (VisitRules.cancelsPrenatalCheck(category) && !VisitRules.recentService(
                    c.area(HcArea.PRENATAL_CHECKS), HcArea.PRENATAL_CHECKS.recordLength(), 0, today,
                    id.hospitalId())) {
                throw new NhiException(ResultCode.CANCEL_PRENATAL_NONE_IN_24H,
                        "no prenatal check at this institution in the last 24 hours");
            }
            if (VisitRules.cancelsPreventiveCare(category) && !VisitRules.recentService(
                    c.area(HcArea.PREVENTIVE_CARE), HcArea.PREVENTIVE_CARE.recordLength(), 2, today,
                    id.hospitalId())) {
                throw new NhiException(ResultCode.CANCEL_PREVENTIVE_NONE_IN_24H,
                        "no preventive-care service at this institution in the last 24 hours");
            }
            if (VisitRules.needsInsuranceCheck(category)) {
                requireInsured(basic);
            }
            byte[] cumulative = c.area(HcArea.CUMULATIVE_DATA);
            LocalDateTime dated = VisitLedger.nextDateTime(visits, at);
            int year = RocDate.year(dated.toLocalDate());
            int visitsThisYear = VisitArea.visitsInYear(cumulative, year);
            String dateTime = RocDate.format(dated);
            String sequence = String.format("%04d", counted ? visitsThisYear + 1 : visitsThisYear);
            boolean sameDay = VisitArea.sameDay(visits, dateTime);

            Optional<String> treatmentId = request.withTreatmentId()
                    ? Optional.of(treatmentIds.issue(dateTime, Optional.of(basic.cardNumber()), sequence,
                            basic.idNumber()))
                    : Optional.empty();
            byte[] signed = (dateTime + sequence + id.hospitalId() + basic.cardNumber() + id.samId())
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] signature = desk.sam().sign(request.signature() == VisitRequest.SignatureForm.RAW_128
                    ? SignatureType.VISIT_RAW : SignatureType.VISIT_PRINTABLE, signed);

            byte[] record = VisitArea.visitRecord(category, request.newbornVisit() ? (byte) 'Y' : (byte) ' ', dateTime,
                    (byte) request.afterCheck(), sequence, id.hospitalId());
            List<Write> writes = new ArrayList<>();
            writes.add(Write.append(HcArea.VISITS, record, visits));
            if (counted) {
                byte[] newCumulative = VisitArea.countVisit(cumulative, year, +1);
                writes.add(Write.put(HcArea.CUMULATIVE_DATA, 0, newCumulative, newCumulative));
                byte[] last = (String.format("%03d", year) + sequence).getBytes(StandardCharsets.US_ASCII);
                writes.add(Write.put(HcArea.LAST_SEQUENCE, 0, last, last));
                byte[] newStatus = VisitArea.withVisitsLeft(status.bytes(), status.visitsLeft() - 1);
                writes.add(Write.put(HcArea.CARD_STATUS, 0, newStatus, newStatus));
            }
            c.write(ResultCode.VISIT_RECORD_WRITE_FAILED, writes.toArray(Write[]::new));

            Optional<VisitReminder> due = Optional.empty();
            if (counted && category.compareTo("09") < 0) {
                int age = RocDate.parseDate(basic.birthDate()).map(b -> VisitRules.age(b, today)).orElse(0);
                due = VisitRules.reminder(basic.cardNumber(), age, visitsThisYear,
                        () -> criticalIllnessValid(c, today));
            }
            List<CriticalIllnessExpiry> ending = VisitRules.cancelsVisit(category)
                    ? List.of() : IllnessNotices.ending(c, today);
            return new Visit(dateTime, sequence, id.hospitalId(), signature, id.samId(), sameDay, treatmentId, due,
                    ending);
        });
    }

    void undo(String visitDateTime, PinSource pin) throws NhiException {
        LocalDateTime when = RocDate.parseDateTime(visitDateTime).orElseThrow(() -> new NhiException(
                ResultCode.BAD_PARAMETER, "就診日期時間 is 13 digits, ROC YYYMMDDHHMMSS"));
        SamIdentity id = desk.identity();
        hc.session(pin, c -> {
            VisitLedger.settle(c);
            byte[] visits = c.area(HcArea.VISITS);
            int index = VisitArea.findVisit(visits, visitDateTime);
            if (index < 0) {
                throw new NhiException(ResultCode.VISIT_NOT_ON_CARD, "no visit at that date-time on the card");
            }
            byte[] record = CardFields.slice(visits, index * HcArea.VISITS.recordLength(),
                    HcArea.VISITS.recordLength());
            String category = CardFields.ascii(record, 0, 2);
            if (!VisitRules.counted(category)) {
                throw new NhiException(ResultCode.UNDO_NEEDS_NUMERIC_VISIT_TYPE, "就醫類別 " + category);
            }
            if (!CardFields.ascii(record, 21, 10).equals(id.hospitalId())) {
                throw new NhiException(ResultCode.UNDO_DIFFERENT_INSTITUTION, "the visit was at another institution");
            }
            if (VisitArea.undone(visits, visitDateTime)) {
                throw new NhiException(ResultCode.UNDO_ALREADY_DONE, "the visit was undone already");
            }
            LocalDateTime now = desk.now();
            // visits faster than one a second are dated ahead of the clock (VisitLedger): no upper bound here
            if (when.isBefore(now.minusHours(24))) {
                throw new NhiException(ResultCode.UNDO_DATE_NOT_ALLOWED, "a visit can be undone within 24 hours");
            }
            CardStatus status = new CardStatus(c.area(HcArea.CARD_STATUS));
            byte[] cumulative = c.area(HcArea.CUMULATIVE_DATA);
            int year = RocDate.year(when.toLocalDate());
            if (status.visitsLeft() < 0 || status.visitsLeft() >= 99) {
                throw new NhiException(ResultCode.IMPLAUSIBLE_VISITS_LEFT, "visits left " + status.visitsLeft());
            }
            if (VisitArea.visitsInYear(cumulative, year) <= 0) {
                throw new NhiException(ResultCode.IMPLAUSIBLE_VISIT_COUNT_TOTAL, "no visit counted this year");
            }
            String sequence = CardFields.ascii(record, 17, 4);
            int previous = Integer.parseInt(sequence) - 1;
            byte[] mark = VisitArea.visitRecord(category.equals("04") || category.equals("05") ? "ZB" : "ZA", record[2],
                    visitDateTime, record[16], sequence, id.hospitalId());
            byte[] newCumulative = VisitArea.countVisit(cumulative, year, -1);
            byte[] last = (String.format("%03d%04d", year, Math.max(0, previous))).getBytes(StandardCharsets.US_ASCII);
            byte[] newStatus = VisitArea.withVisitsLeft(status.bytes(), status.visitsLeft() + 1);
            c.write(ResultCode.CARD_UPDATE_FAILED, Write.append(HcArea.VISITS, mark, visits),
                    Write.put(HcArea.CUMULATIVE_DATA, 0, newCumulative, newCumulative),
                    Write.put(HcArea.LAST_SEQUENCE, 0, last, last),
                    Write.put(HcArea.CARD_STATUS, 0, newStatus, newStatus));
            return null;
        });
    }

    static void checkCardUsable(CardStatus status, LocalDate today) throws NhiException {
        if (status.cancelled()) {
            throw new NhiException(ResultCode.CARD_CANCELLED, "the card is cancelled");
        }
        Optional<LocalDate> expiry = RocDate.parseDate(status.expiryDate());
        if (expiry.isPresent() && expiry.get().isBefore(today)) {
            throw new NhiException(ResultCode.CARD_EXPIRED, "the card expired on " + status.expiryDate());
        }
    }

    private static void checkNewborn(byte[] registration, LocalDate today) throws NhiException {
        String birth = CardFields.ascii(registration, 3, 7);
        String count = CardFields.ascii(registration, 10, 1);
        Optional<LocalDate> date = RocDate.parseDate(birth);
        if (date.isEmpty()) {
            throw new NhiException(ResultCode.NEWBORN_MARK_WRITE_FAILED, "no newborn is registered on the card");
        }
        if (count.isEmpty()) {
            throw new NhiException(ResultCode.NEWBORN_BIRTH_WITHOUT_MULTIPLE_BIRTH_MARK,
                    "newborn birth date without 胞胎註記");
        }
        if (VisitRules.newbornTooOld(date.get(), today)) {
            throw new NhiException(ResultCode.NEWBORN_OVER_60_DAYS, "the newborn was born more than 60 days ago");
        }
    }

    private static boolean criticalIllnessValid(HcConversation c, LocalDate today) {
        try {
            byte[] area = c.area(HcArea.CRITICAL_ILLNESSES);
            for (int i = 0; i < HcArea.CRITICAL_ILLNESSES.records(); i++) {
                int o = i * 19;
                if (CardFields.ascii(area, o, 5).isEmpty()) {
                    continue;
                }
                Optional<LocalDate> from = RocDate.parseDate(CardFields.ascii(area, o + 5, 7));
                Optional<LocalDate> to = RocDate.parseDate(CardFields.ascii(area, o + 12, 7));
                if (from.map(f -> !f.isAfter(today)).orElse(true) && to.map(t -> !t.isBefore(today)).orElse(true)) {
                    return true;
                }
            }
            return false;
        } catch (NhiException e) {
            // unreadable (no PIN given): no reminder rather than a failed visit
            return true;
        }
    }

    /** @throws NhiException the IDC's answer when the holder is not insured now (5012, 9083–9092; 4061 offline) */
    private void requireInsured(BasicProfile basic) throws NhiException {
        ResultCode insured = idc().checkInsurance(basic.cardNumber(), basic.idNumber());
        if (!insured.isSuccess()) {
            throw new NhiException(insured, "the IDC's insurance check");
        }
    }

    private IdcVisitService idc() throws NhiException {
        return idc.get().orElseThrow(() -> new NhiException(ResultCode.NETWORK_DOWN, "no IDC service is installed"));
    }
}
