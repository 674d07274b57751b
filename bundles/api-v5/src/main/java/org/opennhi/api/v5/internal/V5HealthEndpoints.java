// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.opennhi.api.common.Endpoint.Param.integer;
import static org.opennhi.api.common.Endpoint.Param.text;
import static org.opennhi.api.v5.internal.V5Endpoints.BIRTH;
import static org.opennhi.api.v5.internal.V5Endpoints.BUFFER_LEN;
import static org.opennhi.api.v5.internal.V5Endpoints.PATIENT_ID;
import static org.opennhi.api.v5.internal.V5Endpoints.PIN;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.opennhi.api.common.Endpoint.Returns;
import org.opennhi.api.common.Field;
import org.opennhi.api.common.Request;

/** The HTTP API's health data writes (1.19–1.26, 1.46) and uploads (3.1–3.3). */
final class V5HealthEndpoints {
    private static final List<Field> UPLOAD = List.of(Field.text("samId", 1, 12), Field.text("hospitalId", 13, 22),
            Field.text("uploadDateTime", 23, 36), Field.text("receiveDateTime", 37, 50));

    private V5HealthEndpoints() {
    }

    static void addTo(Map<String, ? super Endpoint> m) {
        add(m, new Endpoint("hisWriteNewBorn", "1.19", "新生兒註記寫入作業", List.of(PATIENT_ID, BIRTH,
                text("pNewBornDate", "新生兒出生日期, ROC YYYMMDD (7)"), text("pNoOfDelivered", "胞胎註記 (1)"), PIN),
                0, List.of(), Returns.CODE, (api, in, b, l, x) -> api.hisWriteNewBorn(in.text("pPatientID"),
                        in.text("pPatientBirthDate"), in.text("pNewBornDate"), in.text("pNoOfDelivered"))));
        add(m, new Endpoint("hisWriteAllergicMedicines", "1.20", "過敏藥物寫入作業 (needs the HPC)",
                List.of(PATIENT_ID, BIRTH, text("pDataWrite", "過敏藥物 slots 1–3, 40 bytes each (120)"), PIN), 0,
                List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    byte[] doc = new byte[11];
                    int rc = api.hisWriteAllergicMedicines(in.text("pPatientID"), in.text("pPatientBirthDate"),
                            in.text("pDataWrite"), doc);
                    x.put("pBufferDocID", V5Endpoints.cString(doc));
                    return rc;
                }));
        add(m, new Endpoint("hisWriteOrganDonate", "1.21", "同意器官捐贈及安寧緩和醫療註記寫入作業",
                List.of(PATIENT_ID, BIRTH, text("pOrganDonate", "器官捐贈/安寧註記 (1)"), PIN), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> api.hisWriteOrganDonate(in.text("pPatientID"),
                        in.text("pPatientBirthDate"), in.text("pOrganDonate"))));
        add(m, new Endpoint("hisWriteHealthInsurance", "1.22", "預防保健資料寫入作業",
                List.of(PATIENT_ID, BIRTH, text("pServiceItem", "保健服務項目註記 (2)"),
                        text("pServiceItemCode", "檢查項目代碼 (2)"), PIN), 0, List.of(), Returns.CODE,
                (api, in, b, l, x) -> api.hisWriteHealthInsurance(in.text("pPatientID"), in.text("pPatientBirthDate"),
                        in.text("pServiceItem"), in.text("pServiceItemCode"))));
        add(m, new Endpoint("hisWriteEmergentTel", "1.23", "緊急聯絡電話資料寫入作業",
                List.of(PATIENT_ID, BIRTH, text("pEmergentTel", "緊急聯絡電話 (up to 14)"), PIN), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> api.hisWriteEmergentTel(in.text("pPatientID"),
                        in.text("pPatientBirthDate"), in.text("pEmergentTel"))));
        add(m, new Endpoint("hisWritePredeliveryCheckup", "1.24", "寫入產前檢查資料 (women only)",
                List.of(PATIENT_ID, BIRTH, text("pCheckupCode", "檢查項目代碼 (2)"), PIN), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> api.hisWritePredeliveryCheckup(in.text("pPatientID"),
                        in.text("pPatientBirthDate"), in.text("pCheckupCode"))));
        add(m, new Endpoint("hisDeletePredeliveryData", "1.25", "清除產前檢查資料 (women only)",
                List.of(PATIENT_ID, BIRTH, PIN), 0, List.of(), Returns.CODE,
                (api, in, b, l, x) -> api.hisDeletePredeliveryData(in.text("pPatientID"),
                        in.text("pPatientBirthDate"))));
        add(m, new Endpoint("hisWriteInoculateData", "1.26", "預防接種資料寫入作業",
                List.of(PATIENT_ID, BIRTH, text("pItem", "疫苗種類 (up to 6)"),
                        text("pPackageNumber", "疫苗批號 (up to 12)"), PIN), 0, List.of(), Returns.CODE,
                (api, in, b, l, x) -> api.hisWriteInoculateData(in.text("pPatientID"), in.text("pPatientBirthDate"),
                        in.text("pItem"), in.text("pPackageNumber"))));
        add(m, new Endpoint("csUpdateHCContents", "1.30", "健保 IC 卡卡片內容更新作業 (from the IDC)", List.of(PIN), 0,
                List.of(), Returns.CODE, (api, in, b, l, x) -> api.csUpdateHCContents()));
        add(m, new Endpoint("csUpdateHCNoReset", "1.40", "健保 IC 卡卡片內容更新作業, no reset (re-insert the card)",
                List.of(PIN), 0, List.of(), Returns.CODE, (api, in, b, l, x) -> api.csUpdateHCNoReset()));
        add(m, new Endpoint("hisWriteAllergicNum", "1.46", "過敏藥物寫入指定欄位作業 (needs the HPC)",
                List.of(PATIENT_ID, BIRTH, text("pDataWrite", "one 過敏藥物 entry (40)"),
                        integer("iNum", "the slot, 1 to 3"), PIN), 0, List.of(), Returns.CODE, (api, in, b, l, x) -> {
                    byte[] doc = new byte[11];
                    int rc = api.hisWriteAllergicNum(in.text("pPatientID"), in.text("pPatientBirthDate"),
                            in.text("pDataWrite"), doc, in.integer("iNum"));
                    x.put("pBufferDocID", V5Endpoints.cString(doc));
                    return rc;
                }));
        add(m, new Endpoint("csUploadData", "3.1", "資料上傳 (a file on this machine to the IDC)",
                List.of(text("pUploadFileName", "the file's full path"), text("pFileSize", "its size in bytes"),
                        text("pNumber", "its record count"), BUFFER_LEN), 50, UPLOAD, Returns.CODE,
                (api, in, b, l, x) -> upload(api, in, b, l, x, null)));
        add(m, new Endpoint("csUploadDataPrec", "3.2", "資料上傳 with 處方筆數; returns the server random for 3.3",
                List.of(text("pUploadFileName", "the file's full path"), text("pFileSize", "its size in bytes"),
                        text("pNumber", "its record count"), text("pPrecNumber", "its prescription count"),
                        BUFFER_LEN), 180, Field.concat(UPLOAD, List.of(Field.text("serverRandom", 51, 180))),
                Returns.CODE, (api, in, b, l, x) -> upload(api, in, b, l, x, in.text("pPrecNumber"))));
        add(m, new Endpoint("csDownloadData", "3.3", "檢核錯誤報表資料自動下載 (saved on this machine)",
                List.of(text("pSAMID", "安全模組代碼 (12)"), text("pHospID", "醫事服務機構代碼 (10)"),
                        text("pNumber", "the upload's record count"),
                        text("pSendDate", "上傳日期時間 yyyyMMddHHmmss (14)"),
                        text("pRecvDate", "接收日期時間 yyyyMMddHHmmss (14)"),
                        text("pServerRandom", "from csUploadDataPrec (130)")), 0, List.of(), Returns.CODE,
                (api, in, b, l, x) -> {
                    byte[] path = new byte[1024];
                    int rc = api.csDownloadData(in.text("pSAMID"), in.text("pHospID"), in.text("pNumber"),
                            in.text("pSendDate"), in.text("pRecvDate"), in.text("pServerRandom"), path);
                    x.put("pDownloadFileName", new String(path, 0, len(path), StandardCharsets.UTF_8));
                    return rc;
                }));
    }

    private static int upload(org.opennhi.api.v5.CsHis api, Request in, byte[] b, int[] l, Map<String, Object> x,
            String prescriptions) throws Endpoint.BadRequest {
        byte[] size = cBuffer(in.text("pFileSize"));
        byte[] number = cBuffer(in.text("pNumber"));
        int rc = prescriptions == null ? api.csUploadData(in.text("pUploadFileName"), size, number, b, l)
                : api.csUploadDataPrec(in.text("pUploadFileName"), size, number, prescriptions, b, l);
        x.put("pFileSize", V5Endpoints.cString(size));
        x.put("pNumber", V5Endpoints.cString(number));
        return rc;
    }

    /** An in/out C string with room for a 20-digit answer. */
    private static byte[] cBuffer(String value) {
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[Math.max(21, v.length + 1)];
        System.arraycopy(v, 0, b, 0, v.length);
        return b;
    }

    private static int len(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return n;
    }

    private static void add(Map<String, ? super Endpoint> m, Endpoint e) {
        m.put(e.name(), e);
    }
}
