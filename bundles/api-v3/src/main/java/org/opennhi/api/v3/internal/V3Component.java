// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import java.util.function.Supplier;

import org.opennhi.api.common.CallAudit;
import org.opennhi.api.v3.CsHis30;
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
 * The 3.5.x facade as OSGi services: {@link CsHis30} for Java callers and {@link Facade} for status pages. It
 * shares the csOpenCom state ({@link PortGate}) with {@code /v3}. The platform's PIN entry (the dedicated
 * reader's keypad or a dialog), when installed, answers the functions that ask for a PIN.
 */
@Component(service = {CsHis30.class, Facade.class})
public final class V3Component extends V3Facade implements Facade {
    private final AtomicReference<PinSource> platformPin;
    private final AtomicReference<PlatformEvents> events;

    @Activate
    public V3Component(@Reference CardEngine engine, @Reference PortGate port) {
        this(engine, port, new AtomicReference<>(), new AtomicReference<>());
    }

    private V3Component(CardEngine engine, PortGate port, AtomicReference<PinSource> pin,
            AtomicReference<PlatformEvents> events) {
        super(engine, () -> Optional.ofNullable(pin.get()), location(), port, audit(events::get));
        this.platformPin = pin;
        this.events = events;
    }

    /** @return the audit of the 3.5.x calls (facade {@code v3} for Java callers) */
    static CallAudit audit(Supplier<PlatformEvents> events) {
        return new CallAudit("v3", CallAudit.numbers(V3Endpoints.all()), events);
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
        return "v3";
    }

    @Override
    public String version() {
        return CsHis30.VERSION;
    }

    /** @return what csGetVersionEx reports as the loaded library's location */
    static String location() {
        return "opennhi:api-v3/" + CsHis30.VERSION;
    }
}
