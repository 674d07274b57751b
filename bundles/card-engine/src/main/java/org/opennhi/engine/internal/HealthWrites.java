// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.card.RocDate;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.BasicProfile;
import org.opennhi.engine.CardFields;
import org.opennhi.engine.CardStatus;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.ProfessionalIdentity;
import org.opennhi.engine.internal.HcConversation.Write;

/**
 * The health-data writes of the 5.1.3 manual (1.19–1.26, 1.46) on the card profile's areas
 * (docs/card-profile.md §4). Each one checks the caller's whole input before it opens the card, then the
 * patient (5020) and the manual's rules, and only then writes: a refused call never leaves a record half
 * written.
 */
final class HealthWrites {
    static final int ALLERGY_LENGTH = HcArea.ALLERGIC_MEDICINES.recordLength();
    static final int ALLERGY_SLOTS = HcArea.ALLERGIC_MEDICINES.records();

    private final HcAccess hc;
    private final HpcAccess hpc;
    private final Desk desk;

    HealthWrites(HcAccess hc, HpcAccess hpc, Desk desk) {
        this.hc = Objects.requireNonNull(hc, "hc");
        this.hpc = Objects.requireNonNull(hpc, "hpc");
        this.desk = Objects.requireNonNull(desk, "desk");
    }

