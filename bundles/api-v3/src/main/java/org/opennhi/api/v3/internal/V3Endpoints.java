// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import static org.opennhi.api.common.Endpoint.Param.integer;

import java.util.List;
import java.util.Map;

import org.opennhi.api.common.Endpoint;
import org.opennhi.api.common.Endpoint.Returns;
import org.opennhi.api.common.functions.CardEndpoints;
import org.opennhi.api.v3.CsHis30;

/**
 * Every function of the /v3 HTTP API, in the manual's order: the shared table with the 3.3 manual's titles, and
 * csOpenCom/csCloseCom as the 3.3 manual defines them (§1.31: COM n+1, 0 or −1).
 */
final class V3Endpoints {

    private V3Endpoints() {
    }

    static Map<String, Endpoint<CsHis30>> all() {
        Map<String, Endpoint<CsHis30>> m = CardEndpoints.shared(CardEndpoints.Manual.V3);
        m.put("csOpenCom", new Endpoint<>("csOpenCom", "1.31", "開啟讀卡機連結埠",
                List.of(integer("Comport", "0 = COM1, 1 = COM2 …; answers 0 or -1")), 0, List.of(), Returns.CODE,
                (api, in, b, l, x) -> api.csOpenCom(in.integer("Comport"))));
        m.put("csCloseCom", new Endpoint<>("csCloseCom", "1.32", "關閉讀卡機連結埠", List.of(), 0, List.of(),
                Returns.CODE, (api, in, b, l, x) -> api.csCloseCom()));
        return CardEndpoints.inManualOrder(m);
    }
}
