// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common.functions;

import static org.opennhi.api.common.Endpoint.Param.integer;
import static org.opennhi.api.common.Endpoint.Param.text;
import static org.opennhi.api.common.functions.CardEndpoints.BIRTH;
import static org.opennhi.api.common.functions.CardEndpoints.BUFFER_LEN;
import static org.opennhi.api.common.functions.CardEndpoints.PATIENT_ID;
import static org.opennhi.api.common.functions.CardEndpoints.PIN;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.opennhi.api.common.CardApi;
import org.opennhi.api.common.Endpoint;
import org.opennhi.api.common.Endpoint.Returns;
import org.opennhi.api.common.Field;
import org.opennhi.api.common.Request;

/** The HTTP endpoints of the health data writes (1.19–1.26, 1.30, 1.40, 1.46) and upload (3.1) both manuals define. */
public final class HealthEndpoints {
    /** 3.1's reply (5.1.3 and 3.3 manual §3.1: 50 bytes). */
    public static final List<Field> UPLOAD = List.of(Field.text("samId", 1, 12), Field.text("hospitalId", 13, 22),
            Field.text("uploadDateTime", 23, 36), Field.text("receiveDateTime", 37, 50));

    private HealthEndpoints() {
    }

    static <A extends CardApi> void addTo(Map<String, Endpoint<A>> m) {
        add(m, new Endpoint<A>("hisWriteNewBorn", "1.19", "新生兒註記寫入作業", List.of(PATIENT_ID, BIRTH,
                text("pNewBornDate", "新生兒出生日期, ROC YYYMMDD (7)"), text("pNoOfDelivered", "胞胎註記 (1)"), PIN),
                0, List.of(), Returns.CODE, (api, in, b, l, x) -> api.hisWriteNewBorn(in.text("pPatientID"),
                        in.text("pPatientBirthDate"), in.text("pNewBornDate"), in.text("pNoOfDelivered"))));
        add(m, new Endpoint<A>("hisWriteAllergicMedicines", "1.20", "過敏藥物寫入作業 (needs the HPC)",
                List.of(PATIENT_ID, BIRTH, text("pDataWrite", "過敏藥物 slots 1–3, 40 bytes each (120)"), PIN), 0,
                List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    byte[] doc = new byte[11];
                    int rc = api.hisWriteAllergicMedicines(in.text("pPatientID"), in.text("pPatientBirthDate"),
                            in.text("pDataWrite"), doc);
                    x.put("pBufferDocID", CardEndpoints.cString(doc));
                    return rc;
                }));
        add(m, new Endpoint<A>("hisWriteOrganDonate", "1.21", "同意器官捐贈及安寧緩和醫療註記寫入作業",
                List.of(PATIENT_ID, BIRTH, text("pOrganDonate", "器官捐贈/安寧註記 (1)"), PIN), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> api.hisWriteOrganDonate(in.text("pPatientID"),
                        in.text("pPatientBirthDate"), in.text("pOrganDonate"))));
        add(m, new Endpoint<A>("hisWriteHealthInsurance", "1.22", "預防保健資料寫入作業",
                List.of(PATIENT_ID, BIRTH, text("pServiceItem", "保健服務項目註記 (2)"),
                        text("pServiceItemCode", "檢查項目代碼 (2)"), PIN), 0, List.of(), Returns.CODE,
                (api, in, b, l, x) -> api.hisWriteHealthInsurance(in.text("pPatientID"), in.text("pPatientBirthDate"),
                        in.text("pServiceItem"), in.text("pServiceItemCode"))));
        add(m, new Endpoint<A>("hisWriteEmergentTel", "1.23", "緊急聯絡電話資料寫入作業",
                List.of(PATIENT_ID, BIRTH, text("pEmergentTel", "緊急聯絡電話 (up to 14)"), PIN), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> api.hisWriteEmergentTel(in.text("pPatientID"),
                        in.text("pPatientBirthDate"), in.text("pEmergentTel"))));
        add(m, new Endpoint<A>("hisWritePredeliveryCheckup", "1.24", "寫入產前檢查資料 (women only)",
                List.of(PATIENT_ID, BIRTH, text("pCheckupCode", "檢查項目代碼 (2)"), PIN), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> api.hisWritePredeliveryCheckup(in.text("pPatientID"),
                        in.text("pPatientBirthDate"), in.text("pCheckupCode"))));
        add(m, new Endpoint<A>("hisDeletePredeliveryData", "1.25", "清除產前檢查資料 (women only)",
                List.of(PATIENT_ID, BIRTH, PIN), 0, List.of(), Returns.CODE,
                (api, in, b, l, x) -> api.hisDeletePredeliveryData(in.text("pPatientID"),
                        in.text("pPatientBirthDate"))));
        add(m, new Endpoint<A>("hisWriteInoculateData", "1.26", "預防接種資料寫入作業",
                List.of(PATIENT_ID, BIRTH, text("pItem", "疫苗種類 (up to 6)"),
                        text("pPackageNumber", "疫苗批號 (up to 12)"), PIN), 0, List.of(), Returns.CODE,
                (api, in, b, l, x) -> api.hisWriteInoculateData(in.text("pPatientID"), in.text("pPatientBirthDate"),
                        in.text("pItem"), in.text("pPackageNumber"))));
        add(m, new Endpoint<A>("csUpdateHCContents", "1.30", "健保 IC 卡卡片內容更新作業 (from the IDC)", List.of(PIN), 0,
                List.of(), Returns.CODE, (api, in, b, l, x) -> api.csUpdateHCContents()));
        add(m, new Endpoint<A>("csUpdateHCNoReset", "1.40", "健保 IC 卡卡片內容更新作業, no reset (re-insert the card)",
                List.of(PIN), 0, List.of(), Returns.CODE, (api, in, b, l, x) -> api.csUpdateHCNoReset()));
        add(m, new Endpoint<A>("hisWriteAllergicNum", "1.46", "過敏藥物寫入指定欄位作業 (needs the HPC)",
                List.of(PATIENT_ID, BIRTH, text("pDataWrite", "one 過敏藥物 entry (40)"),
                        integer("iNum", "the slot, 1 to 3"), PIN), 0, List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    byte[] doc = new byte[11];
                    int rc = api.hisWriteAllergicNum(in.text("pPatientID"), in.text("pPatientBirthDate"),
                            in.text("pDataWrite"), doc, in.integer("iNum"));
                    x.put("pBufferDocID", CardEndpoints.cString(doc));
                    return rc;
                }));
        add(m, new Endpoint<A>("csUploadData", "3.1", "資料上傳 (a file on this machine to the IDC)",
                List.of(text("pUploadFileName", "the file's full path"), text("pFileSize", "its size in bytes"),
                        text("pNumber", "its record count"), BUFFER_LEN), 50, UPLOAD, Returns.CODE,
                (api, in, b, l, x) -> upload(in, x, (size, number) -> api.csUploadData(in.text("pUploadFileName"),
                        size, number, b, l))));
    }

    /** An upload call (3.1, and 5.1.x's 3.2) given the in/out C strings pFileSize and pNumber. */
    @FunctionalInterface
    public interface Upload {
        int call(byte[] size, byte[] number) throws Endpoint.BadRequest;
    }

    /** Runs an upload with the body's pFileSize and pNumber; the IDC's size and count go back under their names. */
    public static int upload(Request in, Map<String, Object> x, Upload call) throws Endpoint.BadRequest {
        byte[] size = cBuffer(in.text("pFileSize"));
        byte[] number = cBuffer(in.text("pNumber"));
        int rc = call.call(size, number);
        x.put("pFileSize", CardEndpoints.cString(size));
        x.put("pNumber", CardEndpoints.cString(number));
        return rc;
    }

    /** An in/out C string with room for a 20-digit answer. */
    private static byte[] cBuffer(String value) {
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[Math.max(21, v.length + 1)];
        System.arraycopy(v, 0, b, 0, v.length);
        return b;
    }

    private static <A> void add(Map<String, Endpoint<A>> m, Endpoint<A> e) {
        m.put(e.name(), e);
    }
}
