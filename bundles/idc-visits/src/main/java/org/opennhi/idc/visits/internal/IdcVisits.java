// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.visits.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.opennhi.contracts.card.RocDate;
import org.opennhi.contracts.idc.IdcVisitService;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.idc.client.TreatmentIds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@link IdcVisitService} over the SAM service's IDC session ({@code docs/idc-protocol.md} §7, §8): whichever SAM
 * mode is active, the IDC sees that SAM. The one owner of offline ids: they go to {@link OfflineJournal} before
 * they are handed out and are reconciled in the background whenever the IDC answers again (every few minutes,
 * and after an online id), or at once when the engine asks ({@link #reconcilePending()}).
 */
@Component(service = IdcVisitService.class, immediate = true)
public final class IdcVisits implements IdcVisitService {
    private static final Logger LOG = LoggerFactory.getLogger(IdcVisits.class);
    /** File in the INI folder. */
    static final String JOURNAL = "offline-treatment-ids.jsonl";
    /** How often pending offline ids are offered to the IDC. */
    static final long RECONCILE_MINUTES = 5;
    /** The failures of an IDC call that mean "no IDC now", not "the IDC said no". */
    private static final Set<ResultCode> UNREACHABLE = EnumSet.of(ResultCode.NETWORK_DOWN, ResultCode.IDC_TIMEOUT,
            ResultCode.IDC_UNAVAILABLE);

    private final SamService sam;
    private final OfflineJournal journal;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "opennhi-idc-visits");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public IdcVisits(@Reference SamService sam, @Reference NhiHome home) {
        this(sam, home.iniFolder().resolve(JOURNAL));
        worker.scheduleWithFixedDelay(this::reconcileQuietly, 10, RECONCILE_MINUTES * 60, TimeUnit.SECONDS);
    }

    IdcVisits(SamService sam, Path journalFile) {
        this.sam = sam;
        this.journal = new OfflineJournal(journalFile);
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public ResultCode checkInsurance(String cardNumber, String idNumber) throws NhiException {
        JsonObject body = new JsonObject();
        body.addProperty("cardNo", cardNumber);
        if (idNumber != null && !idNumber.isBlank()) {
            body.addProperty("idNumber", idNumber);
        }
        JsonObject answer = call("/v1/insurance/check", body);
        if (!answer.has("code")) {
            throw new NhiException(ResultCode.IDC_UNAVAILABLE, "the IDC's insurance answer has no code");
        }
        int code = answer.get("code").getAsInt();
        return ResultCode.of(code).orElse(ResultCode.INSURANCE_OTHER);
    }

    @Override
    public String issueTreatmentId(String visitDateTime, Optional<String> cardNumber, String sequenceNumber,
            String idNumber) throws NhiException {
        JsonObject body = new JsonObject();
        if (visitDateTime != null) {
            body.addProperty("visitDateTime", visitDateTime);
        }
        cardNumber.filter(n -> !n.isBlank()).ifPresent(n -> body.addProperty("cardNo", n));
        if (sequenceNumber != null && !sequenceNumber.isBlank()) {
            body.addProperty("sequenceNumber", sequenceNumber);
        }
        if (idNumber != null && !idNumber.isBlank()) {
            body.addProperty("idNumber", idNumber);
        }
        try {
            JsonObject answer = call("/v1/treatment-ids", body);
            String id = checked(answer.get("treatmentId").getAsString());
            reconcileSoon();
            return id;
        } catch (NhiException e) {
            if (UNREACHABLE.contains(e.result()) || e.result() == ResultCode.SAM_NOT_AUTHENTICATED) {
                throw e;
            }
            throw new NhiException(ResultCode.TREATMENT_ID_FAILED, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new NhiException(ResultCode.TREATMENT_ID_FAILED, "the IDC's treatment-id answer is malformed", e);
        }
    }

    /**
     * An IDC answer reaches a HIS buffer only when it is one of this SAM's ids (idc-protocol §8): 20 characters,
     * positions 1–10 the SAM's hospital id, position 20 the ISO 7064 MOD 37,36 check over 1–19. Anything else is
     * 5174, the failed treatment id of 1.53/1.54/1.56, never code 0 with a wrong id.
     */
    private String checked(String id) throws NhiException {
        TreatmentIds.Decoded decoded;
        try {
            decoded = TreatmentIds.decode(id);
        } catch (IllegalArgumentException e) {
            throw new NhiException(ResultCode.TREATMENT_ID_FAILED, "the IDC's treatment id is malformed: "
                    + e.getMessage(), e);
        }
        String hospitalId = sam.identity().map(SamIdentity::hospitalId).orElse(null);
        if (!decoded.hospitalId().equals(hospitalId)) {
            throw new NhiException(ResultCode.TREATMENT_ID_FAILED, "the IDC's treatment id is not of the SAM's"
                    + " hospital");
        }
        return id;
    }

    /**
     * One id per patient and second. When another patient's id of the same second came out equal (their 12-bit
     * tags collide), this visit moves on by a second, as idc-protocol §8 says; the same patient asking again in
     * the same second gets the same id.
     */
    @Override
    public synchronized String offlineTreatmentId(LocalDateTime visitTime, String idNumber) throws NhiException {
        LocalDateTime t = visitTime.withNano(0);
        for (int tries = 0; tries < 60; tries++, t = t.plusSeconds(1)) {
            String id = sam.offlineTreatmentId(t, idNumber);
            Optional<OfflineTreatmentId> taken = journal.pending().stream()
                    .filter(p -> p.treatmentId().equals(id)).findFirst();
            if (taken.isPresent()) {
                if (taken.get().idNumber().equals(idNumber)) {
                    return id;
                }
                continue;
            }
            try {
                journal.issued(new OfflineTreatmentId(id, roc(t), idNumber));
            } catch (IOException e) {
                throw new NhiException(ResultCode.TREATMENT_ID_FAILED, "an offline treatment id could not be kept on"
                        + " disk, so none is handed out: " + e.getMessage(), e);
            }
            return id;
        }
        throw new NhiException(ResultCode.TREATMENT_ID_FAILED, "no free offline treatment id within a minute");
    }

    @Override
    public List<Reconciliation> reconcile(List<OfflineTreatmentId> ids) throws NhiException {
        List<Reconciliation> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) { // the IDC takes 1–1000 per request
            out.addAll(reconcileBatch(ids.subList(from, Math.min(ids.size(), from + 1000))));
        }
        return out;
    }

    /** @return the offline ids not yet reconciled (for the console and tests) */
    synchronized List<OfflineTreatmentId> pending() {
        return journal.pending();
    }

    @Override
    public int pendingOfflineIds() {
        return pending().size();
    }

    @Override
    public int reconcilePending() throws NhiException {
        List<OfflineTreatmentId> batch = pending();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Reconciliation> results = reconcile(batch);
        int accepted = (int) results.stream().filter(Reconciliation::accepted).count();
        LOG.info("Reconciled {} offline treatment ids with the IDC ({} accepted)", results.size(), accepted);
        return accepted;
    }

    private List<Reconciliation> reconcileBatch(List<OfflineTreatmentId> ids) throws NhiException {
        JsonArray items = new JsonArray();
        for (OfflineTreatmentId id : ids) {
            JsonObject item = new JsonObject();
            item.addProperty("treatmentId", id.treatmentId());
            item.addProperty("visitDateTime", id.visitDateTime());
            item.addProperty("idNumber", id.idNumber());
            items.add(item);
        }
        JsonObject body = new JsonObject();
        body.add("items", items);
        JsonObject answer = call("/v1/treatment-ids/reconcile", body);
        List<Reconciliation> out = new ArrayList<>();
        for (JsonElement e : answer.getAsJsonArray("results")) {
            JsonObject r = e.getAsJsonObject();
            String id = r.get("treatmentId").getAsString();
            String outcome = r.get("outcome").getAsString();
            out.add(new Reconciliation(id, "ACCEPTED".equals(outcome) || "ALREADY_RECONCILED".equals(outcome),
                    outcome));
            synchronized (this) {
                try {
                    journal.settled(id); // a refusal is final too: the IDC keeps its word
                } catch (IOException ex) {
                    LOG.warn("Reconciled offline id could not be marked settled; it will be offered again: {}",
                            ex.toString());
                }
            }
            if (!"ACCEPTED".equals(outcome) && !"ALREADY_RECONCILED".equals(outcome)) {
                LOG.warn("The IDC refused offline treatment id {}: {}", id, outcome);
            }
        }
        return out;
    }

    /** The IDC answers again: hand in what waits, without making the visit that found out wait for it. */
    private void reconcileSoon() {
        if (pendingOfflineIds() == 0) {
            return;
        }
        try {
            worker.execute(this::reconcileQuietly);
        } catch (RejectedExecutionException e) {
            // deactivated: the next activation's background attempt hands them in
        }
    }

    private void reconcileQuietly() {
        try {
            reconcilePending();
        } catch (NhiException | RuntimeException e) {
            LOG.info("{} offline treatment ids wait for the IDC: {}", pendingOfflineIds(), e.getMessage());
        }
    }

    private JsonObject call(String route, JsonObject body) throws NhiException {
        String answer = sam.callIdc(route, body.toString());
        try {
            return JsonParser.parseString(answer).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new NhiException(ResultCode.IDC_UNAVAILABLE, "the IDC's answer to " + route + " is not JSON", e);
        }
    }

    /** ROC date-time, 13 digits ({@link RocDate}). */
    static String roc(LocalDateTime t) {
        return RocDate.format(t);
    }
}
