// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common.functions;

import static org.opennhi.api.common.Endpoint.Param.integer;
import static org.opennhi.api.common.Endpoint.Param.optionalText;
import static org.opennhi.api.common.Endpoint.Param.text;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opennhi.api.common.CardApi;
import org.opennhi.api.common.Endpoint;
import org.opennhi.api.common.Endpoint.Param;
import org.opennhi.api.common.Endpoint.Returns;
import org.opennhi.api.common.Field;

/**
 * The one table of the functions both generations share ({@link CardApi}): name, manual number, title, JSON
 * inputs, buffer size and fields, for the /v5 and /v3 endpoint lists, their OpenAPI documents and the audit's
 * numbers. Titles follow each facade's manual where the 3.3 manual names a function otherwise (1.1, 1.2, 1.38).
 */
public final class CardEndpoints {
    public static final Param DATE_TIME = text("pDateTime", "就診日期時間, ROC YYYMMDDHHMMSS (13)");
    public static final Param PATIENT_ID = text("pPatientID", "身分證號 (10)");
    public static final Param BIRTH = text("pPatientBirthDate", "出生日期, ROC YYYMMDD (7)");
    public static final Param TREAT_ITEM = text("cTreatItem", "就醫類別 (2), e.g. 01, AA, ZA");
    public static final Param BABY = optionalText("cBabyTreat", "新生兒就醫註記: ' ' (default) or 'Y'");
    public static final Param AFTER = optionalText("cTreatAfterCheck", "補卡註記: '1' normal (default), '2' 補卡");
    public static final Param PIN = optionalText("pin", "the HC holder's or HPC's PIN when the card needs it "
            + "(never logged)");
    public static final Param NEW_PIN = optionalText("newPin", "the new PIN (never logged)");
    /** The manual's second entry of the new PIN (1.28, 4.3, 4.4): when sent and different, 5107. */
    public static final Param NEW_PIN_AGAIN = optionalText("newPinAgain",
            "the new PIN entered a second time (never logged); when sent it must equal newPin, else 5107");
    public static final Param PUK = optionalText("puk", "the HPC's unblocking code (never logged)");
    public static final Param BUFFER_LEN = new Param("iBufferLen", true, false,
            "the caller's buffer length (default: the full answer); too small answers 6018");

    /** Whose titles: the 5.1.3 manual's (/v5) or the 3.3 manual's (/v3). */
    public enum Manual {
        V5, V3
    }

    private CardEndpoints() {
    }

    private static String title(Manual manual, String v5, String v3) {
        return manual == Manual.V3 ? v3 : v5;
    }

