// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.opennhi.api.common.Endpoint.Param.integer;

import java.util.List;
import java.util.Map;

import org.opennhi.api.common.Endpoint.Param;
import org.opennhi.api.common.Endpoint.Returns;
import org.opennhi.api.common.Field;
import org.opennhi.api.common.functions.CardEndpoints;
import org.opennhi.api.v5.CsHis;

/** Every function of the HTTP API, in the manual's order: the shared table's, then what only 5.1.x has. */
final class V5Endpoints {
    private static final Param DATE_TIME = CardEndpoints.DATE_TIME;
    static final Param PATIENT_ID = CardEndpoints.PATIENT_ID;
    static final Param BIRTH = CardEndpoints.BIRTH;
    static final Param PIN = CardEndpoints.PIN;
    static final Param BUFFER_LEN = CardEndpoints.BUFFER_LEN;

    private V5Endpoints() {
    }

    static Map<String, org.opennhi.api.common.Endpoint<CsHis>> all() {
        Map<String, org.opennhi.api.common.Endpoint<CsHis>> m = CardEndpoints.shared(CardEndpoints.Manual.V5);
        add(m, new Endpoint("csOpenCom", "1.31", "開啟讀卡機連結埠", List.of(integer("Comport", "0 = COMX1 …")), 0,
                List.of(), Returns.CODE, (api, in, b, l, x) -> api.csOpenCom(in.integer("Comport"))));
        add(m, new Endpoint("csCloseCom", "1.32", "關閉讀卡機連結埠", List.of(), 0, List.of(), Returns.CODE,
                (api, in, b, l, x) -> api.csCloseCom()));
        add(m, new Endpoint("hisQuickInsurence", "1.55", "即時查保 (insurance check before taking a number)",
                List.of(), 0, List.of(), Returns.CODE, (api, in, b, l, x) -> api.hisQuickInsurence()));
        add(m, new Endpoint("hisGetTreatNumICCard", "1.56", "以就診日期時間取得就醫識別碼",
                List.of(DATE_TIME, PIN, BUFFER_LEN), 20, List.of(Field.text("treatmentId", 1, 20)), Returns.CODE,
                (api, in, b, l, x) -> api.hisGetTreatNumICCard(in.text("pDateTime"), b, l)));
        V5HealthEndpoints.addTo(m);
        return CardEndpoints.inManualOrder(m);
    }

    private static void add(Map<String, ? super Endpoint> m, Endpoint e) {
        m.put(e.name(), e);
    }
}
