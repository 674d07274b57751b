package org.opennhi.api.v3.internal;

import java.util.Optional;

import org.opennhi.api.common.FacadeHttp;
import org.opennhi.api.v3.CsHis30;
import org.opennhi.engine.CardEngine;

/** The /v3 HTTP API: the shared JSON shape over the 3.5.x functions, one facade per request for its PINs. */
public final class V3Http extends FacadeHttp<CsHis30> {

    public V3Http(CardEngine engine, String location, PortGate port) {
        super("v3", "3.5.x", CsHis30.VERSION, V3Endpoints.all(),
                in -> new V3Facade(engine, () -> Optional.of(in.pins()), location, port));
    }
}
