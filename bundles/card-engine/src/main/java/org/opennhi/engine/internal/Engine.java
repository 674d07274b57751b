package org.opennhi.engine.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.opennhi.contracts.idc.IdcVisitService;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.HpcAuthorisation;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.engine.BasicProfile;
import org.opennhi.engine.CardEngine;
import org.opennhi.engine.CardFields;
import org.opennhi.engine.CardStatus;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.ProfessionalIdentity;
import org.opennhi.engine.RecordArea;
import org.opennhi.engine.TreatmentWrite;
import org.opennhi.engine.UploadReceipt;
import org.opennhi.engine.Visit;
import org.opennhi.engine.VisitReminder;
import org.opennhi.engine.VisitRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.opennhi.engine.internal.HcConversation.Write;

/**
 * The card engine's logic, free of OSGi so tests run it on the simulated cards. One HC operation at a time
 * (the HC lock), each inside one exclusive reader session; what was read is kept in {@link HcState} until the
 * reader reports the card gone.
 */
public final class Engine implements CardEngine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private final ReaderService readers;
    private final SamService sam;
    private final HpcAuthorisation hpcAuth;
    private final Supplier<Optional<IdcVisitService>> idc;
    private final Clock clock;
    private final Duration wait;
    private final Consumer<VisitReminder> reminders;
    private final ReentrantLock hcLock = new ReentrantLock(true);
    private final ReentrantLock hpcLock = new ReentrantLock(true);
    private final List<IdcVisitService.OfflineTreatmentId> offline = new CopyOnWriteArrayList<>();
    private volatile HcState hc = new HcState();
    /** What cache hits answer from without the HC lock: a copy of {@link #hc} published after each operation. */
    private volatile HcState hcSnapshot = new HcState();
    private volatile HpcState hpc = new HpcState();
    /** The identity of the HPC whose PIN this engine verified last: kept when it leaves (fast authentication). */
    private volatile byte[] authorisedIdentity;
    private final HealthWrites healthWrites = new HealthWrites(this);
    private final Uploads uploads;
    private final CardRefresh cardRefresh;

    /**
     * @param readers the reader service
     * @param sam the SAM service
     * @param hpcAuth whether a health professional is authorised (HPC PIN, fast authentication)
     * @param idc the IDC's visit services, when one is installed
     * @param clock the visit clock (Taiwan time)
     * @param wait how long an operation waits for its card
     * @param reminders told of each visit-count reminder
     */
    public Engine(ReaderService readers, SamService sam, HpcAuthorisation hpcAuth,
            Supplier<Optional<IdcVisitService>> idc, Clock clock, Duration wait, Consumer<VisitReminder> reminders) {
        this.readers = Objects.requireNonNull(readers, "readers");
        this.sam = Objects.requireNonNull(sam, "sam");
        this.hpcAuth = Objects.requireNonNull(hpcAuth, "hpcAuth");
        this.uploads = new Uploads(sam, java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "opennhi",
                "download"));
        this.cardRefresh = new CardRefresh(this, sam);
        this.idc = Objects.requireNonNull(idc, "idc");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
    }

    /** Forgets a card's data when it leaves (or a new one enters) its reader. */
    public void readerEvent(ReaderEvent event) {
        if (event.type() == ReaderEvent.Type.STATUS_CHANGED) {
            return;
        }
        if (event.slot() == Slot.HC || event.slot() == null) {
            hc = new HcState();
        }
        if (event.slot() == Slot.HPC || event.slot() == null) {
            hpc = new HpcState();
        }
    }

    // ---- HC reads -------------------------------------------------------------------------------------

    @Override
    public BasicProfile basicProfile() throws NhiException {
        return new BasicProfile(withHc(PinSource.none(), c -> c.area(Areas.BASIC)));
    }

    @Override
    public CardStatus cardStatus() throws NhiException {
        return new CardStatus(withHc(PinSource.none(), c -> c.area(Areas.STATUS)));
    }

    @Override
    public byte[] emergencyPhone() throws NhiException {
        return withHc(PinSource.none(), c -> c.area(Areas.PHONE));
    }

    @Override
    public byte[] basicData() throws NhiException {
        return withHc(PinSource.none(), c -> {
            byte[] basic = c.area(Areas.BASIC);
            byte[] status = c.area(Areas.STATUS);
            byte[] phone = c.area(Areas.PHONE);
            byte[] out = Arrays.copyOf(basic, basic.length + 1 + phone.length);
            out[basic.length] = new CardStatus(status).cancellationMark();
            System.arraycopy(phone, 0, out, basic.length + 1, phone.length);
            return out;
        });
    }

    @Override
    public byte[] registration(PinSource pin) throws NhiException {
        return withHc(pin, c -> {
            byte[] reg = c.area(Areas.REGISTRATION);
            // Prefetch what the visit's later steps read while the PIN is verified: each write authenticates
            // the card afresh, which ends the PIN's verification, so they need no PIN again.
            if (Boolean.TRUE.equals(hc.pinEnabled)) {
                c.area(Areas.VISITS);
                c.area(Areas.CUMULATIVE);
                c.area(Areas.DIAGNOSES);
            }
            return reg;
        });
    }

    @Override
    public byte[] lastSequenceNumber(PinSource pin) throws NhiException {
        return withHc(pin, c -> {
            VisitLedger.settle(c);
            return c.area(Areas.LAST_SEQUENCE);
        });
    }

    @Override
    public boolean hcPinEnabled() throws NhiException {
        return withHc(PinSource.none(), c -> {
            if (hc.pinEnabled == null) {
                hc.pinEnabled = c.area(Areas.PIN_STATUS)[0] == 1;
            }
            return hc.pinEnabled;
        });
    }

    @Override
    public int slotStatus(Slot slot) {
        if (slot == Slot.SAM) {
            return sam.status().legacyValue();
        }
        SlotState s = readers.slot(slot);
        if (!s.cardPresent()) {
            return 0;
        }
        if (slot == Slot.HC) {
            HcState h = hc;
            return h.pinVerified ? 4 : h.authenticated ? 2 : 1;
        }
        return hpc.pinVerified ? 3 : 1;
    }

    @Override
    public LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    @Override
    public String cardNumber(Slot slot) throws NhiException {
        return switch (slot) {
            case HC -> basicProfile().cardNumber();
            case HPC -> professional().cardNumber();
            case SAM -> sam().samId();
        };
    }

    // ---- visits ---------------------------------------------------------------------------------------

    @Override
    public Visit takeVisit(VisitRequest request, PinSource pin) throws NhiException {
        String category = request.treatmentCategory();
        if (!VisitRules.known(category)) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "unknown 就醫類別 '" + category + "'");
        }
        if (request.afterCheck() != '1' && request.afterCheck() != '2') {
            throw new NhiException(ResultCode.BAD_PARAMETER, "補卡註記 is '1' or '2'");
        }
        SamIdentity id = sam();
        Optional<VisitReminder> reminder;
        Visit visit = withHcSession(pin, c -> {
            VisitLedger.settle(c);
            BasicProfile basic = new BasicProfile(c.area(Areas.BASIC));
            CardStatus status = new CardStatus(c.area(Areas.STATUS));
            LocalDateTime at = now();
            LocalDate today = at.toLocalDate();
            checkCardUsable(status, today);
            boolean counted = VisitRules.counted(category);
            if (counted && status.visitsLeft() <= 0) {
                throw new NhiException(ResultCode.NO_VISITS_LEFT, "no available visits left on the card");
            }
            if (request.newbornVisit()) {
                checkNewborn(c.area(Areas.REGISTRATION), today);
            }
            byte[] visits = c.area(Areas.VISITS);
            if (VisitRules.cancelsVisit(category)
                    && findRecent(visits, at, id.hospitalId()).isEmpty()) {
                throw new NhiException(ResultCode.CANCEL_VISIT_NONE_IN_24H,
                        "no visit at this institution in the last 24 hours");
            }
            if (VisitRules.cancelsPrenatalCheck(category) && !VisitRules.recentService(
                    c.area(RecordArea.PRENATAL_CHECKS.area()), RecordArea.PRENATAL_CHECKS.recordLength(), 0, today,
                    id.hospitalId())) {
                throw new NhiException(ResultCode.CANCEL_PRENATAL_NONE_IN_24H,
                        "no prenatal check at this institution in the last 24 hours");
            }
            if (VisitRules.cancelsPreventiveCare(category) && !VisitRules.recentService(
                    c.area(RecordArea.PREVENTIVE_CARE.area()), RecordArea.PREVENTIVE_CARE.recordLength(), 2, today,
                    id.hospitalId())) {
                throw new NhiException(ResultCode.CANCEL_PREVENTIVE_NONE_IN_24H,
                        "no preventive-care service at this institution in the last 24 hours");
            }
            if (VisitRules.needsInsuranceCheck(category)) {
                requireInsured(basic);
            }
            byte[] cumulative = c.area(Areas.CUMULATIVE);
            LocalDateTime dated = VisitLedger.nextDateTime(visits, at);
            int year = Roc.year(dated.toLocalDate());
            int visitsThisYear = visitsInYear(cumulative, year);
            String dateTime = Roc.dateTime(dated);
            String sequence = String.format("%04d", counted ? visitsThisYear + 1 : visitsThisYear);
            boolean sameDay = sameDay(visits, dateTime);

            Optional<String> treatmentId = request.withTreatmentId()
                    ? Optional.of(treatmentIdFor(dateTime, Optional.of(basic.cardNumber()), sequence,
                            basic.idNumber()))
                    : Optional.empty();
            byte[] signed = (dateTime + sequence + id.hospitalId() + basic.cardNumber() + id.samId())
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] signature = sam.sign(request.signature() == VisitRequest.SignatureForm.RAW_128
                    ? SignatureType.VISIT_RAW : SignatureType.VISIT_PRINTABLE, signed);

            byte[] record = visitRecord(category, request.newbornVisit() ? (byte) 'Y' : (byte) ' ', dateTime,
                    (byte) request.afterCheck(), sequence, id.hospitalId());
            List<Write> writes = new ArrayList<>();
            writes.add(Write.append(Areas.VISITS, record, visits));
            if (counted) {
                byte[] newCumulative = countVisit(cumulative, year, +1);
                writes.add(Write.put(Areas.CUMULATIVE, 0, newCumulative, newCumulative));
                byte[] last = (String.format("%03d", year) + sequence).getBytes(StandardCharsets.US_ASCII);
                writes.add(Write.put(Areas.LAST_SEQUENCE, 0, last, last));
                byte[] newStatus = withVisitsLeft(status.bytes(), status.visitsLeft() - 1);
                writes.add(Write.put(Areas.STATUS, 0, newStatus, newStatus));
            }
            c.write(ResultCode.VISIT_RECORD_WRITE_FAILED, writes.toArray(Write[]::new));

            Optional<VisitReminder> due = Optional.empty();
            if (counted && category.compareTo("09") < 0) {
                int age = Roc.parseDate(basic.birthDate()).map(b -> VisitRules.age(b, today)).orElse(0);
                due = VisitRules.reminder(basic.cardNumber(), age, visitsThisYear,
                        () -> criticalIllnessValid(c, today));
            }
            List<org.opennhi.engine.CriticalIllnessExpiry> ending = VisitRules.cancelsVisit(category)
                    ? List.of() : IllnessNotices.ending(c, today);
            return new Visit(dateTime, sequence, id.hospitalId(), signature, id.samId(), sameDay, treatmentId, due,
                    ending);
        });
        reminder = visit.reminder();
        reminder.ifPresent(reminders);
        return visit;
    }

    @Override
    public void undoVisit(String visitDateTime, PinSource pin) throws NhiException {
        LocalDateTime when = Roc.parseDateTime(visitDateTime).orElseThrow(() -> new NhiException(
                ResultCode.BAD_PARAMETER, "就診日期時間 is 13 digits, ROC YYYMMDDHHMMSS"));
        SamIdentity id = sam();
        withHcSession(pin, c -> {
            VisitLedger.settle(c);
            byte[] visits = c.area(Areas.VISITS);
            int index = findVisit(visits, visitDateTime);
            if (index < 0) {
                throw new NhiException(ResultCode.VISIT_NOT_ON_CARD, "no visit at that date-time on the card");
            }
            byte[] record = CardFields.slice(visits, index * Areas.VISIT_LENGTH, Areas.VISIT_LENGTH);
            String category = CardFields.ascii(record, 0, 2);
            if (!VisitRules.counted(category)) {
                throw new NhiException(ResultCode.UNDO_NEEDS_NUMERIC_VISIT_TYPE, "就醫類別 " + category);
            }
            if (!CardFields.ascii(record, 21, 10).equals(id.hospitalId())) {
                throw new NhiException(ResultCode.UNDO_DIFFERENT_INSTITUTION, "the visit was at another institution");
            }
            if (undone(visits, visitDateTime)) {
                throw new NhiException(ResultCode.UNDO_ALREADY_DONE, "the visit was undone already");
            }
            LocalDateTime now = now();
            // visits faster than one a second are dated ahead of the clock (VisitLedger): no upper bound here
            if (when.isBefore(now.minusHours(24))) {
                throw new NhiException(ResultCode.UNDO_DATE_NOT_ALLOWED, "a visit can be undone within 24 hours");
            }
            CardStatus status = new CardStatus(c.area(Areas.STATUS));
            byte[] cumulative = c.area(Areas.CUMULATIVE);
            int year = Roc.year(when.toLocalDate());
            if (status.visitsLeft() < 0 || status.visitsLeft() >= 99) {
                throw new NhiException(ResultCode.IMPLAUSIBLE_VISITS_LEFT, "visits left " + status.visitsLeft());
            }
            if (visitsInYear(cumulative, year) <= 0) {
                throw new NhiException(ResultCode.IMPLAUSIBLE_VISIT_COUNT_TOTAL, "no visit counted this year");
            }
            String sequence = CardFields.ascii(record, 17, 4);
            int previous = Integer.parseInt(sequence) - 1;
            byte[] mark = visitRecord(category.equals("04") || category.equals("05") ? "ZB" : "ZA", record[2],
                    visitDateTime, record[16], sequence, id.hospitalId());
            byte[] newCumulative = countVisit(cumulative, year, -1);
            byte[] last = (String.format("%03d%04d", year, Math.max(0, previous))).getBytes(StandardCharsets.US_ASCII);
            byte[] newStatus = withVisitsLeft(status.bytes(), status.visitsLeft() + 1);
            c.write(ResultCode.CARD_UPDATE_FAILED, Write.append(Areas.VISITS, mark, visits),
                    Write.put(Areas.CUMULATIVE, 0, newCumulative, newCumulative),
                    Write.put(Areas.LAST_SEQUENCE, 0, last, last),
                    Write.put(Areas.STATUS, 0, newStatus, newStatus));
            return null;
        });
    }

    @Override
    public byte[] writeTreatment(TreatmentWrite write, PinSource pin) throws NhiException {
        byte[] doctorId = authorisedProfessional().idNumberBytes();
        withHcSession(pin, c -> {
            checkPatient(c, write.patient());
            byte[] visits = c.area(Areas.VISITS);
            int index = findVisit(visits, write.visitDateTime());
            if (index < 0) {
                throw new NhiException(ResultCode.VISIT_RECORD_NOT_FOUND, "no visit at that date-time on the card");
            }
            List<Write> writes = new ArrayList<>();
            byte[] record = CardFields.slice(visits, index * Areas.VISIT_LENGTH, Areas.VISIT_LENGTH);
            write.diagnoses().ifPresent(d -> record[16] = d[0]);
            write.fees().ifPresent(f -> System.arraycopy(f, 0, record, 31, TreatmentWrite.FEES_LENGTH));
            byte[] newVisits = visits.clone();
            System.arraycopy(record, 0, newVisits, index * Areas.VISIT_LENGTH, Areas.VISIT_LENGTH);
            writes.add(Write.put(Areas.VISITS, index + 1, record, newVisits));
            if (write.diagnoses().isPresent()) {
                byte[] diagnoses = diagnosesIfReadable(c);
                byte[] entry = new byte[Areas.DIAGNOSIS_LENGTH];
                System.arraycopy(write.visitDateTime().getBytes(StandardCharsets.US_ASCII), 0, entry, 0, 13);
                System.arraycopy(write.diagnoses().get(), 1, entry, 13, 30);
                int existing = diagnoses == null ? -1
                        : findRecord(diagnoses, Areas.DIAGNOSIS_LENGTH, write.visitDateTime());
                if (diagnoses == null) {
                    writes.add(new Write(Areas.DIAGNOSES, Commands.append(Areas.DIAGNOSES, entry), null));
                } else if (existing >= 0) {
                    byte[] after = diagnoses.clone();
                    System.arraycopy(entry, 0, after, existing * Areas.DIAGNOSIS_LENGTH, entry.length);
                    writes.add(Write.put(Areas.DIAGNOSES, existing + 1, entry, after));
                } else {
                    writes.add(Write.append(Areas.DIAGNOSES, entry, diagnoses));
                }
            }
            c.write(write.diagnoses().isPresent() ? ResultCode.VISIT_RECORD_UPDATE_FAILED
                    : ResultCode.FEE_RECORD_WRITE_FAILED, writes.toArray(Write[]::new));
            return null;
        });
        return doctorId;
    }

    /**
     * The diagnoses area, or null when only the holder's PIN (not given) would open it: a new visit's diagnoses
     * are then appended without looking, which is right unless the HIS writes the same visit twice.
     */
    private byte[] diagnosesIfReadable(HcConversation c) throws NhiException {
        try {
            return c.area(Areas.DIAGNOSES);
        } catch (NhiException e) {
            if (e.result() == ResultCode.PIN_ENTRY_CANCELLED) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public List<byte[]> writePrescriptions(PatientCheck patient, String visitDateTime, List<byte[]> records,
            boolean sign, PinSource pin) throws NhiException {
        authorisedProfessional();
        if (records.isEmpty() || records.size() > Areas.records(Areas.OUTPATIENT_RX)) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "1 to 60 prescriptions at a time");
        }
        byte[] dt = visitDateTime.getBytes(StandardCharsets.US_ASCII);
        for (byte[] r : records) {
            if (r.length != Areas.PRESCRIPTION_LENGTH || !Arrays.equals(dt, 0, 13, r, 0, 13) || dt.length != 13) {
                throw new NhiException(ResultCode.BAD_PARAMETER,
                        "each prescription is 61 bytes and starts with the visit's date-time");
            }
        }
        return withHcSession(pin, c -> {
            checkPatient(c, patient);
            if (findVisit(c.area(Areas.VISITS), visitDateTime) < 0) {
                throw new NhiException(ResultCode.VISIT_RECORD_NOT_FOUND, "no visit at that date-time on the card");
            }
            List<byte[]> signatures = new ArrayList<>();
            if (sign) {
                for (byte[] r : records) {
                    signatures.add(sam.sign(SignatureType.PRESCRIPTION, r));
                }
            }
            byte[] area = hc.area(Areas.OUTPATIENT_RX);
            List<Write> writes = new ArrayList<>();
            for (byte[] r : records) {
                Write w = area != null ? Write.append(Areas.OUTPATIENT_RX, r, area)
                        : new Write(Areas.OUTPATIENT_RX, Commands.append(Areas.OUTPATIENT_RX, r), null);
                writes.add(w);
                area = w.contentAfter();
            }
            try {
                c.write(ResultCode.OUTPATIENT_PRESCRIPTION_WRITE_FAILED, writes.toArray(Write[]::new));
            } finally {
                // the card copies long-term prescriptions itself: what we held of that area is stale now
                hc.areas.remove(0x0F);
            }
            return signatures;
        });
    }

    // ---- treatment ids --------------------------------------------------------------------------------

    @Override
    public String treatmentId(String visitDateTime, PinSource pin) throws NhiException {
        return withHc(pin, c -> {
            byte[] visits = c.area(Areas.VISITS);
            int index = findVisit(visits, visitDateTime);
            if (index < 0) {
                throw new NhiException(ResultCode.VISIT_RECORD_NOT_FOUND, "no visit at that date-time on the card");
            }
            BasicProfile basic = new BasicProfile(c.area(Areas.BASIC));
            String sequence = CardFields.ascii(visits, index * Areas.VISIT_LENGTH + 17, 4);
            return treatmentIdFor(visitDateTime, Optional.of(basic.cardNumber()), sequence, basic.idNumber());
        });
    }

    @Override
    public String treatmentIdWithoutCard(String idNumber, String hospitalId) throws NhiException {
        if (idNumber == null || !idNumber.matches("[A-Z0-9]{10}")) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "身分證號 is 10 characters");
        }
        SamIdentity id = sam();
        if (!id.hospitalId().equals(hospitalId)) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "the hospital id is not the SAM's");
        }
        String dateTime = Roc.dateTime(now());
        return dateTime + id.hospitalId() + treatmentIdFor(dateTime, Optional.empty(), null, idNumber);
    }

    @Override
    public int pendingOfflineTreatmentIds() {
        return offline.size();
    }

    @Override
    public int reconcileOfflineTreatmentIds() throws NhiException {
        List<IdcVisitService.OfflineTreatmentId> batch = List.copyOf(offline);
        if (batch.isEmpty()) {
            return 0;
        }
        List<IdcVisitService.Reconciliation> results = idcService().reconcile(batch);
        int accepted = 0;
        for (int i = 0; i < results.size() && i < batch.size(); i++) {
            // refused ones stay refused whatever we do: the IDC keeps its word, we keep no retry loop
            offline.remove(batch.get(i));
            if (results.get(i).accepted()) {
                accepted++;
            }
        }
        return accepted;
    }

    /** Online when the IDC answers; offline (and queued for reconciliation) when it cannot be reached. */
    private String treatmentIdFor(String dateTime, Optional<String> cardNumber, String sequence, String idNumber)
            throws NhiException {
        IdcVisitService service = idc.get().orElseThrow(() -> new NhiException(ResultCode.TREATMENT_ID_FAILED,
                "no IDC service is installed"));
        try {
            String online = service.issueTreatmentId(dateTime, cardNumber, sequence, idNumber);
            if (!offline.isEmpty()) {
                try {
                    reconcileOfflineTreatmentIds();
                } catch (NhiException e) {
                    // stays queued for the next chance
                }
            }
            return online;
        } catch (NhiException e) {
            if (e.result() != ResultCode.NETWORK_DOWN && e.result() != ResultCode.IDC_TIMEOUT
                    && e.result() != ResultCode.IDC_UNAVAILABLE) {
                throw e;
            }
            LocalDateTime at = Roc.parseDateTime(dateTime).orElseThrow();
            String id = service.offlineTreatmentId(at, idNumber);
            offline.add(new IdcVisitService.OfflineTreatmentId(id, dateTime, idNumber));
            return id;
        }
    }

    // ---- PINs -----------------------------------------------------------------------------------------

    @Override
    public void verifyHcPin(PinSource pin) throws NhiException {
        withHcSession(pin, c -> {
            if (!hc.authenticated) {
                c.authenticate();
            }
            c.verifyPin();
            return null;
        });
    }

    @Override
    public void setHcPin(PinSource pin) throws NhiException {
        if (readers.slot(Slot.HPC).cardPresent()) {
            throw new NhiException(ResultCode.REMOVE_HPC_TO_CHANGE_PIN, "remove the HPC before changing the HC PIN");
        }
        withHcSession(pin, c -> {
            boolean enabled = hcPinEnabledIn(c);
            if (enabled && !hc.pinVerified) {
                throw new NhiException(ResultCode.OLD_PIN_NOT_VERIFIED, "verify the current PIN first (1.27)");
            }
            if (!hc.authenticated) {
                c.authenticate();
            }
            byte[] old = enabled ? Pins.digits(pin.pin(PinSource.Purpose.HC_PIN)) : new byte[0];
            byte[] digits = Pins.digits(pin.pin(PinSource.Purpose.HC_NEW_PIN));
            byte[] block = Commands.block(digits);
            try {
                // a PIN in use is changed with the old one (CHANGE REFERENCE DATA), a first one is set (ENABLE)
                ResponseApdu r = c.transmitSelected(enabled ? Commands.change(Commands.block(old), block)
                        : Commands.enable(block));
                if (!r.isOk()) {
                    throw r.sw() == Commands.SW_CONDITIONS ? new NhiException(ResultCode.PIN_CHANGE_FAILED,
                            "a PIN is already enabled") : Pins.failure(r.sw(), "HC");
                }
                hc.pinEnabled = true;
                hc.pinVerified = true;
                hc.areas.remove(Areas.PIN_STATUS);
                return null;
            } finally {
                Arrays.fill(old, (byte) 0);
                Arrays.fill(digits, (byte) 0);
                Arrays.fill(block, (byte) 0);
            }
        });
    }

    @Override
    public void disableHcPin(PinSource pin) throws NhiException {
        withHcSession(pin, c -> {
            if (!hc.pinVerified) {
                throw new NhiException(ResultCode.OLD_PIN_NOT_VERIFIED, "verify the PIN first (1.27)");
            }
            ResponseApdu r = c.transmitSelected(Commands.disable());
            if (!r.isOk()) {
                throw new NhiException(r.sw() == Commands.SW_SECURITY ? ResultCode.OLD_PIN_NOT_VERIFIED
                        : ResultCode.PIN_DISABLE_FAILED, String.format("DISABLE answered %04X", r.sw()));
            }
            hc.pinEnabled = false;
            hc.areas.remove(Areas.PIN_STATUS);
            return null;
        });
    }

    private boolean hcPinEnabledIn(HcConversation c) throws NhiException {
        if (hc.pinEnabled == null) {
            hc.pinEnabled = c.area(Areas.PIN_STATUS)[0] == 1;
        }
        return hc.pinEnabled;
    }

    // ---- HPC ------------------------------------------------------------------------------------------

    @Override
    public ProfessionalIdentity professional() throws NhiException {
        return withHpc(s -> new ProfessionalIdentity(hpcIdentity(s)));
    }

    @Override
    public boolean hpcPresent() {
        return readers.slot(Slot.HPC).cardPresent();
    }

    @Override
    public void verifyHpcPin(PinSource pin) throws NhiException {
        withHpc(s -> {
            ProfessionalIdentity who = new ProfessionalIdentity(hpcIdentity(s));
            if (Roc.parseDate(who.expiryDate()).map(d -> d.isBefore(now().toLocalDate())).orElse(false)) {
                throw new NhiException(ResultCode.HPC_EXPIRED, "the HPC expired on " + who.expiryDate());
            }
            char[] digits = pin.pin(PinSource.Purpose.HPC_PIN);
            try {
                // the HPC is authenticated with the SAM first: the authorisation needs the SAM's word on the card
                if (sam.status() == org.opennhi.contracts.sam.SamStatus.NOT_AUTHENTICATED) {
                    sam.authenticateWithIdc(org.opennhi.contracts.platform.Progress.NONE);
                }
                hpcAuth.verifyPin(s, sam.authenticateCard(s), digits);
                hpc.pinVerified = true;
                authorisedIdentity = who.bytes();
                return null;
            } finally {
                Arrays.fill(digits, '\0');
            }
        });
    }

    @Override
    public void changeHpcPin(PinSource pin) throws NhiException {
        withHpc(s -> {
            hpcIdentity(s);
            byte[] old = Pins.digits(pin.pin(PinSource.Purpose.HPC_PIN));
            byte[] neu = Pins.digits(pin.pin(PinSource.Purpose.HPC_NEW_PIN));
            try {
                ResponseApdu r = s.transmit(Commands.change(Commands.block(old), Commands.block(neu)));
                if (!r.isOk()) {
                    throw Pins.failure(r.sw(), "HPC");
                }
                hpc.pinVerified = false;
                return null;
            } finally {
                Arrays.fill(old, (byte) 0);
                Arrays.fill(neu, (byte) 0);
            }
        });
    }

    @Override
    public void unlockHpc(PinSource pin) throws NhiException {
        withHpc(s -> {
            hpcIdentity(s);
            char[] pukChars = pin.pin(PinSource.Purpose.HPC_PUK);
            byte[] puk = new byte[pukChars.length];
            for (int i = 0; i < puk.length; i++) {
                puk[i] = (byte) pukChars[i];
            }
            Arrays.fill(pukChars, '\0');
            byte[] neu = Pins.digits(pin.pin(PinSource.Purpose.HPC_NEW_PIN));
            try {
                ResponseApdu r = s.transmit(Commands.unblock(Commands.block(puk), Commands.block(neu)));
                if (!r.isOk()) {
                    throw r.sw() == 0x6300 ? new NhiException(ResultCode.HPC_STILL_LOCKED, "wrong PUK")
                            : Pins.failure(r.sw(), "HPC");
                }
                hpc.pinVerified = true;
                return null;
            } finally {
                Arrays.fill(puk, (byte) 0);
                Arrays.fill(neu, (byte) 0);
            }
        });
    }

    /**
     * The health professional who authorises a medical function now: the HPC's PIN verified and the HPC in its
     * reader, or (fast authentication) verified within its hours.
     *
     * @throws NhiException {@code 4014} no HPC and no fast authentication, {@code 4042} PIN not verified,
     *         {@code 4034} the card in the HPC's reader is no HPC,
     *         {@code 5056} the authorised HPC's identity cannot be read
     */
    ProfessionalIdentity authorisedProfessional() throws NhiException {
        HpcAuthorisation.Grant grant;
        try {
            grant = hpcAuth.require();
        } catch (NhiException e) {
            if (e.result() == ResultCode.HPC_PIN_NOT_VERIFIED && hpcPresent()) {
                professional(); // another kind of card in the HPC's reader says so (4034) rather than 4042
            }
            throw e;
        }
        byte[] known = authorisedIdentity;
        if (known != null && new ProfessionalIdentity(known).cardNumber().equals(grant.hpcCardNumber())) {
            return new ProfessionalIdentity(known);
        }
        try {
            ProfessionalIdentity inReader = professional();
            if (inReader.cardNumber().equals(grant.hpcCardNumber())) {
                // the grant came from elsewhere (console, another facade): keep who it is for when the HPC leaves
                authorisedIdentity = inReader.bytes();
                return inReader;
            }
        } catch (NhiException e) {
            throw new NhiException(ResultCode.HPC_ID_READ_FAILED, e.getMessage(), e);
        }
        throw new NhiException(ResultCode.HPC_ID_READ_FAILED, "the authorised HPC's identity is not known");
    }

    private byte[] hpcIdentity(CardSession s) throws NhiException {
        HpcState h = hpc;
        if (h.identity != null) {
            return h.identity.clone();
        }
        ResponseApdu selected = s.transmit(Commands.SELECT_HPC);
        if (!selected.isOk()) {
            throw new NhiException(ResultCode.NOT_AN_HPC, String.format("SELECT answered %04X", selected.sw()));
        }
        ResponseApdu r = s.transmit(Commands.read(Areas.BASIC, 0, 0, ProfessionalIdentity.LENGTH));
        if (!r.isOk() || r.data().length != ProfessionalIdentity.LENGTH) {
            throw new NhiException(ResultCode.HPC_ID_READ_FAILED, String.format("identity read answered %04X",
                    r.sw()));
        }
        h.identity = r.data();
        return h.identity.clone();
    }

    // ---- SAM ------------------------------------------------------------------------------------------

    @Override
    public void verifySam() throws NhiException {
        sam.authenticateWithIdc(org.opennhi.contracts.platform.Progress.NONE);
    }

    @Override
    public SamIdentity sam() throws NhiException {
        return sam.identity().orElseThrow(() -> new NhiException(ResultCode.SAM_NOT_PRESENT,
                "the SAM's identity is not known"));
    }

    @Override
    public void reset(int target) throws NhiException {
        switch (target) {
            case 0 -> {
                hc = new HcState();
                hpc = new HpcState();
                hpcAuth.revoke();
            }
            case 1 -> hc = new HcState();
            case 2 -> {
                hpc = new HpcState();
                hpcAuth.revoke();
            }
            case 3 -> hc = new HcState();
            default -> throw new NhiException(ResultCode.BAD_PARAMETER, "csSoftwareReset takes 0 to 3");
        }
    }

    @Override
    public void checkInsurance() throws NhiException {
        requireInsured(basicProfile());
    }

    /** @throws NhiException the IDC's answer when the holder is not insured now (5012, 9083–9092; 4061 offline) */
    private void requireInsured(BasicProfile basic) throws NhiException {
        ResultCode insured = idcService().checkInsurance(basic.cardNumber(), basic.idNumber());
        if (!insured.isSuccess()) {
            throw new NhiException(insured, "the IDC's insurance check");
        }
    }

    // ---- health records (HealthRecords) ---------------------------------------------------------------

    private final HealthRecords records = new HealthRecords(this);

    @Override
    public byte[] readRecords(org.opennhi.engine.RecordArea area, PinSource pin) throws NhiException {
        return records.read(area, pin);
    }

    @Override
    public byte[] criticalIllnessDates(PinSource pin) throws NhiException {
        return records.criticalIllnessDates(pin);
    }

    /** One HC area, from the cache or in one reader session (for {@link HealthRecords}). */
    byte[] readArea(int area, PinSource pin) throws NhiException {
        return withHc(pin, c -> c.area(area));
    }

    // ---- health data writes (1.19–1.26, 1.46) and uploads (3.1–3.3) ------------------------------------

    @Override
    public void writeNewborn(PatientCheck patient, String newbornBirthDate, String multipleBirthMark, PinSource pin)
            throws NhiException {
        healthWrites.writeNewborn(patient, newbornBirthDate, multipleBirthMark, pin);
    }

    @Override
    public byte[] writeAllergies(PatientCheck patient, int firstSlot, List<byte[]> entries, PinSource pin)
            throws NhiException {
        return healthWrites.writeAllergies(patient, firstSlot, entries, pin);
    }

    @Override
    public void writeOrganDonation(PatientCheck patient, String mark, PinSource pin) throws NhiException {
        healthWrites.writeOrganDonation(patient, mark, pin);
    }

    @Override
    public void writePreventiveCare(PatientCheck patient, String serviceMark, String itemCode, PinSource pin)
            throws NhiException {
        healthWrites.writePreventiveCare(patient, serviceMark, itemCode, pin);
    }

    @Override
    public void writeEmergencyPhone(PatientCheck patient, String phone, PinSource pin) throws NhiException {
        healthWrites.writeEmergencyPhone(patient, phone, pin);
    }

    @Override
    public void writePrenatalCheck(PatientCheck patient, String itemCode, PinSource pin) throws NhiException {
        healthWrites.writePrenatalCheck(patient, itemCode, pin);
    }

    @Override
    public void deletePrenatalChecks(PatientCheck patient, PinSource pin) throws NhiException {
        healthWrites.deletePrenatalChecks(patient, pin);
    }

    @Override
    public void writeInoculation(PatientCheck patient, String vaccine, String lotNumber, PinSource pin)
            throws NhiException {
        healthWrites.writeInoculation(patient, vaccine, lotNumber, pin);
    }

    @Override
    public UploadReceipt upload(java.nio.file.Path file, long declaredSize, int records,
            java.util.OptionalInt prescriptions) throws NhiException {
        return uploads.upload(sam(), file, declaredSize, records, prescriptions);
    }

    @Override
    public java.nio.file.Path downloadUploadReport(String samId, String hospitalId, int records, String sendDateTime,
            String receiveDateTime, String serverRandom) throws NhiException {
        return uploads.downloadReport(sam(), samId, hospitalId, records, sendDateTime, receiveDateTime, serverRandom);
    }

    @Override
    public void updateCardContents(boolean resetCard, PinSource pin) throws NhiException {
        cardRefresh.update(resetCard, pin);
    }

    /**
     * Drops what the engine holds of the HC (1.30's reset); with {@code untilReinserted} (1.40) every HC
     * operation answers 4013 until the reader reports the card gone or a card inserted.
     */
    void forgetHc(boolean untilReinserted) {
        HcState fresh = new HcState();
        fresh.reinsertNeeded = untilReinserted;
        hc = fresh;
    }

    /** @param folder the only folder 3.1/3.2 upload from (6017 for any other file) */
    public void uploadFolder(java.nio.file.Path folder) {
        uploads.uploadFolder(folder);
    }

    /** @param folder where 3.3 saves check reports */
    public void downloadFolder(java.nio.file.Path folder) {
        uploads.downloads(folder);
    }

    // ---- helpers --------------------------------------------------------------------------------------

    @FunctionalInterface
    interface HcWork<T> {
        T run(HcConversation c) throws NhiException;
    }

    @FunctionalInterface
    interface HpcWork<T> {
        T run(CardSession s) throws NhiException;
    }

    /** A read: answered from the cache without opening a reader session when the cache holds it all. */
    private <T> T withHc(PinSource pin, HcWork<T> work) throws NhiException {
        return onHc(pin, true, work);
    }

    /** A write (or a PIN command): always in a reader session. */
    <T> T withHcSession(PinSource pin, HcWork<T> work) throws NhiException {
        return onHc(pin, false, work);
    }

    /**
     * Runs one operation on the HC. The cache answers only for the card it belongs to: the reader's card
     * generation (SlotState#cardGeneration) must be the one the cache was filled under, at the moment of the
     * call — a reader event arriving late cannot make it answer for the previous patient. A reader that cannot
     * tell generations gets the card's identity checked (SELECT and the public basic profile) before any cached
     * answer. Cache hits read a published snapshot without the lock; card I/O holds the exclusive HC lock.
     */
    private <T> T onHc(PinSource pin, boolean cacheFirst, HcWork<T> work) throws NhiException {
        if (cacheFirst) {
            HcState snap = hcSnapshot;
            if (!snap.areas.isEmpty() && !snap.reinsertNeeded) {
                SlotState slot = readers.slot(Slot.HC);
                if (slot.cardPresent() && slot.cardGeneration() != SlotState.UNKNOWN_GENERATION
                        && slot.cardGeneration() == snap.generation) {
                    try {
                        T answer = work.run(new HcConversation(null, sam, snap.snapshot(), PinSource.none()));
                        CallMeter.hc(snap);
                        return answer;
                    } catch (HcConversation.NeedsCard e) {
                        // not all in the cache: ask the card
                    }
                }
            }
        }
        hcLock.lock();
        try {
            HcState state = hc;
            if (state.reinsertNeeded) {
                throw new NhiException(ResultCode.HC_NOT_PRESENT, "the card was updated without a reset "
                        + "(csUpdateHCNoReset): take it out and insert it again");
            }
            SlotState slot = readers.slot(Slot.HC);
            if (!slot.cardPresent() && !state.areas.isEmpty()) {
                hc = new HcState();
                throw new NhiException(ResultCode.HC_NOT_PRESENT, "no HC in its reader");
            }
            boolean known = slot.cardGeneration() != SlotState.UNKNOWN_GENERATION;
            if (known && slot.cardGeneration() != state.generation && !state.areas.isEmpty()) {
                state = hc = new HcState(); // another card, or the same one out and back in: nothing carries over
            }
            if (state.areas.isEmpty()) {
                state.generation = slot.cardGeneration();
            }
            if (cacheFirst && known && !state.areas.isEmpty()) {
                try {
                    return work.run(new HcConversation(null, sam, state, PinSource.none()));
                } catch (HcConversation.NeedsCard e) {
                    // not all in the cache: ask the card
                }
            }
            try (CardSession session = CallMeter.metered(readers.openSession(Slot.HC, wait))) {
                if (!known && !state.areas.isEmpty() && !HcConversation.sameCard(session, state)) {
                    state = hc = new HcState();
                }
                return work.run(new HcConversation(session, sam, state, pin));
            } catch (NhiException e) {
                if (e.result() == ResultCode.HC_NOT_PRESENT || e.result() == ResultCode.NO_READER_OR_PCSC_ERROR) {
                    hc = new HcState();
                }
                throw e;
            }
        } finally {
            CallMeter.hc(hc);
            hcSnapshot = hc.snapshot();
            hcLock.unlock();
        }
    }

    private <T> T withHpc(HpcWork<T> work) throws NhiException {
        hpcLock.lock();
        try (CardSession session = CallMeter.metered(readers.openSession(Slot.HPC, wait))) {
            return work.run(session);
        } catch (NhiException e) {
            if (e.result() == ResultCode.HPC_NOT_PRESENT) {
                hpc = new HpcState();
            }
            throw e;
        } finally {
            CallMeter.hpc(hpc.identity);
            hpcLock.unlock();
        }
    }

    private IdcVisitService idcService() throws NhiException {
        return idc.get().orElseThrow(() -> new NhiException(ResultCode.NETWORK_DOWN, "no IDC service is installed"));
    }

    static void checkCardUsable(CardStatus status, LocalDate today) throws NhiException {
        if (status.cancelled()) {
            throw new NhiException(ResultCode.CARD_CANCELLED, "the card is cancelled");
        }
        Optional<LocalDate> expiry = Roc.parseDate(status.expiryDate());
        if (expiry.isPresent() && expiry.get().isBefore(today)) {
            throw new NhiException(ResultCode.CARD_EXPIRED, "the card expired on " + status.expiryDate());
        }
    }

    private static void checkNewborn(byte[] registration, LocalDate today) throws NhiException {
        String birth = CardFields.ascii(registration, 3, 7);
        String count = CardFields.ascii(registration, 10, 1);
        Optional<LocalDate> date = Roc.parseDate(birth);
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

    void checkPatient(HcConversation c, PatientCheck patient) throws NhiException {
        BasicProfile basic = new BasicProfile(c.area(Areas.BASIC));
        if (!basic.idNumber().equals(patient.idNumber().trim()) || !basic.birthDate().equals(patient.birthDate())) {
            throw new NhiException(ResultCode.DATA_BELONGS_TO_OTHER_PERSON,
                    "id number or birth date differ from the card's");
        }
    }

    private boolean criticalIllnessValid(HcConversation c, LocalDate today) {
        try {
            byte[] area = c.area(Areas.CRITICAL_ILLNESS);
            for (int i = 0; i < Areas.records(Areas.CRITICAL_ILLNESS); i++) {
                int o = i * 19;
                if (CardFields.ascii(area, o, 5).isEmpty()) {
                    continue;
                }
                Optional<LocalDate> from = Roc.parseDate(CardFields.ascii(area, o + 5, 7));
                Optional<LocalDate> to = Roc.parseDate(CardFields.ascii(area, o + 12, 7));
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

    static int visitsInYear(byte[] cumulative, int rocYear) {
        for (int i = 0; i < 2; i++) {
            int o = i * Areas.CUMULATIVE_LENGTH;
            String year = CardFields.ascii(cumulative, o, 3);
            String count = CardFields.ascii(cumulative, o + 3, 4);
            if (year.equals(String.format("%03d", rocYear)) && count.matches("\\d{4}")) {
                return Integer.parseInt(count);
            }
        }
        return 0;
    }

    /** @return the cumulative area with this year's visit count moved by delta (a new year's record first) */
    static byte[] countVisit(byte[] cumulative, int rocYear, int delta) {
        byte[] out = cumulative.clone();
        String y = String.format("%03d", rocYear);
        for (int i = 0; i < 2; i++) {
            int o = i * Areas.CUMULATIVE_LENGTH;
            if (CardFields.ascii(out, o, 3).equals(y)) {
                int count = Math.max(0, visitsInYear(out, rocYear) + delta);
                System.arraycopy(String.format("%04d", count).getBytes(StandardCharsets.US_ASCII), 0, out, o + 3, 4);
                return out;
            }
        }
        // a new year: last year's record moves to the second place
        System.arraycopy(cumulative, 0, out, Areas.CUMULATIVE_LENGTH, Areas.CUMULATIVE_LENGTH);
        byte[] fresh = (y + String.format("%04d", Math.max(0, delta)) + "0".repeat(20) + "0".repeat(40))
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(fresh, 0, out, 0, Areas.CUMULATIVE_LENGTH);
        return out;
    }

    static byte[] withVisitsLeft(byte[] status, int left) {
        byte[] out = status.clone();
        System.arraycopy(String.format("%02d", Math.max(0, Math.min(99, left))).getBytes(StandardCharsets.US_ASCII),
                0, out, 8, 2);
        return out;
    }

    static byte[] visitRecord(String category, byte newborn, String dateTime, byte afterCheck, String sequence,
            String hospitalId) {
        byte[] r = new byte[Areas.VISIT_LENGTH];
        Arrays.fill(r, (byte) ' ');
        put(r, 0, category);
        r[2] = newborn;
        put(r, 3, dateTime);
        r[16] = afterCheck;
        put(r, 17, sequence);
        put(r, 21, hospitalId);
        return r;
    }

    private static void put(byte[] r, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, r, at, b.length);
    }

    /** @return the index of the counted visit record with that date-time (not a ZA/ZB mark), or -1 */
    static int findVisit(byte[] visits, String dateTime) {
        for (int i = 0; i < Areas.VISIT_RECORDS; i++) {
            int o = i * Areas.VISIT_LENGTH;
            if (CardFields.ascii(visits, o + 3, 13).equals(dateTime)
                    && !VisitRules.cancelsVisit(CardFields.ascii(visits, o, 2))) {
                return i;
            }
        }
        return -1;
    }

    private static int findRecord(byte[] area, int length, String dateTime) {
        for (int i = 0; i < area.length / length; i++) {
            if (CardFields.ascii(area, i * length, 13).equals(dateTime)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean undone(byte[] visits, String dateTime) {
        for (int i = 0; i < Areas.VISIT_RECORDS; i++) {
            int o = i * Areas.VISIT_LENGTH;
            if (CardFields.ascii(visits, o + 3, 13).equals(dateTime)
                    && VisitRules.cancelsVisit(CardFields.ascii(visits, o, 2))) {
                return true;
            }
        }
        return false;
    }

    /** @return a counted visit at this institution within 24 hours before {@code at} */
    private static Optional<Integer> findRecent(byte[] visits, LocalDateTime at, String hospitalId) {
        for (int i = 0; i < Areas.VISIT_RECORDS; i++) {
            int o = i * Areas.VISIT_LENGTH;
            Optional<LocalDateTime> when = Roc.parseDateTime(CardFields.ascii(visits, o + 3, 13));
            if (when.isPresent() && VisitRules.counted(CardFields.ascii(visits, o, 2))
                    && CardFields.ascii(visits, o + 21, 10).equals(hospitalId)
                    && !when.get().isBefore(at.minusHours(24))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static boolean sameDay(byte[] visits, String dateTime) {
        String day = dateTime.substring(0, 7);
        for (int i = 0; i < Areas.VISIT_RECORDS; i++) {
            int o = i * Areas.VISIT_LENGTH;
            if (CardFields.ascii(visits, o + 3, 7).equals(day)
                    && VisitRules.counted(CardFields.ascii(visits, o, 2))) {
                return true;
            }
        }
        return false;
    }

    /** What the engine knows of the HPC in its reader. */
    static final class HpcState {
        byte[] identity;
        boolean pinVerified;
    }
}
