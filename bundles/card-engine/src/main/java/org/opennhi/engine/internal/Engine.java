// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.idc.IdcVisitService;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.reader.Availability;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.HpcAuthorisation;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.engine.BasicProfile;
import org.opennhi.engine.CardEngine;
import org.opennhi.engine.CardStatus;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.ProfessionalIdentity;
import org.opennhi.engine.RecordArea;
import org.opennhi.engine.TreatmentWrite;
import org.opennhi.engine.UploadReceipt;
import org.opennhi.engine.Visit;
import org.opennhi.engine.VisitReminder;
import org.opennhi.engine.VisitReminderListener;
import org.opennhi.engine.VisitRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The card engine, as an OSGi service and free of OSGi alike (tests and benches construct it on the simulated
 * cards). It wires small parts over the two card slots ({@link HcSlot}, {@link HpcSlot}) and answers each
 * {@link CardEngine} call with one of them; no part holds the engine. It hears reader events (to drop a card's
 * data when it leaves) and tells visit-count reminders and critical-illness notices to every
 * {@link VisitReminderListener}, to /events as a notice and to the log. The IDC's visit services are optional:
 * without them the online insurance check answers 4061 and treatment ids 5174.
 */
@Component(service = {CardEngine.class, ReaderEventListener.class}, configurationPid = Engine.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EngineConfig.class)
public final class Engine implements CardEngine, ReaderEventListener {
    /** Configuration PID. */
    public static final String PID = "opennhi.engine";

    private final ReaderService readers;
    private final HpcAuthorisation hpcAuth;
    private final Desk desk;
    private final Consumer<VisitReminder> reminders;
    private final Notices notices = new Notices();
    private volatile IdcVisitService boundIdc;

    private final HcSlot hc;
    private final HpcSlot hpc;
    private final HcReads hcReads;
    private final HcPins hcPins;
    private final HpcPins hpcPins;
    private final Visits visits;
    private final TreatmentIds treatmentIds;
    private final TreatmentWrites treatmentWrites;
    private final HealthRecords records;
    private final HealthWrites healthWrites;
    private final Uploads uploads;
    private final CardRefresh cardRefresh;

    @Activate
    public Engine(@Reference ReaderService readers, @Reference SamService sam, @Reference HpcAuthorisation hpcAuth,
            EngineConfig config) {
        this(readers, sam, hpcAuth, null, Clock.system(ZoneId.of(config.timeZone())),
                Duration.ofMillis(config.cardWaitMillis()), null);
        if (!config.downloadFolder().isBlank()) {
            downloadFolder(Path.of(config.downloadFolder()));
        }
        if (!config.uploadFolder().isBlank()) {
            uploadFolder(Path.of(config.uploadFolder()));
        }
    }

