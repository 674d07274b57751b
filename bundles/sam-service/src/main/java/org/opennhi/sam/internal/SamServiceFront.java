// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opennhi.card.crypto.CardApplets;
import org.opennhi.contracts.platform.Environment;
import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.PluginRegistry;
import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamPlugin;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SecureChannel;
import org.opennhi.contracts.sam.SignatureType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link SamService}. Every call goes to the SAM plugin of the configured mode (cloud or physical), so
 * switching mode is a configuration change: a call already running finishes on the plugin it started on, the
 * next one uses the new plugin. Before any card authentication it checks that SAM and cards belong to the same
 * environment (docs/sam-plugins.md) and refuses a mix with 9203 — a check no plugin can forget. Likewise, while the audit log
 * cannot be written ({@link PlatformEvents#auditFailure}), what changes a card or reaches the IDC with data — a
 * protected card write, a signature, an IDC call — is refused with 6016 rather than done unaudited; reads, SAM
 * and card authentication go on (docs/card-engine.md, "Audit"). As the reader service does, it guards every
 * plugin call: a plugin that throws, even an {@link Error}, answers 4012 or status 0 and never takes the
 * service down.
 */
@Component(service = {SamService.class, ReaderEventListener.class}, immediate = true)
public final class SamServiceFront implements SamService, ReaderEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(SamServiceFront.class);

    /** The plugin serving now and the mode it was picked for. */
    private record Active(SamPlugin plugin, String mode) {
    }

    /** One call into a plugin. */
    @FunctionalInterface
    private interface PluginCall<T> {
        T call(SamPlugin plugin) throws NhiException;
    }

    private final PluginRegistry<SamPlugin> plugins = new PluginRegistry<>(SamPlugin.MODE_PROPERTY);
    private final MixGuard guard = new MixGuard();
    private volatile String selectedMode = PlatformSettings.SAM_MODE_CLOUD;
    private volatile Active active;
    private volatile PlatformEvents events;

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

    private void publish(PlatformEvent.Type type, Slot slot, ResultCode code, String detail) {
        PlatformEvents e = events;
        if (e != null) {
            e.publish(new PlatformEvent(type, Optional.ofNullable(slot), code.code(), detail, Instant.now()));
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPlugin(SamPlugin plugin, Map<String, Object> props) {
        if (plugins.add(plugin, props).isEmpty()) {
            LOG.warn("Ignoring a SAM plugin without the {} property: {}", SamPlugin.MODE_PROPERTY, plugin);
            return;
        }
        reselect();
    }

    void unbindPlugin(SamPlugin plugin) {
        plugins.remove(plugin);
        reselect();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedSettings")
    void bindSettings(PlatformSettings settings) {
        updatedSettings(settings);
    }

    void updatedSettings(PlatformSettings settings) {
        selectedMode = settings.samMode();
        reselect();
    }

    void unbindSettings(PlatformSettings settings) {
        // keep the last mode: a settings restart must not drop the SAM
    }

    private synchronized void reselect() {
        String mode = selectedMode;
        SamPlugin next = plugins.preferred(mode).orElse(null);
        Active now = active;
        if (now == null ? next != null : now.plugin() != next) {
            active = next == null ? null : new Active(next, mode);
            LOG.info("SAM service now uses {}", next == null ? "no plugin (mode " + mode + ")" : mode);
        }
    }

    /** A card that leaves its reader no longer counts for the HC/HPC environment check. */
    @Override
    public void readerEvent(ReaderEvent event) {
        if (event.type() == ReaderEvent.Type.CARD_REMOVED && event.slot() != null) {
            guard.left(event.slot());
        }
    }

    // --- SamService --------------------------------------------------------------------------------------

    @Override
    public String mode() {
        return selectedMode;
    }

    @Override
    public SamStatus status() {
        Active a = active;
        if (a == null) {
            return SamStatus.ABSENT;
        }
        try {
            SamStatus status = a.plugin().status();
            return status == null ? SamStatus.ABSENT : status;
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("The {} SAM plugin failed to tell its status: {}", a.mode(), e.toString());
            return SamStatus.ABSENT;
        }
    }

    @Override
    public Optional<SamIdentity> identity() {
        Active a = active;
        if (a == null) {
            return Optional.empty();
        }
        try {
            Optional<SamIdentity> id = a.plugin().identity();
            return id == null ? Optional.empty() : id;
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("The {} SAM plugin failed to tell its identity: {}", a.mode(), e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void authenticateWithIdc(Progress progress) throws NhiException {
        Active a = active();
        String sam = identity().map(id -> "SAM " + PlatformEvent.mask(id.samId())).orElse("SAM");
        try {
            call(a, p -> {
                p.authenticateWithIdc(progress);
                return null;
            });
            publish(PlatformEvent.Type.SAM_AUTHENTICATION, null, ResultCode.SUCCESS, sam + " (" + a.mode()
                    + ") authenticated with the IDC");
        } catch (NhiException e) {
            publish(PlatformEvent.Type.SAM_AUTHENTICATION, null, e.result(), sam + " (" + a.mode()
                    + ") not authenticated: " + e.result().describe());
            throw e;
        }
    }

    @Override
    public SecureChannel authenticateCard(CardSession session) throws NhiException {
        active();
        samEnvironment();
        refuseSamSlot(session);
        return authenticateCard(session, CardApplets.identify(session).cardNumber());
    }

    @Override
    public SecureChannel authenticateCard(CardSession session, String cardNumber) throws NhiException {
        Active a = active();
        Environment sam = samEnvironment();
        refuseSamSlot(session);
        Environment card = Environment.ofId(cardNumber).orElseThrow(() -> new NhiException(
                session.slot() == Slot.HC ? ResultCode.NOT_AN_HC : ResultCode.NOT_AN_HPC,
                "the card number names neither test nor production"));
        String what = session.slot() + " " + PlatformEvent.mask(cardNumber) + " with the " + a.mode() + " SAM";
        try {
            guard.check(session.slot(), card, sam);
            SecureChannel channel = call(a, p -> p.authenticateCard(session, cardNumber));
            guard.authenticated(session.slot(), card);
            publish(PlatformEvent.Type.CARD_AUTHENTICATION, session.slot(), ResultCode.SUCCESS, what
                    + " authenticated");
            return channel == null ? null : new AuditedChannel(channel);
        } catch (NhiException e) {
            publish(PlatformEvent.Type.CARD_AUTHENTICATION, session.slot(), e.result(), what + " refused: "
                    + e.result().describe());
            throw e;
        }
    }

    @Override
    public String offlineTreatmentId(LocalDateTime visit, String idNumber) throws NhiException {
        return call(active(), p -> p.offlineTreatmentId(visit, idNumber));
    }

    @Override
    public String callIdc(String route, String jsonBody) throws NhiException {
        requireAudit("an IDC call");
        return call(active(), p -> p.callIdc(route, jsonBody));
    }

    @Override
    public byte[] sign(SignatureType type, byte[] data) throws NhiException {
        requireAudit("a signature");
        return call(active(), p -> p.sign(type, data));
    }

    /** @throws NhiException 6016 while the audit log cannot be written: the call would go unaudited */
    private void requireAudit(String what) throws NhiException {
        PlatformEvents e = events;
        Optional<String> failure = e == null ? Optional.empty() : e.auditFailure();
        if (failure.isPresent()) {
            throw new NhiException(ResultCode.OUT_OF_MEMORY, what + " is refused while the audit log cannot be"
                    + " written (" + failure.get() + ")");
        }
    }

    /** A card's channel whose protected writes are refused while the audit log cannot be written. */
    private final class AuditedChannel implements SecureChannel {
        private final SecureChannel channel;

        AuditedChannel(SecureChannel channel) {
            this.channel = channel;
        }

        @Override
        public Slot slot() {
            return channel.slot();
        }

        @Override
        public String cardNumber() {
            return channel.cardNumber();
        }

        @Override
        public byte[] protect(byte[] plainCommand) throws NhiException {
            requireAudit("a card write");
            return channel.protect(plainCommand);
        }
    }

    private Active active() throws NhiException {
        Active a = active;
        if (a == null) {
            List<String> modes = plugins.keys();
            throw new NhiException(ResultCode.SAM_NOT_PRESENT, "no SAM plugin of mode '" + selectedMode
                    + "' is installed" + (modes.isEmpty() ? "" : " (installed: " + String.join(", ", modes) + ")"));
        }
        return a;
    }

    /**
     * A plugin call that cannot take the service down: whatever the plugin throws besides its documented
     * {@link NhiException}, even an {@link Error} from a missing class or native library, becomes 4012.
     */
    private static <T> T call(Active a, PluginCall<T> call) throws NhiException {
        try {
            return call.call(a.plugin());
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The {} SAM plugin failed: {}", a.mode(), e.toString());
            throw new NhiException(ResultCode.SAM_NOT_PRESENT, "the " + a.mode() + " SAM plugin failed: " + e, e);
        }
    }

    /** @throws NhiException when test and production cannot be told apart for the SAM */
    private Environment samEnvironment() throws NhiException {
        SamIdentity id = identity().orElseThrow(() -> new NhiException(ResultCode.SAM_NOT_PRESENT,
                "the SAM's identity is not known, so test and production cannot be told apart"));
        return id.environment().orElseThrow(() -> new NhiException(ResultCode.INVALID_SAM_FILE,
                "the SAM id names neither test nor production"));
    }

    private static void refuseSamSlot(CardSession session) throws NhiException {
        if (session.slot() == Slot.SAM) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "a SAM does not authenticate itself as a card");
        }
    }
}
