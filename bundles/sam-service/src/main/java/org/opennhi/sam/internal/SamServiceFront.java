package org.opennhi.sam.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opennhi.card.crypto.CardApplets;
import org.opennhi.contracts.platform.Environment;
import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.platform.PlatformSettings;
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
import org.osgi.framework.Constants;
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
 * and card authentication go on (docs/card-engine.md, "Audit").
 */
@Component(service = {SamService.class, ReaderEventListener.class}, immediate = true)
public final class SamServiceFront implements SamService, ReaderEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(SamServiceFront.class);

    private record Entry(SamPlugin plugin, String mode, int ranking, long serviceId) {
    }

    private final List<Entry> plugins = new ArrayList<>();
    private final MixGuard guard = new MixGuard();
    private volatile String selectedMode = PlatformSettings.SAM_MODE_CLOUD;
    private volatile SamPlugin active;
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
        Object mode = props.get(MODE_PROPERTY);
        if (mode == null) {
            LOG.warn("Ignoring a SAM plugin without the {} property: {}", MODE_PROPERTY, plugin);
            return;
        }
        Object ranking = props.get(Constants.SERVICE_RANKING);
        synchronized (plugins) {
            plugins.add(new Entry(plugin, mode.toString(), ranking instanceof Integer r ? r : 0,
                    (Long) props.get(Constants.SERVICE_ID)));
        }
        reselect();
    }

    void unbindPlugin(SamPlugin plugin) {
        synchronized (plugins) {
            plugins.removeIf(e -> e.plugin() == plugin);
        }
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

    private void reselect() {
        SamPlugin next;
        synchronized (plugins) {
            next = plugins.stream().filter(e -> e.mode().equals(selectedMode))
                    .min(Comparator.comparingInt(Entry::ranking).reversed().thenComparingLong(Entry::serviceId))
                    .map(Entry::plugin).orElse(null);
        }
        if (next != active) {
            active = next;
            LOG.info("SAM service now uses {}", next == null ? "no plugin (mode " + selectedMode + ")" : selectedMode);
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
        SamPlugin p = active;
        return p == null ? SamStatus.ABSENT : p.status();
    }

    @Override
    public Optional<SamIdentity> identity() {
        SamPlugin p = active;
        return p == null ? Optional.empty() : p.identity();
    }

    @Override
    public void authenticateWithIdc(Progress progress) throws NhiException {
        SamPlugin p = plugin();
        String sam = p.identity().map(id -> "SAM " + PlatformEvent.mask(id.samId())).orElse("SAM");
        try {
            p.authenticateWithIdc(progress);
            publish(PlatformEvent.Type.SAM_AUTHENTICATION, null, ResultCode.SUCCESS, sam + " (" + p.mode()
                    + ") authenticated with the IDC");
        } catch (NhiException e) {
            publish(PlatformEvent.Type.SAM_AUTHENTICATION, null, e.result(), sam + " (" + p.mode()
                    + ") not authenticated: " + e.result().describe());
            throw e;
        }
    }

    @Override
    public SecureChannel authenticateCard(CardSession session) throws NhiException {
        SamPlugin p = plugin();
        SamIdentity id = p.identity().orElseThrow(() -> new NhiException(ResultCode.SAM_NOT_PRESENT,
                "the SAM's identity is not known, so test and production cannot be told apart"));
        Environment sam = id.environment().orElseThrow(() -> new NhiException(ResultCode.INVALID_SAM_FILE,
                "the SAM id names neither test nor production"));
        if (session.slot() == Slot.SAM) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "a SAM does not authenticate itself as a card");
        }
        CardApplets.Identified card = CardApplets.identify(session);
        String what = session.slot() + " " + PlatformEvent.mask(card.cardNumber()) + " with the " + p.mode() + " SAM";
        try {
            guard.check(session.slot(), card.environment(), sam);
            SecureChannel channel = p.authenticateCard(session, card.cardNumber());
            guard.authenticated(session.slot(), card.environment());
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
        return plugin().offlineTreatmentId(visit, idNumber);
    }

    @Override
    public String callIdc(String route, String jsonBody) throws NhiException {
        requireAudit("an IDC call");
        return plugin().callIdc(route, jsonBody);
    }

    @Override
    public byte[] sign(SignatureType type, byte[] data) throws NhiException {
        requireAudit("a signature");
        return plugin().sign(type, data);
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

    private SamPlugin plugin() throws NhiException {
        SamPlugin p = active;
        if (p == null) {
            throw new NhiException(ResultCode.SAM_NOT_PRESENT, "no SAM plugin of mode '" + selectedMode
                    + "' is installed");
        }
        return p;
    }
}
