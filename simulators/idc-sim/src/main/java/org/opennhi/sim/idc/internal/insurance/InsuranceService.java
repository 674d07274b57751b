// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.insurance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.opennhi.contracts.result.ResultCode;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.store.Table;

/**
 * The insurance register (即時查保): one entry per card number with the person's status. Id numbers are kept
 * only as SHA-256 digests, so the register, the journal and the logs never hold a full id number.
 */
public final class InsuranceService {
    /**
     * A registered person.
     *
     * @param cardNo the 12-character card number
     * @param idDigest SHA-256 (hex) of the id number, or null when not registered
     * @param status the insurance status
     */
    public record Person(String cardNo, String idDigest, InsuranceStatus status) {
    }

    /**
     * The answer of a check.
     *
     * @param cardNo the card checked
     * @param status the outcome
     * @param code the NHI code (0 insured)
     * @param insured whether the visit may be billed as insured
     * @param message the Chinese wording
     * @param messageEn the English wording
     */
    public record Outcome(String cardNo, String status, int code, boolean insured, String message, String messageEn) {
    }

    private final Table<Person> persons;
    private final boolean unknownInsured;

    /**
     * @param persons the register
     * @param unknownInsured whether cards missing from the register count as insured (the demo default), rather
     *        than 9012 (the IDC has no data on the card)
     */
    public InsuranceService(Table<Person> persons, boolean unknownInsured) {
        this.persons = persons;
        this.unknownInsured = unknownInsured;
    }

    /** Adds one test card per outcome, numbered 9000000001xx (index of the outcome in {@link InsuranceStatus}). */
    public void seedOutcomes() {
        InsuranceStatus[] all = InsuranceStatus.values();
        for (int i = 0; i < all.length; i++) {
            String cardNo = String.format("9000000001%02d", i);
            persons.put(cardNo, new Person(cardNo, null, all[i]));
        }
    }

    /** Registers or changes a person. */
    public Person register(String cardNo, String idNumber, InsuranceStatus status) {
        checkCard(cardNo);
        if (status == null) {
            throw IdcException.badRequest("status must be one of " + List.of(InsuranceStatus.values()));
        }
        Person p = new Person(cardNo, idNumber == null || idNumber.isEmpty() ? null : digest(idNumber), status);
        persons.put(cardNo, p);
        return p;
    }

    /** @return every registered person (id numbers as digests only) */
    public List<Person> list() {
        return persons.values();
    }

    /**
     * Checks a person's insurance.
     *
     * @param cardNo the card number
     * @param idNumber the id number the HIS read from the card, or null
     * @return the outcome
     */
    public Outcome check(String cardNo, String idNumber) {
        checkCard(cardNo);
        Person p = persons.get(cardNo).orElse(null);
        if (p == null) {
            if (!unknownInsured) {
                throw IdcException.notFound(ResultCode.IDC_UNKNOWN_CARD, "the IDC has no data on this card");
            }
            return outcome(cardNo, InsuranceStatus.INSURED.name(), ResultCode.SUCCESS);
        }
        if (idNumber != null && !idNumber.isEmpty() && p.idDigest() != null && !p.idDigest().equals(digest(idNumber))) {
            return outcome(cardNo, "IDENTITY_MISMATCH", ResultCode.INSURANCE_IDENTITY_MISMATCH);
        }
        return outcome(cardNo, p.status().name(), p.status().code());
    }

    private static Outcome outcome(String cardNo, String status, ResultCode code) {
        return new Outcome(cardNo, status, code.code(), code.isSuccess(), code.chinese(), code.english());
    }

    private static void checkCard(String cardNo) {
        if (cardNo == null || !cardNo.matches("[0-9A-Z]{12}")) {
            throw IdcException.badRequest("cardNo must be 12 characters 0-9 A-Z");
        }
    }

    /** @return SHA-256 hex of an id number, the only form in which the IDC keeps one */
    public static String digest(String idNumber) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(idNumber.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
