// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.treat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.opennhi.contracts.platform.Environment;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.Times;
import org.opennhi.sim.idc.internal.insurance.InsuranceService;
import org.opennhi.sim.idc.internal.sam.Keyring;
import org.opennhi.idc.client.TreatmentIds;
import org.opennhi.idc.client.TreatmentIds.Decoded;
import org.opennhi.idc.client.TreatmentIds.Source;
import org.opennhi.sim.idc.internal.store.Table;

/**
 * Issues treatment ids online (unique: a counter per hospital and second), verifies any id, and reconciles
 * ids the platform made offline (1.54) once the IDC is reachable again.
 */
public final class TreatmentIdService {
    private final Table<TreatmentRecord> ids;
    private final Table<Long> perSecond;
    private final Keyring keyring;
    private final Times times;

    /**
     * @param ids issued and reconciled ids
     * @param perSecond counters per hospital and second
     * @param keyring master keys (offline tags derive from the SAM's authentication key)
     * @param times the clock
     */
    public TreatmentIdService(Table<TreatmentRecord> ids, Table<Long> perSecond, Keyring keyring, Times times) {
        this.ids = ids;
        this.perSecond = perSecond;
        this.keyring = keyring;
        this.times = times;
    }

    /**
     * Issues an id online.
     *
     * @param samId the SAM asking
     * @param hospitalId its institution
     * @param visitRoc the visit date-time (ROC 13), or null for now
     * @param source ONLINE_CARD, ONLINE_NO_CARD or WEB_API
     * @param sequenceNumber the visit sequence number, or null
     * @param idNumber the patient's id number, or null
     * @return the stored record
     */
    public synchronized TreatmentRecord issue(String samId, String hospitalId, String visitRoc, Source source,
            String sequenceNumber, String idNumber) {
        LocalDateTime visit = visitRoc == null || visitRoc.isEmpty() ? times.now() : parse(visitRoc);
        if (sequenceNumber != null && !sequenceNumber.matches("[0-9A-Z]{4}")) {
            throw IdcException.badRequest("sequenceNumber must be 4 characters");
        }
        String counterKey = hospitalId + '/' + TreatmentIds.rocDateTime(visit);
        long n = perSecond.get(counterKey).orElse(0L);
        if (n > 0xFFF) {
            throw new IdcException(503, ResultCode.TREATMENT_ID_FAILED, "more than 4096 ids in one second for one hospital");
        }
        perSecond.put(counterKey, n + 1);
        String id;
        try {
            id = TreatmentIds.encode(hospitalId, source, visit, (int) n);
        } catch (IllegalArgumentException e) {
            throw IdcException.badRequest(e.getMessage());
        }
        TreatmentRecord r = new TreatmentRecord(id, samId, hospitalId, TreatmentIds.rocDateTime(visit), source.name(),
                sequenceNumber, idNumber == null || idNumber.isEmpty() ? null : InsuranceService.digest(idNumber),
                times.iso(), false);
        ids.put(id, r);
        return r;
    }

    /** The answer of a verification. */
    public record Verification(String treatmentId, boolean wellFormed, String hospitalId, String visitDateTime,
            String source, boolean registered, boolean reconciled, String problem) {
    }

    /** Verifies an id: well formed, and whether the IDC issued or reconciled it. */
    public Verification verify(String treatmentId) {
        Decoded d;
        try {
            d = TreatmentIds.decode(treatmentId);
        } catch (IllegalArgumentException e) {
            return new Verification(treatmentId, false, null, null, null, false, false, e.getMessage());
        }
        TreatmentRecord r = ids.get(d.hospitalId() + treatmentId.substring(10).toUpperCase(java.util.Locale.ROOT)).orElse(null);
        return new Verification(treatmentId, true, d.hospitalId(), TreatmentIds.rocDateTime(d.visit()), d.source().name(),
                r != null, r != null && r.reconciled(), null);
    }

    /** One offline id to reconcile. */
    public record OfflineItem(String treatmentId, String visitDateTime, String idNumber) {
    }

    /** The outcome for one offline id: ACCEPTED, ALREADY_RECONCILED or a refusal reason. */
    public record Reconciled(String treatmentId, String outcome, String detail) {
    }

    /** Reconciles ids a SAM's platform made offline. */
    public synchronized List<Reconciled> reconcile(String samId, String hospitalId, List<OfflineItem> items) {
        if (items == null || items.isEmpty() || items.size() > 1000) {
            throw IdcException.badRequest("items must hold 1 to 1000 offline ids");
        }
        byte[] authKey = keyring.scheme(Environment.ofId(samId).orElseThrow()).cardKey(CardKind.SAM, samId);
        List<Reconciled> out = new ArrayList<>();
        for (OfflineItem item : items) {
            out.add(reconcileOne(samId, hospitalId, authKey, item));
        }
        return out;
    }

    private Reconciled reconcileOne(String samId, String hospitalId, byte[] authKey, OfflineItem item) {
        String id = item == null ? null : item.treatmentId();
        Decoded d;
        LocalDateTime visit;
        try {
            d = TreatmentIds.decode(id);
            visit = TreatmentIds.parseRocDateTime(item.visitDateTime());
        } catch (IllegalArgumentException e) {
            return new Reconciled(id, "MALFORMED", e.getMessage());
        }
        if (d.source() != Source.OFFLINE) {
            return new Reconciled(id, "NOT_OFFLINE", "only ids made offline (source OFFLINE) are reconciled");
        }
        if (!d.hospitalId().equals(hospitalId)) {
            return new Reconciled(id, "WRONG_HOSPITAL", "the id names another hospital");
        }
        if (!d.visit().equals(visit)) {
            return new Reconciled(id, "TIME_MISMATCH", "the id encodes another visit time");
        }
        if (item.idNumber() == null || item.idNumber().isEmpty()) {
            return new Reconciled(id, "MALFORMED", "idNumber is required");
        }
        int tag = TreatmentIds.offlineTag(hospitalId, samId, authKey, visit, item.idNumber());
        if (tag != d.discriminator()) {
            return new Reconciled(id, "BAD_TAG", "the id was not made with this SAM for this patient");
        }
        String key = id.toUpperCase(java.util.Locale.ROOT);
        TreatmentRecord existing = ids.get(key).orElse(null);
        String digest = InsuranceService.digest(item.idNumber());
        if (existing != null) {
            return existing.idDigest() != null && existing.idDigest().equals(digest)
                    ? new Reconciled(id, "ALREADY_RECONCILED", null)
                    : new Reconciled(id, "COLLISION", "another visit already holds this id");
        }
        ids.put(key, new TreatmentRecord(key, samId, hospitalId, item.visitDateTime(), Source.OFFLINE.name(), null,
                digest, times.iso(), true));
        return new Reconciled(id, "ACCEPTED", null);
    }

    private static LocalDateTime parse(String roc) {
        try {
            return TreatmentIds.parseRocDateTime(roc);
        } catch (IllegalArgumentException e) {
            throw IdcException.badRequest("visitDateTime: " + e.getMessage());
        }
    }
}
