// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.card.RocDate;
import org.opennhi.contracts.platform.Environment;
import org.opennhi.sim.card.fixtures.HealthHistory;
import org.opennhi.sim.card.fixtures.Institution;
import org.opennhi.sim.card.fixtures.Person;
import org.opennhi.sim.card.fixtures.Professional;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.card.crypto.KeyScheme;
import org.opennhi.card.crypto.MasterKeys;

/** Issues cards: writes a fixture's data into a fresh card state with the keys of its environment. */
public final class Personalizer {
    private final LocalDate today;

    public Personalizer(LocalDate today) {
        this.today = today;
    }

    static KeyScheme schemeFor(String number) {
        Environment env = Environment.ofId(number)
                .orElseThrow(() -> new IllegalArgumentException("card numbers start with 9 or 0"));
        return new KeyScheme(MasterKeys.simulated(env));
    }

    /** @return the card of a person whose records are all described by {@link Person} */
    public CardState healthCard(Person p) {
        return healthCard(p, Optional.empty());
    }

    /** @return the card of a person with further health records */
    public CardState healthCard(Person p, Optional<HealthHistory> history) {
        CardState s = new CardState(CardKind.HC, p.cardNumber(), schemeFor(p.cardNumber()).cardKey(CardKind.HC,
                p.cardNumber()));
        s.setArea(HcArea.BASIC_PROFILE.id(), new Text.Fields().ascii(p.cardNumber(), 12).big5(p.name(), 20)
                .ascii(p.idNumber(), 10).date(p.birthDate()).ascii(String.valueOf(p.sex()), 1)
                .date(p.issueDate()).bytes());
        s.setArea(HcArea.CARD_STATUS.id(), new Text.Fields().ascii(p.cancelled() ? "2" : "1", 1)
                .date(p.expiryDate()).number(p.visitsLeft(), 2).bytes());
        s.setArea(HcArea.REGISTRATION.id(), new Text.Fields().ascii("01", 2).ascii("3", 1)
                .date(p.newbornBirthDate()).ascii(p.newbornCount() == 0 ? "" : String.valueOf(p.newbornCount()), 1)
                .bytes());
        s.setArea(HcArea.EMERGENCY_PHONE.id(), new Text.Fields().ascii("0223456789", 14).bytes());
        s.setArea(HcArea.ORGAN_DONATION.id(), new Text.Fields().ascii(p.cardNumber().endsWith("01") ? "1" : "", 1)
                .bytes());
        s.setArea(HcArea.CUMULATIVE_DATA.id(), cumulative(p.visitsThisYear()));
        s.setArea(HcArea.CUMULATIVE_FEES.id(), new Text.Fields().number(p.visitsThisYear() * 450L, 10)
                .number(0, 10).bytes());
        s.setArea(HcArea.CRITICAL_ILLNESSES.id(), illnesses(p));
        if (p.prescriptions() > 0) {
            s.setArea(HcArea.VISITS.id(), withFirst(s.area(HcArea.VISITS.id()), visit(p)));
            int rx = HcArea.OUTPATIENT_PRESCRIPTIONS.id();
            s.setArea(rx, prescriptions(s.area(rx), p.prescriptions()));
        }
        history.ifPresent(h -> records(s, h));
        if (p.pin() != null) {
            s.setPin(p.pin(), true);
        }
        return s;
    }

    public CardState professionalCard(Professional p) {
        CardState s = new CardState(CardKind.HPC, p.cardNumber(), schemeFor(p.cardNumber()).cardKey(CardKind.HPC,
                p.cardNumber()));
        s.setArea(Layouts.IDENTITY, new Text.Fields().ascii(p.cardNumber(), 12).big5(p.name(), 20)
                .ascii(p.idNumber(), 10).ascii(p.englishName(), 20).ascii(p.profession(), 2)
                .date(p.expiryDate()).bytes());
        s.setPin(p.pin(), true);
        s.setPuk(p.puk());
        return s;
    }

    public CardState sam(Institution i) {
        KeyScheme scheme = schemeFor(i.samId());
        CardState s = new CardState(CardKind.SAM, i.samId(), scheme.cardKey(CardKind.SAM, i.samId()));
        s.setArea(Layouts.IDENTITY, new Text.Fields().ascii(i.samId(), 12).ascii(i.hospitalId(), 10)
                .big5(i.name(), 40).big5(i.shortName(), 20).bytes());
        s.setMasterKey(scheme.master().key());
        s.setSigningKey(scheme.signingKey(CardKind.SAM, i.samId()));
        return s;
    }

