// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import java.util.Optional;

import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

import org.opennhi.api.common.CallAudit;
import org.opennhi.api.common.FacadeHttp;
import org.opennhi.api.common.Request;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.api.v5.CsHis;
import org.opennhi.engine.CardEngine;

/** The /v5 HTTP API: the shared JSON shape over the 5.1.x functions, one facade per request for its PINs. */
public final class V5Http extends FacadeHttp<CsHis> {

    public V5Http(CardEngine engine, String location) {
        this(engine, location, () -> null);
    }

    /** @param events where the calls' audit records go (may answer null) */
    public V5Http(CardEngine engine, String location, Supplier<PlatformEvents> events) {
        this(engine, location, events, V5Facade::anyFolder);
    }

    /** @param openCom what csOpenCom does (in the platform: the 5.1.x component's, which looks in the home) */
    V5Http(CardEngine engine, String location, Supplier<PlatformEvents> events, IntUnaryOperator openCom) {
        super("v5", "5.1.x", V5Facade.VERSION, V5Endpoints.all(), facade(engine, location, events, openCom));
    }

    private static Function<Request, CsHis> facade(CardEngine engine, String location,
            Supplier<PlatformEvents> events, IntUnaryOperator openCom) {
        CallAudit audit = V5Component.audit(events);
        return in -> new V5Facade(engine, () -> Optional.of(in.pins()), location, audit, openCom);
    }
}
