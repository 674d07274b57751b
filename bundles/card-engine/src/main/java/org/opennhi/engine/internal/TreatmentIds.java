// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.card.RocDate;
import org.opennhi.contracts.idc.IdcVisitService;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.engine.BasicProfile;
import org.opennhi.engine.CardFields;
import org.opennhi.engine.PinSource;

/**
 * Treatment ids (就醫識別碼, 1.53, 1.54, 1.56): online from the IDC's visit service, offline with the SAM's key
 * when the IDC cannot be reached. The visit service owns the offline ids (its journal, its reconciliation);
 * the engine keeps none of them.
 */
final class TreatmentIds {
    private final HcAccess hc;
    private final Desk desk;
    private final Supplier<Optional<IdcVisitService>> idc;

    TreatmentIds(HcAccess hc, Desk desk, Supplier<Optional<IdcVisitService>> idc) {
        this.hc = Objects.requireNonNull(hc, "hc");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.idc = Objects.requireNonNull(idc, "idc");
    }

    /** 1.56: the id of the visit at that date-time on the inserted HC. */
    String forVisit(String visitDateTime, PinSource pin) throws NhiException {
        return hc.read(pin, c -> {
            byte[] visits = c.area(HcArea.VISITS);
            int index = VisitArea.findVisit(visits, visitDateTime);
            if (index < 0) {
                throw new NhiException(ResultCode.VISIT_RECORD_NOT_FOUND, "no visit at that date-time on the card");
            }
            BasicProfile basic = new BasicProfile(c.area(HcArea.BASIC_PROFILE));
            String sequence = CardFields.ascii(visits, index * HcArea.VISITS.recordLength() + 17, 4);
            return issue(visitDateTime, Optional.of(basic.cardNumber()), sequence, basic.idNumber());
        });
    }

    /** 1.54: @return the visit date-time (13) ‖ hospital id (10) ‖ treatment id (20) */
    String withoutCard(String idNumber, String hospitalId) throws NhiException {
        if (idNumber == null || !idNumber.matches("[A-Z0-9]{10}")) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "身分證號 is 10 characters");
        }
        SamIdentity id = desk.identity();
        if (!id.hospitalId().equals(hospitalId)) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "the hospital id is not the SAM's");
        }
        String dateTime = RocDate.format(desk.now());
        return dateTime + id.hospitalId() + issue(dateTime, Optional.empty(), null, idNumber);
    }

    int pending() {
        return idc.get().map(IdcVisitService::pendingOfflineIds).orElse(0);
    }

    /** @throws NhiException {@code 4061} when the IDC cannot be reached or no visit service is installed */
    int reconcile() throws NhiException {
        return idc.get().orElseThrow(() -> new NhiException(ResultCode.NETWORK_DOWN, "no IDC service is installed"))
                .reconcilePending();
    }

    /** Online when the IDC answers; offline (the visit service keeps it for reconciliation) when it cannot. */
    String issue(String dateTime, Optional<String> cardNumber, String sequence, String idNumber)
            throws NhiException {
        IdcVisitService service = idc.get().orElseThrow(() -> new NhiException(ResultCode.TREATMENT_ID_FAILED,
                "no IDC service is installed"));
        try {
            return service.issueTreatmentId(dateTime, cardNumber, sequence, idNumber);
        } catch (NhiException e) {
            if (e.result() != ResultCode.NETWORK_DOWN && e.result() != ResultCode.IDC_TIMEOUT
                    && e.result() != ResultCode.IDC_UNAVAILABLE) {
                throw e;
            }
            LocalDateTime at = RocDate.parseDateTime(dateTime).orElseThrow();
            return service.offlineTreatmentId(at, idNumber);
        }
    }
}
