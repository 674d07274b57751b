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
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.engine.BasicProfile;
import org.opennhi.engine.CardEngine;
import org.opennhi.engine.CardStatus;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.ProfessionalIdentity;
import org.opennhi.engine.TreatmentWrite;
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

    @Activate
    public EngineComponent(@Reference ReaderService readers, @Reference SamService sam, EngineConfig config) {
        this.engine = new Engine(readers, sam, () -> Optional.ofNullable(idc),
                Clock.system(ZoneId.of(config.timeZone())), Duration.ofMillis(config.cardWaitMillis()),
                this::remind);
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
        return engine.takeVisit(request, pin);
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
    public byte[] readRecords(org.opennhi.engine.RecordArea area, PinSource pin) throws NhiException {
        return engine.readRecords(area, pin);
    }

    @Override
    public byte[] criticalIllnessDates(PinSource pin) throws NhiException {
        return engine.criticalIllnessDates(pin);
    }
}