    public CardState institutionCard(Institution i) {
        String n = i.institutionCardNumber();
        CardState s = new CardState(CardKind.INSTITUTION, n, schemeFor(n).cardKey(CardKind.INSTITUTION, n));
        s.setArea(Layouts.IDENTITY, new Text.Fields().ascii(n, 12).ascii(i.hospitalId(), 10).big5(i.name(), 40)
                .bytes());
        return s;
    }

    private static void records(CardState s, HealthHistory h) {
        fill(s, HcArea.VISITS, h.visits());
        fill(s, HcArea.DIAGNOSES, h.diagnoses());
        fill(s, HcArea.PREVENTIVE_CARE, h.preventiveCare());
        fill(s, HcArea.PRENATAL_CHECKS, h.prenatalChecks());
        fill(s, HcArea.INOCULATIONS, h.inoculations());
        fill(s, HcArea.OUTPATIENT_PRESCRIPTIONS, h.prescriptions());
        fill(s, HcArea.LONG_TERM_PRESCRIPTIONS, h.longTermPrescriptions());
        fill(s, HcArea.IMPORTANT_ORDERS, h.importantOrders());
        int allergy = HcArea.ALLERGIC_MEDICINES.recordLength();
        byte[] allergies = s.area(HcArea.ALLERGIC_MEDICINES.id()).clone();
        for (int i = 0; i < h.allergicMedicines().size(); i++) {
            byte[] r = new Text.Fields().big5(h.allergicMedicines().get(i), allergy).bytes();
            System.arraycopy(r, 0, allergies, i * allergy, allergy);
        }
        s.setArea(HcArea.ALLERGIC_MEDICINES.id(), allergies);
    }

    private static void fill(CardState s, HcArea area, List<String> records) {
        s.setArea(area.id(), ascii(s.area(area.id()), records, area.recordLength()));
    }

    /** @return the area with its first records replaced by these (each exactly one record long) */
    private static byte[] ascii(byte[] area, List<String> records, int length) {
        byte[] out = area.clone();
        for (int i = 0; i < records.size(); i++) {
            byte[] r = records.get(i).getBytes(StandardCharsets.US_ASCII);
            if (r.length != length) {
                throw new IllegalArgumentException("a record of " + r.length + " bytes where " + length + " fit");
            }
            System.arraycopy(r, 0, out, i * length, length);
        }
        return out;
    }

    private byte[] cumulative(int visits) {
        byte[] thisYear = new Text.Fields().number(RocDate.year(today), 3).number(visits, 4)
                .number(visits * 450L, 10).number(0, 10).number(visits * 50L, 8).number(0, 8).number(0, 8)
                .number(visits * 50L, 8).number(visits * 50L, 8).bytes();
        byte[] out = Arrays.copyOf(thisYear, 2 * 67);
        Arrays.fill(out, 67, out.length, (byte) ' ');
        return out;
    }

    private static byte[] illnesses(Person p) {
        Text.Fields f = new Text.Fields();
        for (int i = 0; i < 6; i++) {
            if (i < p.criticalIllnesses().size()) {
                f.ascii(p.criticalIllnesses().get(i), 5).date(p.issueDate()).date(p.expiryDate());
            } else {
                f.ascii("", 19);
            }
        }
        return f.bytes();
    }

    private LocalDateTime lastVisit() {
        return today.minusDays(2).atTime(9, 30, 0);
    }

    private byte[] visit(Person p) {
        return new Text.Fields().ascii("01", 2).ascii("", 1).dateTime(lastVisit()).ascii("1", 1).number(1, 4)
                .ascii("7777777777", 10).number(450, 8).number(50, 8).number(0, 8).number(0, 7).number(0, 7)
                .bytes();
    }

    private byte[] prescriptions(byte[] area, int count) {
        byte[] out = area.clone();
        for (int i = 0; i < count; i++) {
            byte[] rec = new Text.Fields().dateTime(lastVisit()).ascii("1", 1)
                    .ascii(String.format("A0%08dAB", 46000 + i), 12).ascii("", 6).ascii("TID", 18).number(7, 2)
                    .ascii("0021.00", 7).ascii("01", 2).bytes();
            System.arraycopy(rec, 0, out, i * rec.length, rec.length);
        }
        return out;
    }

    private static byte[] withFirst(byte[] area, byte[] record) {
        byte[] out = area.clone();
        System.arraycopy(record, 0, out, 0, record.length);
        return out;
    }
}
