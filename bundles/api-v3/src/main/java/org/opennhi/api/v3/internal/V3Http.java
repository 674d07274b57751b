// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import java.util.Optional;

import java.util.function.Function;
import java.util.function.Supplier;

import org.opennhi.api.common.CallAudit;
import org.opennhi.api.common.FacadeHttp;
import org.opennhi.api.common.Request;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.api.v3.CsHis30;
import org.opennhi.engine.CardEngine;

/** The /v3 HTTP API: the shared JSON shape over the 3.5.x functions, one facade per request for its PINs. */
public final class V3Http extends FacadeHttp<CsHis30> {

    public V3Http(CardEngine engine, String location, PortGate port) {
        this(engine, location, port, () -> null);
    }

    /** @param events where the calls' audit records go (may answer null) */
    public V3Http(CardEngine engine, String location, PortGate port, Supplier<PlatformEvents> events) {
        super("v3", "3.5.x", CsHis30.VERSION, V3Endpoints.all(), facade(engine, location, port, events));
    }

    private static Function<Request, CsHis30> facade(CardEngine engine, String location, PortGate port,
            Supplier<PlatformEvents> events) {
        CallAudit audit = V3Component.audit(events);
        return in -> new V3Facade(engine, () -> Optional.of(in.pins()), location, port, audit);
    }
}
