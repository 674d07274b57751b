// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.opennhi.api.common.FacadeServlet;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.platform.HttpApi;
import org.opennhi.engine.CardEngine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jakarta.servlet.Servlet;

/**
 * {@code POST /v3/<function>} and {@code GET /v3/openapi.json} on the gateway's context. While this bundle is
 * stopped or being updated the gateway answers {@code /v3/*} itself (503, code 9005).
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/v3/*",
    "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class V3Servlet extends FacadeServlet {
    private static final long serialVersionUID = 1L;

    private final transient AtomicReference<PlatformEvents> events;

    @Activate
    public V3Servlet(@Reference CardEngine engine, @Reference PortGate port) {
        this(engine, port, new AtomicReference<>());
    }

    private V3Servlet(CardEngine engine, PortGate port, AtomicReference<PlatformEvents> events) {
        super(new V3Http(engine, V3Component.location(), port, events::get));
        this.events = events;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(PlatformEvents e) {
        events.set(e);
    }

    void unsetEvents(PlatformEvents e) {
        events.compareAndSet(e, null);
    }

}
