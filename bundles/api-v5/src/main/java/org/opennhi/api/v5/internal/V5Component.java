// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.opennhi.api.common.CallAudit;
import org.opennhi.api.v5.CsHis;
import org.opennhi.contracts.platform.Facade;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.engine.CardEngine;
import org.opennhi.engine.PinSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.LoggerFactory;

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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NhiHome home;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlatformSettings settings;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configAdmin;

    /** In the platform, 5.1.3 §1.31 to the letter: the port opens its SAM folder ({@link SamFolders}). */
    @Override
    public int csOpenCom(int comport) {
        NhiHome h = home;
        PlatformSettings s = settings;
        if (h == null || s == null) {
            return super.csOpenCom(comport);
        }
        return new SamFolders(h::samFolder, s, this::useSamPort).open(comport);
    }

    /** The SAM service follows the setting, as after the legacy {@code [CS] COM=}; csVerifySAMDC reads the file. */
    private void useSamPort(String port) {
        ConfigurationAdmin cm = configAdmin;
        if (cm == null) {
            return;
        }
        try {
            Configuration c = cm.getConfiguration(PlatformSettings.PID, "?");
            Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
            props.put("samPort", port);
            c.updateIfDifferent(props);
        } catch (IOException e) {
            LoggerFactory.getLogger(V5Component.class).warn("csOpenCom could not make {} the SAM folder: {}", port,
                    e.toString());
        }
    }

    @Override
    public String name() {
        return "v5";
    }

    @Override
    public String version() {
        return V5Facade.VERSION;
    }

    /**
     * What csGetVersionEx writes into pPath outside the native library, which writes its own file (1.51: the
     * loaded library's path): the file of this bundle, which holds the 5.1.x functions; outside a framework, or
     * for a bundle not installed from a file, {@code opennhi:api-v5/<version>}.
     */
    static String location() {
        Bundle bundle = FrameworkUtil.getBundle(V5Component.class);
        String where = bundle == null ? "" : bundle.getLocation();
        where = where.startsWith("reference:") ? where.substring("reference:".length()) : where;
        try {
            if (where.startsWith("file:")) {
                return Path.of(URI.create(where)).toAbsolutePath().toString();
            }
        } catch (RuntimeException e) {
            // a location that names no file: the facade's name below
        }
        return "opennhi:api-v5/" + V5Facade.VERSION;
    }
}
