// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.opennhi.api.common.Endpoint.Param.text;
import static org.opennhi.api.v5.internal.V5Endpoints.BUFFER_LEN;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.opennhi.api.common.Endpoint.Returns;
import org.opennhi.api.common.Field;
import org.opennhi.api.common.functions.HealthEndpoints;

/** The HTTP API's uploads only 5.1.x has (3.2, 3.3); 3.1 and the health data writes are shared. */
final class V5HealthEndpoints {

    private V5HealthEndpoints() {
    }

    static void addTo(Map<String, ? super Endpoint> m) {
        add(m, new Endpoint("csUploadDataPrec", "3.2", "資料上傳 with 處方筆數; returns the server random for 3.3",
                List.of(text("pUploadFileName", "the file's full path"), text("pFileSize", "its size in bytes"),
                        text("pNumber", "its record count"), text("pPrecNumber", "its prescription count"),
                        BUFFER_LEN), 180,
                Field.concat(HealthEndpoints.UPLOAD, List.of(Field.text("serverRandom", 51, 180))),
                Returns.CODE, (api, in, b, l, x) -> HealthEndpoints.upload(in, x, (size, number) ->
                        api.csUploadDataPrec(in.text("pUploadFileName"), size, number, in.text("pPrecNumber"), b,
                                l))));
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
