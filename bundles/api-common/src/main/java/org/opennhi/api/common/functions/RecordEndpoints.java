// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common.functions;

import static org.opennhi.api.common.Endpoint.Param.integer;
import static org.opennhi.api.common.Endpoint.Param.optionalText;
import static org.opennhi.api.common.Endpoint.Param.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.opennhi.api.common.CardApi;
import org.opennhi.api.common.Endpoint;
import org.opennhi.api.common.Endpoint.Param;
import org.opennhi.api.common.Endpoint.Returns;
import org.opennhi.api.common.Field;
import org.opennhi.api.common.Request;

/**
 * The HTTP endpoints of the health-record reads and the ICD-10 packing both manuals define alike (1.3–1.8,
 * 1.10–1.12, 1.33, 1.41–1.44, 1.50, 5.1, 5.2). Their buffers hold repeated records, so {@code fields} shows them
 * as arrays of the records that hold data, each with its 1-based {@code record} number.
 */
final class RecordEndpoints {
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Param PIN = optionalText("pin", "the HC holder's PIN when the card needs it (never logged)");
    private static final Param BUFFER_LEN = CardEndpoints.BUFFER_LEN;
    private static final Param ICD10 = optionalText("icd10", "'Y': read in ICD-10-CM format (the buffer is handed "
            + "in starting with the marker [XXXXXXX]); codes come unpacked, 7 characters");
    private static final Param OUTPATIENT_LEN = length("iBufferLenOutpatient", "門診處方箋", 3660);
    private static final Param LONG_TERM_LEN = length("iBufferLenLongTerm", "長期處方箋", 1320);
    private static final Param IMPORTANT_LEN = length("iBufferLenImportant", "重要醫令", 360);
    private static final Param IRRITATION_LEN = length("iBufferLenIrritation", "過敏藥物", 120);
    private static final Param START = integer("iStartPos", "first record, 1-based");
    private static final Param END = integer("iEndPos", "last record, inclusive");

    private static final Layout PREVENTIVE = new Layout(21, "serviceMark", 2, "date", 7, "hospitalId", 10,
            "item", 2);
    private static final Layout PRENATAL = new Layout(19, "date", 7, "hospitalId", 10, "item", 2);
    private static final Layout ILLNESS_DATES = new Layout(14, "validFrom", 7, "validTo", 7);
    private static final Layout VISIT = new Layout(69, "category", 2, "newborn", 1, "visitDateTime", 13,
            "afterCheck", 1, "sequenceNumber", 4, "hospitalId", 10, "outpatientFee", 8, "outpatientCopay", 8,
            "inpatientFee", 8, "inpatientCopayShort", 7, "inpatientCopayLong", 7);
    private static final Layout CUMULATIVE = new Layout(67, "year", 3, "visits", 4, "outpatientFees", 10,
            "inpatientFees", 10, "outpatientCopay", 8, "inpatientCopayShort", 8, "inpatientCopayLong", 8,
            "copayTotal", 8, "copayTotalShort", 8);
    private static final Layout FEES = new Layout(20, "outpatientTotal", 10, "inpatientTotal", 10);
    private static final Layout INOCULATION = new Layout(35, "vaccine", 6, "date", 7, "hospitalId", 10, "lot", 12);
    private static final Layout ILLNESS = new Layout(19, "code", 5, "validFrom", 7, "validTo", 7);
    private static final Layout ILLNESS_ICD10 = new Layout(23, "", 1, "code", 7, "", 1, "validFrom", 7,
            "validTo", 7);
    private static final Layout DIAGNOSES = new Layout(43, "visitDateTime", 13, "main", 5, "secondary1", 5,
            "secondary2", 5, "secondary3", 5, "secondary4", 5, "secondary5", 5);
    private static final Layout DIAGNOSES_ICD10 = new Layout(67, "visitDateTime", 13, "", 1, "main", 7, "", 2,
            "secondary1", 7, "", 2, "secondary2", 7, "", 2, "secondary3", 7, "", 2, "secondary4", 7, "", 2,
            "secondary5", 7, "", 1);
    private static final Layout OUTPATIENT = new Layout(61, "visitDateTime", 13, "orderClass", 1, "item", 12,
            "site", 6, "usage", 18, "days", 2, "quantity", 7, "dispensing", 2);
    private static final Layout LONG_TERM = new Layout(44, "date", 7, "drug", 10, "usage", 18, "days", 2,
            "quantity", 7);
    private static final Layout IMPORTANT = new Layout(36, "date", 7, "hospitalId", 10, "order", 6, "site", 6,
            "quantity", 7);
    private static final Layout ALLERGY = new Layout(40, "ingredient", 40);