    /** 1.19: the newborn's birth date and 胞胎註記 into the registration area (bytes 4–11). */
    void writeNewborn(PatientCheck patient, String birthDate, String count, PinSource pin) throws NhiException {
        String date = birthDate == null ? "" : birthDate.trim();
        String mark = count == null ? "" : count.trim();
        if (!date.isEmpty() && mark.isEmpty()) {
            throw new NhiException(ResultCode.NEWBORN_BIRTH_WITHOUT_MULTIPLE_BIRTH_MARK,
                    "a newborn birth date needs its 胞胎註記");
        }
        Optional<LocalDate> born = RocDate.parseDate(date);
        if (born.isEmpty() || !mark.matches("[1-9]")) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "新生兒出生日期 is ROC YYYMMDD, 胞胎註記 1 to 9");
        }
        hc.session(pin, c -> {
            c.checkPatient(patient);
            if (born.get().isAfter(desk.now().toLocalDate())) {
                throw new NhiException(ResultCode.BAD_PARAMETER, "the newborn's birth date is in the future");
            }
            byte[] registration = c.area(HcArea.REGISTRATION);
            System.arraycopy(ascii(date + mark), 0, registration, 3, 8);
            c.write(ResultCode.NEWBORN_MARK_WRITE_FAILED, Write.put(HcArea.REGISTRATION, 0, registration,
                    registration));
            return null;
        });
    }

    /**
     * 1.20 (the three slots) and 1.46 (one slot): allergic medicines, 40 bytes each. Needs the authorised HPC of
     * a physician: pharmacy cards answer 9100.
     *
     * @return the authorising HPC's id number (10 bytes)
     */
    byte[] writeAllergies(PatientCheck patient, int firstSlot, List<byte[]> entries, PinSource pin)
            throws NhiException {
        if (entries.isEmpty() || firstSlot < 1 || firstSlot + entries.size() - 1 > ALLERGY_SLOTS) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "過敏藥物 slots are 1 to 3");
        }
        for (byte[] e : entries) {
            if (e.length != ALLERGY_LENGTH) {
                throw new NhiException(ResultCode.BAD_PARAMETER, "each 過敏藥物 entry is 40 bytes");
            }
        }
        ProfessionalIdentity doctor = hpc.authorisedProfessional();
        if (doctor.pharmacy()) {
            throw new NhiException(ResultCode.PHARMACY_NOT_PERMITTED, "pharmacy staff may not write allergies");
        }
        hc.session(pin, c -> {
            c.checkPatient(patient);
            if (entries.size() == ALLERGY_SLOTS) {
                byte[] all = concat(entries);
                c.write(ResultCode.ALLERGY_WRITE_FAILED, Write.put(HcArea.ALLERGIC_MEDICINES, 0, all, all));
                return null;
            }
            // one PUT per slot: each slot is a whole record, so a failure never leaves one half written
            byte[] area = c.cached(HcArea.ALLERGIC_MEDICINES);
            List<Write> writes = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                int slot = firstSlot + i;
                if (area != null) {
                    area = area.clone();
                    System.arraycopy(entries.get(i), 0, area, (slot - 1) * ALLERGY_LENGTH, ALLERGY_LENGTH);
                }
                writes.add(Write.put(HcArea.ALLERGIC_MEDICINES, slot, entries.get(i), area));
            }
            c.write(ResultCode.ALLERGY_WRITE_FAILED, writes.toArray(Write[]::new));
            return null;
        });
        return doctor.idNumberBytes();
    }

    /** 1.21: the 器官捐贈/安寧緩和醫療 mark, one character; a blank one is an abandoned entry (5062). */
    void writeOrganDonation(PatientCheck patient, String mark, PinSource pin) throws NhiException {
        String m = mark == null ? "" : mark.trim();
        if (m.isEmpty()) {
            throw new NhiException(ResultCode.ORGAN_DONATION_INPUT_ABANDONED, "no 器官捐贈註記 given");
        }
        if (!m.matches("[0-9A-Z]")) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "器官捐贈註記 is one character 0–9 or A–Z");
        }
        hc.session(pin, c -> {
            c.checkPatient(patient);
            byte[] value = ascii(m);
            c.write(ResultCode.ORGAN_DONATION_WRITE_FAILED, Write.put(HcArea.ORGAN_DONATION, 0, value, value));
            return null;
        });
    }

    /**
     * 1.22: a preventive-care record (service mark 2, date 7, hospital 10, item 2). A child's preventive care
     * (service mark {@code 01} with item 11–19, 71–79 or YA) also goes into the prenatal area (5069).
     */
    void writePreventiveCare(PatientCheck patient, String serviceMark, String itemCode, PinSource pin)
            throws NhiException {
        String mark = code2(serviceMark, "保健服務項目註記");
        String item = code2(itemCode, "檢查項目代碼");
        String hospital = desk.identity().hospitalId();
        hc.session(pin, c -> {
            String date = usableCardAndToday(c, patient);
            needsRecentAc(c);
            c.write(ResultCode.PREVENTIVE_CARE_WRITE_FAILED, append(c, HcArea.PREVENTIVE_CARE,
                    ascii(mark + date + hospital + item)));
            if (childCare(mark, item)) {
                c.write(ResultCode.CHILD_CARE_INTO_PRENATAL_FAILED, append(c, HcArea.PRENATAL_CHECKS,
                        ascii(date + hospital + item)));
            }
            return null;
        });
    }

    /** 1.23: the emergency phone, 14 bytes space padded. */
    void writeEmergencyPhone(PatientCheck patient, String phone, PinSource pin) throws NhiException {
        String p = phone == null ? "" : phone.trim();
        if (p.length() > 14 || !p.matches("[0-9A-Za-z()#*+\\-. ]*")) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "緊急聯絡電話 is up to 14 ASCII characters");
        }
        byte[] value = CardFields.ascii(p, 14);
        hc.session(pin, c -> {
            usableCardAndToday(c, patient);
            c.write(ResultCode.EMERGENCY_PHONE_WRITE_FAILED, Write.put(HcArea.EMERGENCY_PHONE, 0, value, value));
            return null;
        });
    }

    /** 1.24: a prenatal check (date 7, hospital 10, item 2); women only (5079). */
    void writePrenatalCheck(PatientCheck patient, String itemCode, PinSource pin) throws NhiException {
        String item = code2(itemCode, "檢查項目代碼");
        String hospital = desk.identity().hospitalId();
        hc.session(pin, c -> {
            String date = usableCardAndToday(c, patient);
            female(c);
            needsRecentAc(c);
            c.write(ResultCode.PRENATAL_WRITE_FAILED, append(c, HcArea.PRENATAL_CHECKS, ascii(date + hospital + item)));
            return null;
        });
    }

    /** 1.25: blanks all 11 prenatal checks in one PUT; women only (5079). */
    void deletePrenatalChecks(PatientCheck patient, PinSource pin) throws NhiException {
        hc.session(pin, c -> {
            c.checkPatient(patient);
            female(c);
            byte[] blank = new byte[HcArea.PRENATAL_CHECKS.length()];
            Arrays.fill(blank, (byte) ' ');
            c.write(ResultCode.PRENATAL_DELETE_ALL_FAILED, Write.put(HcArea.PRENATAL_CHECKS, 0, blank, blank));
            return null;
        });
    }

    /** 1.26: an inoculation (vaccine 6, date 7, hospital 10, lot 12). */
    void writeInoculation(PatientCheck patient, String vaccine, String lot, PinSource pin) throws NhiException {
        String v = vaccine == null ? "" : vaccine.trim();
        String l = lot == null ? "" : lot.trim();
        if (!v.matches("[0-9A-Za-z\\-]{1,6}") || !l.matches("[0-9A-Za-z\\-./]{0,12}")) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "疫苗種類 is 1–6, 疫苗批號 up to 12 ASCII characters");
        }
        String hospital = desk.identity().hospitalId();
        hc.session(pin, c -> {
            String date = usableCardAndToday(c, patient);
            byte[] record = ascii(String.format("%-6s", v) + date + hospital + String.format("%-12s", l));
            c.write(ResultCode.INOCULATION_WRITE_FAILED, append(c, HcArea.INOCULATIONS, record));
            return null;
        });
    }

    // ---- rules ----------------------------------------------------------------------------------------

    /** The patient is the card's, the card neither cancelled (5002) nor expired (5003); today, ROC. */
    private String usableCardAndToday(HcConversation c, PatientCheck patient) throws NhiException {
        c.checkPatient(patient);
        LocalDate today = desk.now().toLocalDate();
        Visits.checkCardUsable(new CardStatus(c.area(HcArea.CARD_STATUS)), today);
        return RocDate.format(today);
    }

    private static void female(HcConversation c) throws NhiException {
        if (!"F".equals(new BasicProfile(c.area(HcArea.BASIC_PROFILE)).sex())) {
            throw new NhiException(ResultCode.SEX_MISMATCH_MALE, "the card holder is not recorded as a woman");
        }
    }

    /** 5083: preventive care and prenatal checks go with a visit of 就醫類別 AC among the last six. */
    private static void needsRecentAc(HcConversation c) throws NhiException {
        byte[] visits = c.area(HcArea.VISITS);
        for (int i = 0; i < HcArea.VISITS.records(); i++) {
            if (CardFields.ascii(visits, i * HcArea.VISITS.recordLength(), 2).equals("AC")) {
                return;
            }
        }
        throw new NhiException(ResultCode.PREVENTIVE_WITHOUT_AC_VISIT, "no visit of 就醫類別 AC among the last six");
    }

    static boolean childCare(String mark, String item) {
        return mark.equals("01") && (item.matches("1[1-9]|7[1-9]") || item.equals("YA"));
    }

    private static String code2(String s, String what) throws NhiException {
        String v = s == null ? "" : s.trim();
        if (!v.matches("[0-9A-Z]{2}")) {
            throw new NhiException(ResultCode.BAD_PARAMETER, what + " is 2 characters 0–9 / A–Z");
        }
        return v;
    }

    /** An APPEND; the cache follows when it holds the area, else forgets it. */
    private static Write append(HcConversation c, HcArea area, byte[] record) {
        byte[] before = c.cached(area);
        return before != null ? Write.append(area, record, before)
                : Write.append(area, record);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(List<byte[]> parts) {
        byte[] out = new byte[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
