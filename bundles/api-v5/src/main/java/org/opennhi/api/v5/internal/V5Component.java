// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import java.util.function.Supplier;

import org.opennhi.api.common.CallAudit;
import org.opennhi.api.v5.CsHis;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.platform.Facade;
import org.opennhi.engine.CardEngine;
import org.opennhi.engine.PinSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The 5.1.x facade as OSGi services: {@link CsHis} for Java callers and {@link Facade} for status pages. The
 * platform's PIN entry (a {@link PinSource} service: keypad or dialog), when installed, answers the functions
 * that pop a PIN dialog in the official DLL.
 */
@Component(service = {CsHis.class, Facade.class})
public final class V5Component extends V5Facade implements Facade {
    private final AtomicReference<PinSource> platformPin;
    private final AtomicReference<PlatformEvents> events;

    @Activate
    public V5Component(@Reference CardEngine engine) {
        this(engine, new AtomicReference<>(), new AtomicReference<>());
    }

    private V5Component(CardEngine engine, AtomicReference<PinSource> pin, AtomicReference<PlatformEvents> events) {
        super(engine, () -> Optional.ofNullable(pin.get()), location(), audit(events::get));
        this.platformPin = pin;
        this.events = events;
    }

    /** @return the audit of the 5.1.x calls (facade {@code v5} for Java callers) */
    static CallAudit audit(Supplier<PlatformEvents> events) {
        return new CallAudit("v5", CallAudit.numbers(V5Endpoints.all()), events);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(PlatformEvents e) {
        events.set(e);
    }

    void unsetEvents(PlatformEvents e) {
        events.compareAndSet(e, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPinSource(PinSource source) {
        platformPin.set(source);
    }

    void unsetPinSource(PinSource source) {
        platformPin.compareAndSet(source, null);
    }

    @Override
    public String name() {
        return "v5";
    }

    @Override
    public String version() {
        return V5Facade.VERSION;
    }

    /** @return what csGetVersionEx reports as the loaded library's location */
    static String location() {
        return "opennhi:api-v5/" + V5Facade.VERSION;
    }
}