    /**
     * @param readers the reader service
     * @param sam the SAM service
     * @param hpcAuth whether a health professional is authorised (HPC PIN, fast authentication)
     * @param idc the IDC's visit services, when one is installed; null: the one bound as an OSGi service
     * @param clock the visit clock (Taiwan time)
     * @param wait how long an operation waits for its card
     * @param reminders told of each visit-count reminder; null: the listeners, /events and the log
     */
    public Engine(ReaderService readers, SamService sam, HpcAuthorisation hpcAuth,
            Supplier<Optional<IdcVisitService>> idc, Clock clock, Duration wait, Consumer<VisitReminder> reminders) {
        this.readers = Objects.requireNonNull(readers, "readers");
        this.hpcAuth = Objects.requireNonNull(hpcAuth, "hpcAuth");
        this.desk = new Desk(sam, clock);
        this.reminders = reminders != null ? reminders : notices::remind;
        Supplier<Optional<IdcVisitService>> visitServices = idc != null ? idc : () -> Optional.ofNullable(boundIdc);
        this.hc = new HcSlot(readers, sam, wait);
        this.hpc = new HpcSlot(readers, hpcAuth, wait);
        this.hcReads = new HcReads(hc);
        this.hcPins = new HcPins(hc, hpc::present);
        this.hpcPins = new HpcPins(hpc, desk, hpcAuth);
        this.treatmentIds = new TreatmentIds(hc, desk, visitServices);
        this.visits = new Visits(hc, desk, treatmentIds, visitServices);
        this.treatmentWrites = new TreatmentWrites(hc, hpc, sam);
        this.records = new HealthRecords(hc, hpc);
        this.healthWrites = new HealthWrites(hc, hpc, desk);
        this.uploads = new Uploads(sam, Path.of(System.getProperty("java.io.tmpdir"), "opennhi", "download"));
        this.cardRefresh = new CardRefresh(hc, sam);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setIdc(IdcVisitService service) {
        this.boundIdc = service;
    }

    void unsetIdc(IdcVisitService service) {
        if (this.boundIdc == service) {
            this.boundIdc = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(PlatformEvents service) {
        notices.events(service);
    }

    void unsetEvents(PlatformEvents service) {
        notices.eventsGone(service);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReminderListener(VisitReminderListener l) {
        notices.add(l);
    }

    void removeReminderListener(VisitReminderListener l) {
        notices.remove(l);
    }

    /** Forgets a card's data when it leaves (or a new one enters) its reader. */
    @Override
    public void readerEvent(ReaderEvent event) {
        if (event.type() == ReaderEvent.Type.STATUS_CHANGED) {
            return;
        }
        if (event.slot() == Slot.HC || event.slot() == null) {
            hc.cardChanged();
        }
        if (event.slot() == Slot.HPC || event.slot() == null) {
            hpc.cardChanged();
        }
    }

    /** @param folder the only folder 3.1/3.2 upload from (6017 for any other file) */
    public void uploadFolder(Path folder) {
        uploads.uploadFolder(folder);
    }

    /** @param folder where 3.3 saves check reports */
    public void downloadFolder(Path folder) {
        uploads.downloads(folder);
    }

    // ---- HC reads -------------------------------------------------------------------------------------

    @Override
    public BasicProfile basicProfile() throws NhiException {
        return new BasicProfile(hc.read(PinSource.none(), c -> c.area(HcArea.BASIC_PROFILE)));
    }

    @Override
    public CardStatus cardStatus() throws NhiException {
        return new CardStatus(hc.read(PinSource.none(), c -> c.area(HcArea.CARD_STATUS)));
    }

    @Override
    public byte[] emergencyPhone() throws NhiException {
        return hc.read(PinSource.none(), c -> c.area(HcArea.EMERGENCY_PHONE));
    }

    @Override
    public byte[] basicData() throws NhiException {
        return hcReads.basicData();
    }

    @Override
    public byte[] registration(PinSource pin) throws NhiException {
        return hcReads.registration(pin);
    }

    @Override
    public byte[] lastSequenceNumber(PinSource pin) throws NhiException {
        return hcReads.lastSequenceNumber(pin);
    }

    @Override
    public int slotStatus(Slot slot) {
        if (slot == Slot.SAM) {
            return desk.sam().status().legacyValue();
        }
        SlotState state = readers.slot(slot);
        // 1.15's 4000: no reader answers, or the slot's own reader stopped; a slot no chip reader serves yet is 0
        if (readers.status().availability() == Availability.OFFLINE
                || !state.readerName().isEmpty() && state.status().availability() == Availability.OFFLINE) {
            return ResultCode.READER_TIMEOUT.code();
        }
        if (!state.cardPresent()) {
            return 0;
        }
        return slot == Slot.HC ? hc.light() : hpc.light();
    }

    @Override
    public LocalDateTime now() {
        return desk.now();
    }

    @Override
    public String cardNumber(Slot slot) throws NhiException {
        return switch (slot) {
            case HC -> basicProfile().cardNumber();
            case HPC -> professional().cardNumber();
            case SAM -> sam().samId();
        };
    }

    @Override
    public byte[] readRecords(RecordArea area, PinSource pin) throws NhiException {
        return records.read(area, pin);
    }

    @Override
    public byte[] criticalIllnessDates(PinSource pin) throws NhiException {
        return records.criticalIllnessDates(pin);
    }

    // ---- visits and treatment ids ---------------------------------------------------------------------

    @Override
    public Visit takeVisit(VisitRequest request, PinSource pin) throws NhiException {
        Visit v = visits.take(request, pin);
        v.reminder().ifPresent(reminders);
        notices.illnessesEnding(v.expiringIllnesses());
        return v;
    }

    @Override
    public void undoVisit(String visitDateTime, PinSource pin) throws NhiException {
        visits.undo(visitDateTime, pin);
    }

    @Override
    public void checkInsurance() throws NhiException {
        visits.checkInsurance();
    }

    @Override
    public String treatmentId(String visitDateTime, PinSource pin) throws NhiException {
        return treatmentIds.forVisit(visitDateTime, pin);
    }

    @Override
    public String treatmentIdWithoutCard(String idNumber, String hospitalId) throws NhiException {
        return treatmentIds.withoutCard(idNumber, hospitalId);
    }

    @Override
    public int pendingOfflineTreatmentIds() {
        return treatmentIds.pending();
    }

    @Override
    public int reconcileOfflineTreatmentIds() throws NhiException {
        return treatmentIds.reconcile();
    }

    // ---- the doctor's writes (1.16–1.18, 1.45, 1.47–1.49) ----------------------------------------------

    @Override
    public byte[] writeTreatment(TreatmentWrite write, PinSource pin) throws NhiException {
        return treatmentWrites.treatment(write, pin);
    }

    @Override
    public List<byte[]> writePrescriptions(PatientCheck patient, String visitDateTime, List<byte[]> records,
            boolean sign, PinSource pin) throws NhiException {
        return treatmentWrites.prescriptions(patient, visitDateTime, records, sign, pin);
    }

    // ---- PINs and the HPC -----------------------------------------------------------------------------

    @Override
    public boolean hcPinEnabled() throws NhiException {
        return hcPins.enabled();
    }

    @Override
    public void verifyHcPin(PinSource pin) throws NhiException {
        hcPins.verify(pin);
    }

    @Override
    public void setHcPin(PinSource pin) throws NhiException {
        hcPins.set(pin);
    }

    @Override
    public void disableHcPin(PinSource pin) throws NhiException {
        hcPins.disable(pin);
    }

    @Override
    public ProfessionalIdentity professional() throws NhiException {
        return hpc.professional();
    }

    @Override
    public boolean hpcPresent() {
        return hpc.present();
    }

    @Override
    public void verifyHpcPin(PinSource pin) throws NhiException {
        hpcPins.verify(pin);
    }

    @Override
    public void changeHpcPin(PinSource pin) throws NhiException {
        hpcPins.change(pin);
    }

    @Override
    public void unlockHpc(PinSource pin) throws NhiException {
        hpcPins.unlock(pin);
    }

    // ---- SAM and resets -------------------------------------------------------------------------------

    @Override
    public void verifySam() throws NhiException {
        desk.sam().authenticateWithIdc(Progress.NONE);
    }

    @Override
    public SamIdentity sam() throws NhiException {
        return desk.identity();
    }

    @Override
    public void reset(int target) throws NhiException {
        if (target < 0 || target > 3) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "csSoftwareReset takes 0 to 3");
        }
        if (target != 2) { // 0 both cards, 1 and 3 the HC
            hc.cardChanged();
        }
        if (target == 0 || target == 2) { // 2 the HPC: its authorisation ends with it
            hpc.cardChanged();
            hpcAuth.revoke();
        }
    }

    // ---- health data writes (1.19–1.26, 1.46), card update (1.30, 1.40) and uploads (3.1–3.3) ----------

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
    public void updateCardContents(boolean resetCard, PinSource pin) throws NhiException {
        cardRefresh.update(resetCard, pin);
    }

    @Override
    public UploadReceipt upload(Path file, long declaredSize, int records, OptionalInt prescriptions)
            throws NhiException {
        return uploads.upload(sam(), file, declaredSize, records, prescriptions);
    }

    @Override
    public Path downloadUploadReport(String samId, String hospitalId, int records, String sendDateTime,
            String receiveDateTime, String serverRandom) throws NhiException {
        return uploads.downloadReport(sam(), samId, hospitalId, records, sendDateTime, receiveDateTime, serverRandom);
    }
}
