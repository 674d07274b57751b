// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.cards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.opennhi.contracts.card.RocDate;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.sim.card.fixtures.Person;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.store.Table;

/**
 * What the IDC holds of each HC's updatable contents (csUpdateHCContents 1.30 / csUpdateHCNoReset 1.40): the
 * cancellation mark, expiry, insurer code, insured-person mark, available visits and critical illnesses. The
 * platform asks for a card's record and writes it onto the card. Seeded from card-sim's fixture persons with
 * the visits renewed to 6 (what an update grants a card that used its visits up); operators change records
 * with {@code PUT /admin/card-contents/{cardNo}}.
 */
public final class CardContentsService {
    /** The visits an update grants. */
    public static final int RENEWED_VISITS = 6;

    /**
     * One card's record.
     *
     * @param cardNo the HC's number
     * @param cancelled true when the card is cancelled (卡片註銷註記 2)
     * @param expiryDate ROC {@code YYYMMDD}
     * @param insurerCode 保險人代碼, 2 characters
     * @param insuredMark 保險對象身分註記, 1 character
     * @param visitsLeft 就醫可用次數, 0–99
     * @param criticalIllnesses up to 6
     */
    public record Contents(String cardNo, boolean cancelled, String expiryDate, String insurerCode,
            String insuredMark, int visitsLeft, List<Illness> criticalIllnesses) {
    }

    /**
     * A critical illness (重大傷病).
     *
     * @param code up to 5 characters
     * @param from ROC {@code YYYMMDD}
     * @param to ROC {@code YYYMMDD}
     */
    public record Illness(String code, String from, String to) {
    }

    private final Table<Contents> cards;

    public CardContentsService(Table<Contents> cards) {
        this.cards = cards;
    }

    /** Registers the fixture persons once (an existing register is never changed). */
    public void seed(List<Person> persons) {
        if (cards.size() > 0) {
            return;
        }
        for (Person p : persons) {
            List<Illness> ill = new ArrayList<>();
            for (String code : p.criticalIllnesses()) {
                ill.add(new Illness(code, roc(p.issueDate()), roc(p.expiryDate())));
            }
            cards.put(p.cardNumber(), new Contents(p.cardNumber(), p.cancelled(), roc(p.expiryDate()), "01", "3",
                    p.cancelled() ? p.visitsLeft() : Math.max(RENEWED_VISITS, p.visitsLeft()), List.copyOf(ill)));
        }
    }

    /** @return the card's record; 404/9012 when the IDC has none */
    public Contents get(String cardNo) {
        if (cardNo == null || !cardNo.matches("[09]\\d{11}")) {
            throw IdcException.badRequest("cardNo is 12 digits starting with 9 or 0");
        }
        return cards.get(cardNo).orElseThrow(() -> IdcException.notFound(ResultCode.IDC_UNKNOWN_CARD,
                "the IDC has no contents for this card"));
    }

    /** Changes the fields present in {@code body} (operator route); a new card starts from blank values. */
    public Contents update(String cardNo, JsonObject body) {
        if (cardNo == null || !cardNo.matches("[09]\\d{11}")) {
            throw IdcException.badRequest("cardNo is 12 digits starting with 9 or 0");
        }
        Contents c = cards.get(cardNo).orElse(new Contents(cardNo, false, "       ", "01", "3", 0, List.of()));
        boolean cancelled = body.has("cancelled") ? body.get("cancelled").getAsBoolean() : c.cancelled();
        String expiry = body.has("expiryDate") ? date(body.get("expiryDate"), "expiryDate") : c.expiryDate();
        String insurer = body.has("insurerCode") ? text(body.get("insurerCode"), "[0-9A-Z]{2}", "insurerCode")
                : c.insurerCode();
        String mark = body.has("insuredMark") ? text(body.get("insuredMark"), "[0-9A-Z]", "insuredMark")
                : c.insuredMark();
        int visits = c.visitsLeft();
        if (body.has("visitsLeft")) {
            visits = body.get("visitsLeft").getAsInt();
            if (visits < 0 || visits > 99) {
                throw IdcException.badRequest("visitsLeft is 0 to 99");
            }
        }
        List<Illness> ill = c.criticalIllnesses();
        if (body.has("criticalIllnesses")) {
            JsonArray a = body.getAsJsonArray("criticalIllnesses");
            if (a.size() > 6) {
                throw IdcException.badRequest("at most 6 criticalIllnesses");
            }
            List<Illness> out = new ArrayList<>();
            for (JsonElement e : a) {
                JsonObject o = e.getAsJsonObject();
                out.add(new Illness(text(o.get("code"), "[0-9A-Z.]{1,5}", "code"), date(o.get("from"), "from"),
                        date(o.get("to"), "to")));
            }
            ill = List.copyOf(out);
        }
        Contents updated = new Contents(cardNo, cancelled, expiry, insurer, mark, visits, ill);
        cards.put(cardNo, updated);
        return updated;
    }

    private static String date(JsonElement e, String name) {
        return text(e, "\\d{7}", name + " (ROC YYYMMDD)");
    }

    private static String text(JsonElement e, String pattern, String name) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsString().matches(pattern)) {
            throw IdcException.badRequest(name + " must match " + pattern);
        }
        return e.getAsString();
    }

    private static String roc(LocalDate d) {
        return d == null ? "       " : RocDate.format(d);
    }
}