    private RecordEndpoints() {
    }

    static <A extends CardApi> void addTo(Map<String, Endpoint<A>> m) {
        simple(m, "hisGetRegisterPrevent", "1.3", "預防保健掛號作業", 126, "preventiveCare", PREVENTIVE,
                (api, in, b, l, x) -> api.hisGetRegisterPrevent(b, l));
        simple(m, "hisGetRegisterPregnant", "1.4", "孕婦產前檢查掛號作業", 209, "prenatalChecks", PRENATAL,
                (api, in, b, l, x) -> api.hisGetRegisterPregnant(b, l));
        put(m, new Endpoint<A>("hisGetTreatmentNoNeedHPC", "1.5", "讀取就醫資料不需 HPC 卡的部分", List.of(PIN, BUFFER_LEN),
                498, List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    int rc = api.hisGetTreatmentNoNeedHPC(b, l);
                    if (rc == 0) {
                        x.put("criticalIllnesses", ILLNESS_DATES.decode(b, 0, 6, false));
                        x.put("visits", VISIT.decode(b, 84, 6, false));
                    }
                    return rc;
                }));
        simple(m, "hisGetCumulativeData", "1.6", "讀取就醫累計資料", 134, "cumulative", CUMULATIVE,
                (api, in, b, l, x) -> api.hisGetCumulativeData(b, l));
        simple(m, "hisGetCumulativeFee", "1.7", "讀取醫療費用總累計", 20, "totals", FEES,
                (api, in, b, l, x) -> api.hisGetCumulativeFee(b, l));
        put(m, new Endpoint<A>("hisGetTreatmentNeedHPC", "1.8", "讀取就醫資料需要 HPC 卡的部份 (372 bytes; 540 with icd10)",
                List.of(ICD10, PIN, BUFFER_LEN), 540, List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    boolean icd10 = marker(in, b);
                    int rc = api.hisGetTreatmentNeedHPC(b, l);
                    if (rc == 0) {
                        x.put("criticalIllnesses", (icd10 ? ILLNESS_ICD10 : ILLNESS).decode(b, 0, 6, false));
                        x.put("diagnoses", (icd10 ? DIAGNOSES_ICD10 : DIAGNOSES).decode(b, icd10 ? 138 : 114, 6,
                                false));
                    }
                    return rc;
                }));
        put(m, new Endpoint<A>("hisReadPrescription", "1.10", "讀取處方箋作業 (four buffers, full size unless the "
                + "iBufferLen… parameters offer less)", List.of(PIN, OUTPATIENT_LEN, LONG_TERM_LEN, IMPORTANT_LEN,
                        IRRITATION_LEN), 0, List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    byte[] o = new byte[length(in, OUTPATIENT_LEN, 3660)];
                    byte[] lt = new byte[length(in, LONG_TERM_LEN, 1320)];
                    byte[] i = new byte[length(in, IMPORTANT_LEN, 360)];
                    byte[] a = new byte[length(in, IRRITATION_LEN, 120)];
                    int[] ol = {o.length};
                    int[] ll = {lt.length};
                    int[] il = {i.length};
                    int[] al = {a.length};
                    int rc = api.hisReadPrescription(o, ol, lt, ll, i, il, a, al);
                    if (rc == 0) {
                        x.put("pOutpatientPrescription", Arrays.copyOf(o, ol[0]));
                        x.put(OUTPATIENT_LEN.name(), ol[0]);
                        x.put("pLongTermPrescription", Arrays.copyOf(lt, ll[0]));
                        x.put(LONG_TERM_LEN.name(), ll[0]);
                        x.put("pImportantTreatmentCode", Arrays.copyOf(i, il[0]));
                        x.put(IMPORTANT_LEN.name(), il[0]);
                        x.put("pIrritationDrug", Arrays.copyOf(a, al[0]));
                        x.put(IRRITATION_LEN.name(), al[0]);
                        x.put("outpatientPrescriptions", OUTPATIENT.decode(o, 0, 60, false));
                        x.put("longTermPrescriptions", LONG_TERM.decode(lt, 0, 30, false));
                        x.put("importantOrders", IMPORTANT.decode(i, 0, 10, false));
                        x.put("allergicMedicines", ALLERGY.decode(a, 0, 3, true));
                    }
                    return rc;
                }));
        simple(m, "hisGetInoculateData", "1.11", "讀取預防接種資料", 1400, "inoculations", INOCULATION,
                (api, in, b, l, x) -> api.hisGetInoculateData(b, l));
        put(m, new Endpoint<A>("hisGetOrganDonate", "1.12", "讀取同意器官捐贈及安寧緩和醫療註記", List.of(PIN, BUFFER_LEN), 1,
                List.of(Field.text("organDonation", 1, 1)), Returns.CODE,
                (api, in, b, l, x) -> api.hisGetOrganDonate(b, l)));
        put(m, new Endpoint<A>("hisGetCriticalIllness", "1.33", "讀取重大傷病註記資料 (114 bytes; 138 with icd10)",
                List.of(ICD10, PIN, BUFFER_LEN), 138, List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    boolean icd10 = marker(in, b);
                    return illnesses(api.hisGetCriticalIllness(b, l), icd10, b, x);
                }));
        range(m, "hisReadPrescriptMain", "1.41", "讀取就醫資料-門診處方箋", 3660, "outpatientPrescriptions", OUTPATIENT,
                CardApi::hisReadPrescriptMain);
        range(m, "hisReadPrescriptLongTerm", "1.42", "讀取就醫資料-長期處方箋", 1320, "longTermPrescriptions", LONG_TERM,
                CardApi::hisReadPrescriptLongTerm);
        range(m, "hisReadPrescriptHVE", "1.43", "讀取就醫資料-重要醫令", 360, "importantOrders", IMPORTANT,
                CardApi::hisReadPrescriptHVE);
        range(m, "hisReadPrescriptAllergic", "1.44", "讀取就醫資料-過敏藥物", 120, "allergicMedicines", ALLERGY,
                CardApi::hisReadPrescriptAllergic);
        put(m, new Endpoint<A>("hisGetCriticalIllnessID", "1.50", "讀取重大傷病註記資料身分比對 (114 bytes; 138 with icd10)",
                List.of(text("pPatientID", "身分證號 (10)"), text("pPatientBirthDate", "出生日期, ROC YYYMMDD (7)"), ICD10,
                        PIN, BUFFER_LEN), 138, List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    boolean icd10 = marker(in, b);
                    return illnesses(api.hisGetCriticalIllnessID(in.text("pPatientID"),
                            in.text("pPatientBirthDate"), b, l), icd10, b, x);
                }));
        put(m, new Endpoint<A>("hisGetICD10EnC", "5.1", "進行疾病診斷碼押碼 (the platform's packing; see docs)",
                List.of(text("IN", "ICD-10-CM code of the packing range (over 5 characters, or E…/V…)")), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> {
                    byte[] out = new byte[6];
                    int rc = api.hisGetICD10EnC(in.text("IN"), out);
                    if (rc == 0) {
                        x.put("OUT", CardEndpoints.cString(out));
                    }
                    return rc;
                }));
        put(m, new Endpoint<A>("hisGetICD10DeC", "5.2", "進行疾病診斷碼解押碼",
                List.of(text("IN", "a packed code (5 characters starting with ! \" # $ % & ( ) * + : < > ? @ ^ { | } ~)")),
                0, List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    byte[] out = new byte[8];
                    int rc = api.hisGetICD10DeC(in.text("IN"), out);
                    if (rc == 0) {
                        x.put("OUT", CardEndpoints.cString(out));
                    }
                    return rc;
                }));
    }

    private static <A extends CardApi> void simple(Map<String, Endpoint<A>> m, String name, String number, String summary, int size,
            String array, Layout layout, Endpoint.Invocation<A> call) {
        put(m, new Endpoint<A>(name, number, summary, List.of(PIN, BUFFER_LEN), size, List.of(), Returns.CODE,
                (api, in, b, l, x) -> {
                    int rc = call.call(api, in, b, l, x);
                    if (rc == 0) {
                        x.put(array, layout.decode(b, 0, l[0] / layout.length, false));
                    }
                    return rc;
                }));
    }

    /** 1.41–1.44: a record range of one area. */
    @FunctionalInterface
    private interface RangeRead {
        int call(CardApi api, byte[] buffer, int[] length, int start, int end, int[] count);
    }

    private static <A extends CardApi> void range(Map<String, Endpoint<A>> m, String name, String number, String summary, int size,
            String array, Layout layout, RangeRead read) {
        put(m, new Endpoint<A>(name, number, summary + " (iRecCount: records returned)",
                List.of(START, END, PIN, BUFFER_LEN), size, List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    int[] count = {0};
                    int first = in.integer("iStartPos");
                    int rc = read.call(api, b, l, first, in.integer("iEndPos"), count);
                    if (rc == 0) {
                        x.put("iRecCount", count[0]);
                        JsonArray records = layout.decode(b, 0, count[0], layout == ALLERGY);
                        records.forEach(r -> r.getAsJsonObject().addProperty("record",
                                r.getAsJsonObject().get("record").getAsInt() + first - 1));
                        x.put(array, records);
                    }
                    return rc;
                }));
    }

    private static int illnesses(int rc, boolean icd10, byte[] b, Map<String, Object> x) {
        if (rc == 0 || rc == 5141) {
            x.put("criticalIllnesses", (icd10 ? ILLNESS_ICD10 : ILLNESS).decode(b, 0, 6, false));
        }
        return rc;
    }

    /** Writes the ICD-10 marker into the buffer when the body asks for that format. */
    private static boolean marker(Request in, byte[] buffer) throws Endpoint.BadRequest {
        boolean icd10 = "Y".equalsIgnoreCase(in.textOr("icd10", "N").strip());
        if (icd10 && buffer.length >= Records.ICD10_MARKER.length) {
            System.arraycopy(Records.ICD10_MARKER, 0, buffer, 0, Records.ICD10_MARKER.length);
        }
        return icd10;
    }

    private static Param length(String name, String area, int full) {
        return new Param(name, true, false, "the caller's " + area + " buffer length (default " + full
                + "); too small answers 6018");
    }

    private static int length(Request in, Param p, int full) throws Endpoint.BadRequest {
        return in.bufferLength(p.name(), full);
    }

    private static <A> void put(Map<String, Endpoint<A>> m, Endpoint<A> e) {
        m.put(e.name(), e);
    }

    private static String base64(byte[] b, int n) {
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(b, n));
    }


    /** A record's fields: name and width pairs; unnamed ones are separators. */
    private static final class Layout {
        final int length;
        final String[] names;
        final int[] widths;

        Layout(int length, Object... nameWidth) {
            this.length = length;
            names = new String[nameWidth.length / 2];
            widths = new int[names.length];
            int sum = 0;
            for (int i = 0; i < names.length; i++) {
                names[i] = (String) nameWidth[2 * i];
                widths[i] = (Integer) nameWidth[2 * i + 1];
                sum += widths[i];
            }
            if (sum != length) {
                throw new IllegalArgumentException("fields of " + sum + " bytes in a record of " + length);
            }
        }

        /** @return the records from {@code offset} that hold something, decoded */
        JsonArray decode(byte[] buffer, int offset, int count, boolean big5) {
            JsonArray out = new JsonArray();
            for (int r = 0; r < count && offset + (r + 1) * length <= buffer.length; r++) {
                int o = offset + r * length;
                if (new String(buffer, o, length, StandardCharsets.ISO_8859_1).isBlank()) {
                    continue;
                }
                JsonObject rec = new JsonObject();
                rec.addProperty("record", r + 1);
                for (int f = 0; f < names.length; f++) {
                    if (!names[f].isEmpty()) {
                        rec.addProperty(names[f], new String(buffer, o, widths[f], big5 ? BIG5
                                : StandardCharsets.ISO_8859_1).strip());
                    }
                    o += widths[f];
                }
                out.add(rec);
            }
            return out;
        }
    }
}
