// SPDX-License-Identifier: Apache-2.0
package org.opennhi.hpc.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.sam.HpcAuthorisation;
import org.opennhi.contracts.sam.SecureChannel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The platform's {@link HpcAuthorisation}: follows the HPC slot through reader events and the fast
 * authentication setting ({@code hpcFastAuth}, legacy {@code HPCFASTAUTH}) live.
 */
@Component(service = HpcAuthorisation.class, immediate = true,
        configurationPid = HpcConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HpcConfig.class)
public final class HpcAuthorisationService implements HpcAuthorisation {
    private final HpcGate gate;
    private volatile HpcConfig config;
    private volatile PlatformSettings settings;
    private volatile PlatformEvents events;
    /** Registered by hand: as a DS service it would make a cycle with the reader service it listens to. */
    private ServiceRegistration<ReaderEventListener> listener;

    @Activate
    public HpcAuthorisationService(@Reference ReaderService readers, HpcConfig config, BundleContext context) {
        this(readers, config, Clock.systemUTC());
        listener = context.registerService(ReaderEventListener.class, this::readerEvent, null);
    }

    @Deactivate
    void deactivate() {
        if (listener != null) {
            listener.unregister();
        }
    }

    HpcAuthorisationService(ReaderService readers, HpcConfig config, Clock clock) {
        this.config = config;
        this.gate = new HpcGate(clock, () -> readers.slot(Slot.HPC).cardPresent(), this::publish, false,
                Duration.ofHours(config.fastAuthHours()));
    }

    @Modified
    void modified(HpcConfig changed) {
        config = changed;
        apply();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedSettings")
    void bindSettings(PlatformSettings s) {
        settings = s;
        apply();
    }

    void updatedSettings(PlatformSettings s) {
        settings = s;
        apply();
    }

    void unbindSettings(PlatformSettings s) {
        // keep the last setting: a restarting settings component must not end anyone's authorisation
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEvents(PlatformEvents e) {
        events = e;
    }

    void unbindEvents(PlatformEvents e) {
        if (events == e) {
            events = null;
        }
    }

    private void apply() {
        PlatformSettings s = settings;
        gate.configure(s != null && s.hpcFastAuth(), Duration.ofHours(Math.max(1, config.fastAuthHours())));
    }

    private void publish(PlatformEvent e) {
        PlatformEvents sink = events;
        if (sink != null) {
            sink.publish(e);
        }
    }

    /** The HPC left its reader: without fast authentication its grant ends now. */
    void readerEvent(ReaderEvent event) {
        if (event.slot() == Slot.HPC && (event.type() == ReaderEvent.Type.CARD_REMOVED
                || event.type() == ReaderEvent.Type.READER_DETACHED)) {
            gate.hpcLeft();
        }
    }

    @Override
    public Grant verifyPin(CardSession hpcSession, SecureChannel channel, char[] pin) throws NhiException {
        return gate.verifyPin(hpcSession, channel, pin);
    }

    @Override
    public Grant require() throws NhiException {
        return gate.require();
    }

    @Override
    public Optional<Grant> current() {
        return gate.current();
    }

    @Override
    public void revoke() {
        gate.revoke();
    }
}
