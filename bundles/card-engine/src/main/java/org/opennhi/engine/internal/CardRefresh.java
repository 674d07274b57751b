// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.engine.BasicProfile;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.internal.HcConversation.Write;

/**
 * Card content update from the IDC (csUpdateHCContents 1.30, csUpdateHCNoReset 1.40): the IDC's record of the
 * card ({@code POST /v1/cards/contents}, docs/idc-protocol.md §16) is checked whole, then only the areas that
 * differ are written: card status (cancellation, expiry, visits), the registration's insurer code and
 * insured-person mark, the critical illnesses.
 */
final class CardRefresh {
    private static final int ILLNESS_LENGTH = HcArea.CRITICAL_ILLNESSES.recordLength();

    private final HcAccess hc;
    private final SamService sam;

    CardRefresh(HcAccess hc, SamService sam) {
        this.hc = Objects.requireNonNull(hc, "hc");
        this.sam = Objects.requireNonNull(sam, "sam");
    }

    /**
     * @param resetCard true (1.30): the engine reads the card afresh and goes on; false (1.40): the card must
     *        leave the reader and come back before the next HC operation
     * @return how many areas were written
     */
    int update(boolean resetCard, PinSource pin) throws NhiException {
        return hc.session(pin, c -> {
            BasicProfile basic = new BasicProfile(c.area(HcArea.BASIC_PROFILE));
            JsonObject ask = new JsonObject();
            ask.addProperty("cardNo", basic.cardNumber());
            Record r = parse(sam.callIdc("/v1/cards/contents", ask.toString()), basic.cardNumber());
            byte[] status = c.area(HcArea.CARD_STATUS);
            byte[] registration = c.area(HcArea.REGISTRATION);
            byte[] illnesses = c.area(HcArea.CRITICAL_ILLNESSES);
            byte[] newStatus = ascii((r.cancelled ? "2" : "1") + r.expiry + String.format("%02d", r.visits));
            byte[] newRegistration = registration.clone();
            System.arraycopy(ascii(r.insurer + r.mark), 0, newRegistration, 0, 3);
            byte[] newIllnesses = new byte[illnesses.length];
            Arrays.fill(newIllnesses, (byte) ' ');
            for (int i = 0; i < r.illnesses.size(); i++) {
                System.arraycopy(r.illnesses.get(i), 0, newIllnesses, i * ILLNESS_LENGTH, ILLNESS_LENGTH);
            }
            List<Write> writes = new ArrayList<>();
            if (!Arrays.equals(status, newStatus)) {
                writes.add(Write.put(HcArea.CARD_STATUS, 0, newStatus, newStatus));
            }
            if (!Arrays.equals(registration, newRegistration)) {
                writes.add(Write.put(HcArea.REGISTRATION, 0, newRegistration, newRegistration));
            }
            if (!Arrays.equals(illnesses, newIllnesses)) {
                writes.add(Write.put(HcArea.CRITICAL_ILLNESSES, 0, newIllnesses, newIllnesses));
            }
            if (!writes.isEmpty()) {
                c.write(ResultCode.CARD_UPDATE_FAILED, writes.toArray(Write[]::new));
            }
            hc.forget(!resetCard);
            hc.confirmed(5); // the IDC answered for this card (1.15: 5)
            return writes.size();
        });
    }

    /** The IDC's record, every field checked before anything is written (5130 otherwise). */
    private record Record(boolean cancelled, String expiry, String insurer, String mark, int visits,
            List<byte[]> illnesses) {
    }

    static Record parse(String json, String cardNo) throws NhiException {
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            if (!cardNo.equals(o.get("cardNo").getAsString())) {
                throw bad("the IDC answered for another card");
            }
            int visits = o.get("visitsLeft").getAsInt();
            String expiry = field(o, "expiryDate", "\\d{7}");
            String insurer = field(o, "insurerCode", "[0-9A-Z]{2}");
            String mark = field(o, "insuredMark", "[0-9A-Z]");
            if (visits < 0 || visits > 99) {
                throw bad("visitsLeft " + visits);
            }
            JsonArray a = o.getAsJsonArray("criticalIllnesses");
            if (a.size() > 6) {
                throw bad("more than 6 critical illnesses");
            }
            List<byte[]> ill = new ArrayList<>();
            for (JsonElement e : a) {
                JsonObject i = e.getAsJsonObject();
                ill.add(ascii(String.format("%-5s", field(i, "code", "[0-9A-Z.]{1,5}")) + field(i, "from", "\\d{7}")
                        + field(i, "to", "\\d{7}")));
            }
            return new Record(o.get("cancelled").getAsBoolean(), expiry, insurer, mark, visits, ill);
        } catch (RuntimeException e) {
            throw new NhiException(ResultCode.CARD_UPDATE_FAILED, "the IDC's card record is malformed", e);
        }
    }

    private static String field(JsonObject o, String name, String pattern) throws NhiException {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsString().matches(pattern)) {
            throw bad(name + " is malformed");
        }
        return e.getAsString();
    }

    private static NhiException bad(String why) {
        return new NhiException(ResultCode.CARD_UPDATE_FAILED, why);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