    /**
     * @param <A> the facade's Java API
     * @param manual whose titles
     * @return the shared functions, in the manuals' order
     */
    public static <A extends CardApi> Map<String, Endpoint<A>> shared(Manual manual) {
        Map<String, Endpoint<A>> m = new LinkedHashMap<>();
        add(m, new Endpoint<A>("hisGetBasicData", "1.1", title(manual, "讀取不需個人 PIN 碼資料",
                "掛號或報到時不需讀取個人 PIN 碼資料"), List.of(BUFFER_LEN), 72,
                Field.BASIC_DATA, Returns.CODE, (api, in, b, l, x) -> api.hisGetBasicData(b, l)));
        add(m, new Endpoint<A>("hisGetRegisterBasic", "1.2", title(manual, "掛號或報到時讀取基本資料",
                "診間服務時讀取基本資料"), List.of(PIN, BUFFER_LEN), 78,
                Field.REGISTER_BASIC, Returns.CODE, (api, in, b, l, x) -> api.hisGetRegisterBasic(b, l)));
        add(m, new Endpoint<A>("hisGetSeqNumber", "1.9", "取得就醫序號", List.of(TREAT_ITEM, BABY, PIN, BUFFER_LEN), 167,
                Field.SEQ_167, Returns.CODE, (api, in, b, l, x) -> api.hisGetSeqNumber(in.text("cTreatItem"),
                        in.textOr("cBabyTreat", " "), b, l)));
        add(m, new Endpoint<A>("hisGetEmergentTel", "1.13", "讀取緊急聯絡電話資料", List.of(BUFFER_LEN), 14,
                List.of(Field.text("emergencyPhone", 1, 14)), Returns.CODE,
                (api, in, b, l, x) -> api.hisGetEmergentTel(b, l)));
        add(m, new Endpoint<A>("hisGetLastSeqNum", "1.14", "讀取最近一次就醫序號", List.of(PIN, BUFFER_LEN), 7,
                List.of(Field.text("lastSequenceNumber", 1, 7)), Returns.CODE,
                (api, in, b, l, x) -> api.hisGetLastSeqNum(b, l)));
        add(m, new Endpoint<A>("hisGetCardStatus", "1.15", "讀取卡片狀態 (value: 0–9)",
                List.of(integer("CardType", "1 SAM, 2 HC, 3 HPC")), 0, List.of(), Returns.VALUE,
                (api, in, b, l, x) -> api.hisGetCardStatus(in.integer("CardType"))));
        add(m, new Endpoint<A>("hisWriteTreatmentCode", "1.16", "就醫診療資料寫入作業",
                List.of(DATE_TIME, PATIENT_ID, BIRTH, text("pDataWrite", "補卡註記 1 + 6 diagnosis codes × 5 (31)")),
                0, List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    byte[] doc = new byte[11];
                    int rc = api.hisWriteTreatmentCode(in.text("pDateTime"), in.text("pPatientID"),
                            in.text("pPatientBirthDate"), in.text("pDataWrite"), doc);
                    x.put("pBufferDocID", cString(doc));
                    return rc;
                }));
        add(m, new Endpoint<A>("hisWriteTreatmentFee", "1.17", "就醫費用資料寫入作業",
                List.of(DATE_TIME, PATIENT_ID, BIRTH, text("pDataWrite", "fees 8, 8, 8, 7, 7 (38)")), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> api.hisWriteTreatmentFee(in.text("pDateTime"),
                        in.text("pPatientID"), in.text("pPatientBirthDate"), in.text("pDataWrite"))));
        add(m, new Endpoint<A>("hisWritePrescription", "1.18", "處方箋寫入作業",
                List.of(DATE_TIME, PATIENT_ID, BIRTH, text("pDataWrite", "one prescription (61)")), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> api.hisWritePrescription(in.text("pDateTime"),
                        in.text("pPatientID"), in.text("pPatientBirthDate"), in.text("pDataWrite"))));
        add(m, new Endpoint<A>("csVerifyHCPIN", "1.27", "驗證健保 IC 卡之 PIN 值", List.of(PIN), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> api.csVerifyHCPIN()));
        add(m, new Endpoint<A>("csInputHCPIN", "1.28", "輸入新的健保 IC 卡 PIN 值", List.of(NEW_PIN, NEW_PIN_AGAIN),
                0, List.of(), Returns.CODE, (api, in, b, l, x) -> api.csInputHCPIN()));
        add(m, new Endpoint<A>("csDisableHCPIN", "1.29", "停用健保 IC 卡之 PIN 碼輸入功能", List.of(), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> api.csDisableHCPIN()));
        add(m, new Endpoint<A>("csGetDateTime", "1.34", "讀取讀卡機日期時間", List.of(BUFFER_LEN), 13,
                List.of(Field.text("dateTime", 1, 13)), Returns.CODE, (api, in, b, l, x) -> api.csGetDateTime(b, l)));
        add(m, new Endpoint<A>("csGetCardNo", "1.35", "讀取卡片號碼",
                List.of(integer("CardType", "1 SAM, 2 HC, 3 HPC"), BUFFER_LEN), 12,
                List.of(Field.text("cardNumber", 1, 12)), Returns.CODE,
                (api, in, b, l, x) -> api.csGetCardNo(in.integer("CardType"), b, l)));
        add(m, new Endpoint<A>("csISSetPIN", "1.36", "檢查健保 IC 卡是否設定密碼 (value: 1 set, 0 not)", List.of(), 0,
                List.of(), Returns.VALUE, (api, in, b, l, x) -> api.csISSetPIN()));
        add(m, new Endpoint<A>("hisGetSeqNumber256", "1.37", "取得就醫序號新版",
                List.of(TREAT_ITEM, BABY, AFTER, PIN, BUFFER_LEN), 296, Field.SEQ_296, Returns.CODE,
                (api, in, b, l, x) -> api.hisGetSeqNumber256(in.text("cTreatItem"), in.textOr("cBabyTreat", " "),
                        in.textOr("cTreatAfterCheck", "1"), b, l)));
        add(m, new Endpoint<A>("hisGetRegisterBasic2", "1.38", title(manual, "掛號或報到時讀取基本資料",
                "掛號或報到時讀取有效卡期限及就醫次數資料") + " (no PIN)", List.of(BUFFER_LEN), 9,
                Field.REGISTER_BASIC2, Returns.CODE, (api, in, b, l, x) -> api.hisGetRegisterBasic2(b, l)));
        add(m, new Endpoint<A>("csUnGetSeqNumber", "1.39", "回復就醫資料累計值 (退掛)",
                List.of(text("pUnTreatDate", "就診日期時間 of the visit to undo (13)"), PIN), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> api.csUnGetSeqNumber(in.text("pUnTreatDate"))));
        add(m, new Endpoint<A>("hisWriteMultiPrescript", "1.45", "多筆處方箋寫入作業",
                List.of(DATE_TIME, PATIENT_ID, BIRTH, text("pDataWrite", "n prescriptions × 61"),
                        integer("iWriteCount", "n, 1 to 60")), 0, List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    int[] count = {in.integer("iWriteCount")};
                    int rc = api.hisWriteMultiPrescript(in.text("pDateTime"), in.text("pPatientID"),
                            in.text("pPatientBirthDate"), in.text("pDataWrite"), count);
                    x.put("iWriteCount", count[0]);
                    return rc;
                }));
        add(m, new Endpoint<A>("hisWriteTreatmentData", "1.47", "就醫診療資料及費用寫入作業",
                List.of(DATE_TIME, PATIENT_ID, BIRTH, text("pDataWrite", "補卡註記 1 + diagnoses 30 + fees 38 (69)")),
                0, List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    byte[] doc = new byte[11];
                    int rc = api.hisWriteTreatmentData(in.text("pDateTime"), in.text("pPatientID"),
                            in.text("pPatientBirthDate"), in.text("pDataWrite"), doc);
                    x.put("pBufferDocID", cString(doc));
                    return rc;
                }));
        add(m, new Endpoint<A>("hisWritePrescriptionSign", "1.48", "處方箋寫入作業-回傳簽章",
                List.of(DATE_TIME, PATIENT_ID, BIRTH, text("pDataWrite", "one prescription (61)"), BUFFER_LEN), 40,
                List.of(Field.hex("signature", 1, 40)), Returns.CODE,
                (api, in, b, l, x) -> api.hisWritePrescriptionSign(in.text("pDateTime"), in.text("pPatientID"),
                        in.text("pPatientBirthDate"), in.text("pDataWrite"), b, l)));
        add(m, new Endpoint<A>("hisWriteMultiPrescriptSign", "1.49", "多筆處方箋寫入作業-回傳簽章",
                List.of(DATE_TIME, PATIENT_ID, BIRTH, text("pDataWrite", "n prescriptions × 61"),
                        integer("iWriteCount", "n, 1 to 60"), BUFFER_LEN), -40, List.of(), Returns.CODE,
                (api, in, b, l, x) -> {
                    int[] count = {in.integer("iWriteCount")};
                    int rc = api.hisWriteMultiPrescriptSign(in.text("pDateTime"), in.text("pPatientID"),
                            in.text("pPatientBirthDate"), in.text("pDataWrite"), count, b, l);
                    x.put("iWriteCount", count[0]);
                    return rc;
                }));
        add(m, new Endpoint<A>("csGetVersionEx", "1.51", "取得控制軟體版本 (value: version code)", List.of(), 0,
                List.of(), Returns.VERSION, (api, in, b, l, x) -> {
                    byte[] path = new byte[260];
                    int v = api.csGetVersionEx(path);
                    x.put("pPath", cString(path));
                    return v;
                }));
        add(m, new Endpoint<A>("csSoftwareReset", "1.52", "重置讀卡機或卡片",
                List.of(integer("Type", "0 reader, 1 SAM, 2 HPC, 3 HC")), 0, List.of(), Returns.CODE,
                (api, in, b, l, x) -> api.csSoftwareReset(in.integer("Type"))));
        add(m, new Endpoint<A>("hisGetSeqNumber256N1", "1.53", "取得就醫序號及就醫識別碼",
                List.of(TREAT_ITEM, BABY, AFTER, PIN, BUFFER_LEN), 316, Field.SEQ_316, Returns.CODE,
                (api, in, b, l, x) -> api.hisGetSeqNumber256N1(in.text("cTreatItem"), in.textOr("cBabyTreat", " "),
                        in.textOr("cTreatAfterCheck", "1"), b, l)));
        add(m, new Endpoint<A>("hisGetTreatNumNoICCard", "1.54", "無卡取得就醫識別碼 (offline when the IDC is down)",
                List.of(PATIENT_ID, text("pHospID", "醫事機構代碼 (10)"), BUFFER_LEN), 43, Field.NO_CARD_ID,
                Returns.CODE, (api, in, b, l, x) -> api.hisGetTreatNumNoICCard(in.text("pPatientID"),
                        in.text("pHospID"), b, l)));
        add(m, new Endpoint<A>("csVerifySAMDC", "2.1", "SAM 與 DC 認證", List.of(), 0, List.of(), Returns.CODE,
                (api, in, b, l, x) -> api.csVerifySAMDC()));
        add(m, new Endpoint<A>("csGetHospID", "2.2", "讀取 SAM 院所代碼", List.of(BUFFER_LEN), 10,
                List.of(Field.text("hospitalId", 1, 10)), Returns.CODE, (api, in, b, l, x) -> api.csGetHospID(b, l)));
        add(m, new Endpoint<A>("csGetHospName", "2.3", "讀取 SAM 院所名稱", List.of(BUFFER_LEN),
                CardFunctions.HOSPITAL_NAME, List.of(Field.big5("hospitalName", 1, CardFunctions.HOSPITAL_NAME)), Returns.CODE,
                (api, in, b, l, x) -> api.csGetHospName(b, l)));
        add(m, new Endpoint<A>("csGetHospAbbName", "2.4", "讀取 SAM 院所簡稱", List.of(BUFFER_LEN),
                CardFunctions.HOSPITAL_SHORT_NAME, List.of(Field.big5("hospitalShortName", 1,
                        CardFunctions.HOSPITAL_SHORT_NAME)), Returns.CODE,
                (api, in, b, l, x) -> api.csGetHospAbbName(b, l)));
        add(m, new Endpoint<A>("hpcGetHPCStatus", "4.1", "取得醫事人員卡狀態", List.of(integer("Req", "1")), 0,
                List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    int[] status = {0};
                    int rc = api.hpcGetHPCStatus(in.integer("Req"), status);
                    x.put("Status", status[0]);
                    return rc;
                }));
        add(m, new Endpoint<A>("hpcVerifyHPCPIN", "4.2", "檢查醫事人員卡之 PIN 值", List.of(PIN), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> api.hpcVerifyHPCPIN()));
        add(m, new Endpoint<A>("hpcInputHPCPIN", "4.3", "輸入新的醫事人員卡之 PIN 值",
                List.of(PIN, NEW_PIN, NEW_PIN_AGAIN), 0, List.of(), Returns.CODE,
                (api, in, b, l, x) -> api.hpcInputHPCPIN(in.pins())));
        add(m, new Endpoint<A>("hpcUnlockHPC", "4.4", "解開鎖住的醫事人員卡", List.of(PUK, NEW_PIN, NEW_PIN_AGAIN),
                0, List.of(), Returns.CODE, (api, in, b, l, x) -> api.hpcUnlockHPC(in.pins())));
        add(m, new Endpoint<A>("hpcGetHPCSN", "4.5", "取得醫事人員卡序號", List.of(BUFFER_LEN), 12,
                List.of(Field.text("SN", 1, 12)), Returns.CODE, (api, in, b, l, x) -> api.hpcGetHPCSN(b, l)));
        add(m, new Endpoint<A>("hpcGetHPCSSN", "4.6", "取得醫事人員卡身分證字號", List.of(BUFFER_LEN), 10,
                List.of(Field.text("SSN", 1, 10)), Returns.CODE, (api, in, b, l, x) -> api.hpcGetHPCSSN(b, l)));
        add(m, new Endpoint<A>("hpcGetHPCCNAME", "4.7", "取得醫事人員卡中文姓名", List.of(BUFFER_LEN), 20,
                List.of(Field.big5("CNAME", 1, 20)), Returns.CODE, (api, in, b, l, x) -> api.hpcGetHPCCNAME(b, l)));
        add(m, new Endpoint<A>("hpcGetHPCENAME", "4.8", "取得醫事人員卡英文姓名", List.of(BUFFER_LEN), 20,
                List.of(Field.text("ENAME", 1, 20)), Returns.CODE, (api, in, b, l, x) -> api.hpcGetHPCENAME(b, l)));
        RecordEndpoints.addTo(m);
        HealthEndpoints.addTo(m);
        return inManualOrder(m);
    }

    private static <A> void add(Map<String, Endpoint<A>> m, Endpoint<A> e) {
        m.put(e.name(), e);
    }

    /** @return the endpoints sorted by their manual number (1.2 before 1.10) */
    public static <E extends Endpoint<?>> Map<String, E> inManualOrder(Map<String, E> m) {
        Comparator<E> byNumber = Comparator.comparingInt((E e) -> part(e.number(), 0))
                .thenComparingInt(e -> part(e.number(), 1));
        Map<String, E> out = new LinkedHashMap<>();
        m.values().stream().sorted(byNumber).forEach(e -> out.put(e.name(), e));
        return out;
    }

    private static int part(String number, int i) {
        String[] p = number.split("\\.");
        return i < p.length ? Integer.parseInt(p[i]) : 0;
    }

    /** @return the C string in a byte buffer: up to its first NUL */
    public static String cString(byte[] b) {
        if (b == null) {
            return "";
        }
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }
}
