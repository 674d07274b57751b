// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal;

import java.util.Map;

import org.opennhi.sim.card.fixtures.Fixtures;
import org.opennhi.sim.card.fixtures.Institution;
import org.opennhi.sim.card.fixtures.Insurance;
import org.opennhi.sim.card.fixtures.Person;
import org.opennhi.sim.idc.internal.insurance.InsuranceService;
import org.opennhi.sim.idc.internal.insurance.InsuranceStatus;
import org.opennhi.sim.idc.internal.lifecycle.Lifecycle;
import org.opennhi.sim.idc.internal.model.SamRecord;
import org.opennhi.sim.idc.internal.sam.SamIssuer;
import org.opennhi.sim.idc.internal.store.Table;

/**
 * Makes the IDC know the simulated cards' world (card-sim's fixtures) on first start: its institutions
 * (test institutions get a cloud test SAM at once, others are contracted and get theirs on the next hour),
 * their physical SAM cards, and every fixture person's insurance status. Existing data is never changed.
 */
final class FixtureSeed {
    private static final Map<Insurance, InsuranceStatus> STATUS = Map.of(
            Insurance.INSURED, InsuranceStatus.INSURED,
            Insurance.NOT_INSURED, InsuranceStatus.NOT_INSURED_DETAILED,
            Insurance.SUSPENDED, InsuranceStatus.SUSPENDED,
            Insurance.ARREARS, InsuranceStatus.PERSONAL_ARREARS);

    private final Fixtures fixtures;

    FixtureSeed(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    void apply(Lifecycle lifecycle, SamIssuer issuer, Table<SamRecord> sams, InsuranceService insurance) {
        for (Institution inst : fixtures.institutions()) {
            if (SamIssuer.isTestInstitution(inst.hospitalId())) {
                lifecycle.seedTestInstitution(inst.hospitalId(), inst.name(), inst.shortName());
            } else if (!lifecycle.isContracted(inst.hospitalId())) {
                lifecycle.contract(inst.hospitalId(), inst.name(), inst.shortName());
            }
            if (sams.get(inst.samId()).isEmpty()) {
                issuer.registerCard(inst.samId(), inst.hospitalId());
            }
        }
        if (insurance.list().isEmpty()) {
            for (Person p : fixtures.persons()) {
                insurance.register(p.cardNumber(), p.idNumber(), STATUS.getOrDefault(p.insurance(), InsuranceStatus.OTHER));
            }
            insurance.seedOutcomes();
        }
    }
}
