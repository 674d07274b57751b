package org.opennhi.api.v5.internal;

import java.util.Optional;

import org.opennhi.api.common.FacadeHttp;
import org.opennhi.api.v5.CsHis;
import org.opennhi.engine.CardEngine;

/** The /v5 HTTP API: the shared JSON shape over the 5.1.x functions, one facade per request for its PINs. */
public final class V5Http extends FacadeHttp<CsHis> {

    public V5Http(CardEngine engine, String location) {
        super("v5", "5.1.x", V5Facade.VERSION, V5Endpoints.all(),
                in -> new V5Facade(engine, () -> Optional.of(in.pins()), location));
    }
}
