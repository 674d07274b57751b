package org.opennhi.engine.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opennhi.contracts.idc.IdcVisitService;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.sam.HpcAuthorisation;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.engine.BasicProfile;
import org.opennhi.engine.CardEngine;
import org.opennhi.engine.CardStatus;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.ProfessionalIdentity;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card engine as an OSGi service. It hears reader events (to drop a card's data when it leaves) and tells
 * visit-count reminders to every {@link VisitReminderListener} and to the log as a notice. The IDC's visit
 * services are optional: without them the online insurance check answers 4061 and treatment ids 5174.
 */
@Component(service = {CardEngine.class, ReaderEventListener.class}, configurationPid = EngineComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EngineConfig.class)
public final class EngineComponent implements CardEngine, ReaderEventListener {
    /** Configuration PID. */
    public static final String PID = "opennhi.engine";
    private static final Logger LOG = LoggerFactory.getLogger(EngineComponent.class);

    private final Engine engine;
    private final List<VisitReminderListener> listeners = new CopyOnWriteArrayList<>();
    private volatile IdcVisitService idc;
    private volatile org.opennhi.contracts.platform.PlatformEvents events;

    @Activate
    public EngineComponent(@Reference ReaderService readers, @Reference SamService sam,
            @Reference HpcAuthorisation hpcAuth, EngineConfig config) {
        this.engine = new Engine(readers, sam, hpcAuth, () -> Optional.ofNullable(idc),
                Clock.system(ZoneId.of(config.timeZone())), Duration.ofMillis(config.cardWaitMillis()),
                this::remind);
        if (!config.downloadFolder().isBlank()) {
            engine.downloadFolder(java.nio.file.Path.of(config.downloadFolder()));
        }
        if (!config.uploadFolder().isBlank()) {
            engine.uploadFolder(java.nio.file.Path.of(config.uploadFolder()));
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setIdc(IdcVisitService service) {
        this.idc = service;
    }

    void unsetIdc(IdcVisitService service) {
        if (this.idc == service) {
            this.idc = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(org.opennhi.contracts.platform.PlatformEvents service) {
        this.events = service;
    }

    void unsetEvents(org.opennhi.contracts.platform.PlatformEvents service) {
        if (this.events == service) {
            this.events = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReminderListener(VisitReminderListener l) {
        listeners.add(l);
    }

    void removeReminderListener(VisitReminderListener l) {
        listeners.remove(l);
    }

    private void remind(VisitReminder r) {
        LOG.info("Visit-count reminder: {} ({} visits this year, age {}{})", r, r.visitsThisYear(), r.age(),
                r.red() ? ", red" : "");
        notice(r.red() ? 1 : 0, "visitReminder " + r.visitsThisYear() + " visits, age " + r.age() + ": "
                + r.message());
        for (VisitReminderListener l : listeners) {
            try {
                l.visitReminder(r);
            } catch (RuntimeException e) {
                LOG.warn("A visit reminder listener failed", e);
            }
        }
    }

    @Override
    public void readerEvent(ReaderEvent event) {
        engine.readerEvent(event);
    }

    @Override
    public BasicProfile basicProfile() throws NhiException {
        return engine.basicProfile();
    }

    @Override
    public CardStatus cardStatus() throws NhiException {
        return engine.cardStatus();
    }

    @Override
    public byte[] emergencyPhone() throws NhiException {
        return engine.emergencyPhone();
    }

    @Override
    public byte[] basicData() throws NhiException {
        return engine.basicData();
    }

    @Override
    public byte[] registration(PinSource pin) throws NhiException {
        return engine.registration(pin);
    }

    @Override
    public byte[] lastSequenceNumber(PinSource pin) throws NhiException {
        return engine.lastSequenceNumber(pin);
    }

    @Override
    public boolean hcPinEnabled() throws NhiException {
        return engine.hcPinEnabled();
    }

    @Override
    public int slotStatus(Slot slot) {
        return engine.slotStatus(slot);
    }

    @Override
    public LocalDateTime now() {
        return engine.now();
    }

    @Override
    public String cardNumber(Slot slot) throws NhiException {
        return engine.cardNumber(slot);
    }

    @Override
    public Visit takeVisit(VisitRequest request, PinSource pin) throws NhiException {
        Visit v = engine.takeVisit(request, pin);
        for (org.opennhi.engine.CriticalIllnessExpiry e : v.expiringIllnesses()) {
            LOG.info("Critical-illness expiry notice: {} ends {} ({} days)", e.code(), e.endDate(), e.daysLeft());
            notice(0, "criticalIllnessExpiry " + e.code() + " " + e.endDate() + ": " + e.message());
        }
        return v;
    }

    /** Publishes a notice for /events, the watch overlay and the audit (never a name, id or full card number). */
    private void notice(int code, String detail) {
        org.opennhi.contracts.platform.PlatformEvents e = events;
        if (e != null) {
            try {
                e.publish(new org.opennhi.contracts.platform.PlatformEvent(
                        org.opennhi.contracts.platform.PlatformEvent.Type.NOTICE,
                        java.util.Optional.of(org.opennhi.contracts.reader.Slot.HC), code, detail,
                        java.time.Instant.now()));
            } catch (RuntimeException ex) {
                LOG.warn("A notice could not be published: {}", ex.toString());
            }
        }
    }

    @Override
    public void undoVisit(String visitDateTime, PinSource pin) throws NhiException {
        engine.undoVisit(visitDateTime, pin);
    }

    @Override
    public byte[] writeTreatment(TreatmentWrite write, PinSource pin) throws NhiException {
        return engine.writeTreatment(write, pin);
    }

    @Override
    public List<byte[]> writePrescriptions(PatientCheck patient, String visitDateTime, List<byte[]> records,
            boolean sign, PinSource pin) throws NhiException {
        return engine.writePrescriptions(patient, visitDateTime, records, sign, pin);
    }

    @Override
    public String treatmentId(String visitDateTime, PinSource pin) throws NhiException {
        return engine.treatmentId(visitDateTime, pin);
    }

    @Override
    public String treatmentIdWithoutCard(String idNumber, String hospitalId) throws NhiException {
        return engine.treatmentIdWithoutCard(idNumber, hospitalId);
    }

    @Override
    public int pendingOfflineTreatmentIds() {
        return engine.pendingOfflineTreatmentIds();
    }

    @Override
    public int reconcileOfflineTreatmentIds() throws NhiException {
        return engine.reconcileOfflineTreatmentIds();
    }

    @Override
    public void verifyHcPin(PinSource pin) throws NhiException {
        engine.verifyHcPin(pin);
    }

    @Override
    public void setHcPin(PinSource pin) throws NhiException {
        engine.setHcPin(pin);
    }

    @Override
    public void disableHcPin(PinSource pin) throws NhiException {
        engine.disableHcPin(pin);
    }

    @Override
    public ProfessionalIdentity professional() throws NhiException {
        return engine.professional();
    }

    @Override
    public boolean hpcPresent() {
        return engine.hpcPresent();
    }

    @Override
    public void verifyHpcPin(PinSource pin) throws NhiException {
        engine.verifyHpcPin(pin);
    }

    @Override
    public void changeHpcPin(PinSource pin) throws NhiException {
        engine.changeHpcPin(pin);
    }

    @Override
    public void unlockHpc(PinSource pin) throws NhiException {
        engine.unlockHpc(pin);
    }

    @Override
    public void verifySam() throws NhiException {
        engine.verifySam();
    }

    @Override
    public SamIdentity sam() throws NhiException {
        return engine.sam();
    }

    @Override
    public void reset(int target) throws NhiException {
        engine.reset(target);
    }
    @Override
    public void checkInsurance() throws NhiException {
        engine.checkInsurance();
    }

    @Override
    public byte[] readRecords(org.opennhi.engine.RecordArea area, PinSource pin) throws NhiException {
        return engine.readRecords(area, pin);
    }

    @Override
    public byte[] criticalIllnessDates(PinSource pin) throws NhiException {
        return engine.criticalIllnessDates(pin);
    }

    // ---- health data writes (1.19–1.26, 1.46) and uploads (3.1–3.3) ------------------------------------

    @Override
    public void updateCardContents(boolean resetCard, PinSource pin) throws NhiException {
        engine.updateCardContents(resetCard, pin);
    }

    @Override
    public void writeNewborn(PatientCheck patient, String newbornBirthDate, String multipleBirthMark, PinSource pin)
            throws NhiException {
        engine.writeNewborn(patient, newbornBirthDate, multipleBirthMark, pin);
    }

    @Override
    public byte[] writeAllergies(PatientCheck patient, int firstSlot, List<byte[]> entries, PinSource pin)
            throws NhiException {
        return engine.writeAllergies(patient, firstSlot, entries, pin);
    }

    @Override
    public void writeOrganDonation(PatientCheck patient, String mark, PinSource pin) throws NhiException {
        engine.writeOrganDonation(patient, mark, pin);
    }

    @Override
    public void writePreventiveCare(PatientCheck patient, String serviceMark, String itemCode, PinSource pin)
            throws NhiException {
        engine.writePreventiveCare(patient, serviceMark, itemCode, pin);
    }

    @Override
    public void writeEmergencyPhone(PatientCheck patient, String phone, PinSource pin) throws NhiException {
        engine.writeEmergencyPhone(patient, phone, pin);
    }

    @Override
    public void writePrenatalCheck(PatientCheck patient, String itemCode, PinSource pin) throws NhiException {
        engine.writePrenatalCheck(patient, itemCode, pin);
    }

    @Override
    public void deletePrenatalChecks(PatientCheck patient, PinSource pin) throws NhiException {
        engine.deletePrenatalChecks(patient, pin);
    }

    @Override
    public void writeInoculation(PatientCheck patient, String vaccine, String lotNumber, PinSource pin)
            throws NhiException {
        engine.writeInoculation(patient, vaccine, lotNumber, pin);
    }

    @Override
    public UploadReceipt upload(java.nio.file.Path file, long declaredSize, int records,
            java.util.OptionalInt prescriptions) throws NhiException {
        return engine.upload(file, declaredSize, records, prescriptions);
    }

    @Override
    public java.nio.file.Path downloadUploadReport(String samId, String hospitalId, int records, String sendDateTime,
            String receiveDateTime, String serverRandom) throws NhiException {
        return engine.downloadUploadReport(samId, hospitalId, records, sendDateTime, receiveDateTime, serverRandom);
    }
}
