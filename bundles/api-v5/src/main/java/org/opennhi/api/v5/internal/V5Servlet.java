// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.opennhi.api.common.FacadeServlet;
import org.opennhi.api.v5.CsHis;
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
 * {@code POST /v5/<function>} and {@code GET /v5/openapi.json} on the gateway's context. While this bundle is
 * stopped or being updated the gateway answers {@code /v5/*} itself (503, code 9005).
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/v5/*",
    "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class V5Servlet extends FacadeServlet {
    private static final long serialVersionUID = 1L;

    private final transient AtomicReference<PlatformEvents> events;
    private final transient AtomicReference<CsHis> component;

    @Activate
    public V5Servlet(@Reference CardEngine engine) {
        this(engine, new AtomicReference<>(), new AtomicReference<>());
    }

    private V5Servlet(CardEngine engine, AtomicReference<PlatformEvents> events, AtomicReference<CsHis> component) {
        super(new V5Http(engine, V5Component.location(), events::get, port -> {
            CsHis c = component.get(); // the 5.1.x component looks in the NHI home (SamFolders)
            return c != null ? c.csOpenCom(port) : V5Facade.anyFolder(port);
        }));
        this.events = events;
        this.component = component;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setComponent(CsHis c) {
        component.set(c);
    }

    void unsetComponent(CsHis c) {
        component.compareAndSet(c, null);
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
