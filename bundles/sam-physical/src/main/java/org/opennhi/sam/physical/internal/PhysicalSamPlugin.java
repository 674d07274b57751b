// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.physical.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.opennhi.contracts.platform.Listeners;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.Plugins;
import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamPlugin;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SamStatusListener;
import org.opennhi.contracts.sam.SecureChannel;
import org.opennhi.contracts.sam.SignatureType;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The physical SAM (安全模組卡): the SAM card in the reader's SAM slot, whichever reader type offers one (the
 * dedicated reader's SAM slot, or a PC/SC reader holding a SAM card). Starts with whatever is there; when a
 * SAM card arrives it is read and, unless configured otherwise, authenticated with the IDC in the background.
 */
@Component(service = SamPlugin.class, immediate = true,
        configurationPid = PhysicalSamConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = SamPlugin.MODE_PROPERTY + "=" + PlatformSettings.SAM_MODE_PHYSICAL)
@Designate(ocd = PhysicalSamConfig.class)
@Header(name = Plugins.HEADER, value = "sam")
public final class PhysicalSamPlugin implements SamPlugin {
    private static final Logger LOG = LoggerFactory.getLogger(PhysicalSamPlugin.class);
    static final String DEFAULT_CA_FILE = "idc-ca.pem";

    private final NhiHome home;
    private final Listeners<SamStatusListener> listeners = new Listeners<>();
    /** Background reading, authentication and notifications, off the caller's and the reader's threads. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "opennhi-sam-physical");
        t.setDaemon(true);
        return t;
    });
    private final PhysicalSam sam;
    private volatile PhysicalSamConfig config;
    /** Registered by hand: as a DS service it would make a cycle with the reader service it listens to. */
    private final ServiceRegistration<ReaderEventListener> listener;

    @Activate
    public PhysicalSamPlugin(@Reference NhiHome home, @Reference ReaderService readers, PhysicalSamConfig config,
            BundleContext context) {
        this.home = home;
        this.config = config;
        this.sam = new PhysicalSam(readers, settings(config), Clock.systemUTC(), this::tell);
        this.listener = context.registerService(ReaderEventListener.class, this::readerEvent, null);
        worker.execute(() -> background("start"));
    }

    @Modified
    void modified(PhysicalSamConfig changed) {
        config = changed;
        sam.configure(settings(changed));
        worker.execute(() -> background("new settings"));
    }

    @Deactivate
    void deactivate() {
        listener.unregister();
        worker.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(SamStatusListener l) {
        listeners.add(l);
    }

    void removeListener(SamStatusListener l) {
        listeners.remove(l);
    }

    /** A SAM card that leaves takes its channels and session with it; a new one is read and authenticated. */
    void readerEvent(ReaderEvent event) {
        if (event.slot() != Slot.SAM && event.slot() != null) {
            return;
        }
        switch (event.type()) {
            case CARD_REMOVED, READER_DETACHED -> sam.cardLeft("the SAM card left its slot");
            case CARD_INSERTED -> {
                sam.cardLeft("a new card in the SAM slot");
                worker.execute(() -> background("insertion"));
            }
            default -> {
                // attach and status changes: the next call looks at the slot
            }
        }
    }

    @Override
    public SamStatus status() {
        return sam.status();
    }

    @Override
    public Optional<SamIdentity> identity() {
        return sam.identity();
    }

    @Override
    public void authenticateWithIdc(Progress progress) throws NhiException {
        sam.authenticate(progress == null ? Progress.NONE : progress);
    }

    @Override
    public SecureChannel authenticateCard(CardSession session, String cardNumber) throws NhiException {
        return sam.authenticateCard(session, cardNumber);
    }

    @Override
    public byte[] sign(SignatureType type, byte[] data) throws NhiException {
        return sam.sign(type, data);
    }

    @Override
    public String callIdc(String route, String jsonBody) throws NhiException {
        return sam.forward(route, jsonBody);
    }

    private PhysicalSamSettings settings(PhysicalSamConfig c) {
        Path ca = c.caFile().isBlank() ? home.iniFolder().resolve(DEFAULT_CA_FILE) : Path.of(c.caFile());
        String url = c.idcUrl().endsWith("/") ? c.idcUrl().substring(0, c.idcUrl().length() - 1) : c.idcUrl();
        return new PhysicalSamSettings(home.iniFolder(), URI.create(url), ca,
                Duration.ofMillis(Math.max(100, c.connectTimeoutMillis())),
                Duration.ofMillis(Math.max(100, c.answerTimeoutMillis())), Duration.ofMillis(Math.max(0,
                        c.samWaitMillis())));
    }

    private void background(String why) {
        try {
            if (sam.refresh() == SamStatus.NOT_AUTHENTICATED && config.authenticateOnInsert()) {
                sam.authenticate(Progress.NONE);
            }
        } catch (NhiException e) {
            LOG.info("Physical SAM {}: not authenticated: {}", why, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Physical SAM {} failed", why, e);
        }
    }

    private void tell(SamStatus status, String detail) {
        LOG.info("Physical SAM status {} ({}): {}", status.legacyValue(), status, detail);
        try {
            worker.execute(() -> listeners.tell(l -> l.samStatusChanged(status, detail),
                    e -> LOG.warn("A SAM status listener failed", e)));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }
}
