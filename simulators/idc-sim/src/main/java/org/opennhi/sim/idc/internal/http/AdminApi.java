// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.opennhi.sim.idc.AdjustableClock;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.Times;
import org.opennhi.sim.idc.internal.cards.CardContentsService;
import org.opennhi.sim.idc.internal.fault.FaultInjector;
import org.opennhi.sim.idc.internal.fault.FaultRule;
import org.opennhi.sim.idc.internal.insurance.InsuranceService;
import org.opennhi.sim.idc.internal.lifecycle.Lifecycle;
import org.opennhi.sim.idc.internal.model.SamRecord;
import org.opennhi.sim.idc.internal.sam.SamAuthentication;
import org.opennhi.sim.idc.internal.sam.SamIssuer;
import org.opennhi.sim.idc.internal.store.AuditLog;
import org.opennhi.sim.idc.internal.store.Table;

/**
 * Operator routes ({@code /admin/...}, admin token): the simulated clock, fault injection, the insurance
 * register, SAM bindings and physical SAM cards, the audit trail.
 */
public final class AdminApi {
    /** Services the routes call. */
    public record Services(AdjustableClock clock, Times times, Lifecycle lifecycle, FaultInjector faults,
            InsuranceService insurance, SamAuthentication samAuth, SamIssuer issuer, Table<SamRecord> sams,
            AuditLog audit, CardContentsService cardContents) {
    }

    /** Body of {@code PUT /admin/faults}. */
    static final class Faults {
        FaultRule[] rules;
    }

    private final Services s;

    /** @param services what the routes call */
    public AdminApi(Services services) {
        this.s = services;
    }

    /** Adds the routes. */
    public void register(Router router) {
        router.admin("GET", "/admin/clock", c -> Map.of("now", s.times().iso()));
        router.admin("POST", "/admin/clock", c -> {
            long minutes = c.body().has("advanceMinutes") ? c.body().get("advanceMinutes").getAsLong() : 0;
            if (minutes < 0 || minutes > 60L * 24 * 366) {
                throw IdcException.badRequest("advanceMinutes must be 0..527040");
            }
            s.clock().advance(Duration.ofMinutes(minutes));
            return Map.of("now", s.times().iso(), "changed", s.lifecycle().runHourIfDue());
        });
        router.admin("GET", "/admin/faults", c -> Map.of("rules", s.faults().rules()));
        router.admin("PUT", "/admin/faults", c -> {
            FaultRule[] rules = c.body(Faults.class).rules;
            s.faults().set(rules == null ? List.of() : List.of(rules));
            return Map.of("rules", s.faults().rules());
        });
        router.admin("GET", "/admin/persons", c -> Map.of("persons", s.insurance().list()));
        router.admin("PUT", "/admin/persons/{cardNo}", c -> s.insurance().register(c.param("cardNo"),
                c.string("idNumber"), IdcApi.status(c.required("status"))));
        router.admin("GET", "/admin/card-contents/{cardNo}", c -> s.cardContents().get(c.param("cardNo")));
        router.admin("PUT", "/admin/card-contents/{cardNo}", c -> s.cardContents().update(c.param("cardNo"),
                c.body()));
        router.admin("GET", "/admin/sams", c -> Map.of("sams", s.sams().values().stream().map(SamRecord::publicView).toList()));
        router.admin("POST", "/admin/sams/{samId}/unbind", c -> s.samAuth().unbind(c.param("samId")).publicView());
        router.admin("POST", "/admin/sam-cards", c -> {
            String samId = c.required("samId");
            if (!samId.matches("[09]\\d{11}") || s.sams().get(samId).isPresent()) {
                throw IdcException.badRequest("samId must be a new 12-digit SAM id starting with 9 or 0");
            }
            return s.issuer().registerCard(samId, c.required("hospitalId")).publicView();
        });
        router.admin("GET", "/admin/audit", c -> {
            String limit = c.query("limit");
            int n = limit == null ? 100 : Math.max(1, Math.min(500, parse(limit)));
            return Map.of("entries", s.audit().recent(n));
        });
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw IdcException.badRequest("limit must be a number");
        }
    }
}
