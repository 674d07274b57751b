package org.opennhi.gateway.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.opennhi.contracts.platform.Facade;
import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.platform.PlatformEventListener;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SamStatusListener;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /status} shows and {@code /events} pushes: platform and facade versions, reader type and SAM
 * mode, each slot, uptime. It listens (whiteboard) to reader and SAM events and to settings changes and tells
 * its subscribers at once; nothing polls.
 */
@Component(service = {StatusModel.class, ReaderEventListener.class, SamStatusListener.class,
    PlatformEventListener.class})
public final class StatusModel implements ReaderEventListener, SamStatusListener, PlatformEventListener {
    static final String PLATFORM_NAME = "Open NHI card control platform";
    /** Framework property the distribution sets to its release version. */
    static final String VERSION_PROPERTY = "opennhi.version";

    private static final Logger LOG = LoggerFactory.getLogger(StatusModel.class);

    /** A pushed event: an SSE event name and its JSON data. */
    record Push(String event, String json) {
    }

    private final PluginHealth plugins;
    private final String version;
    private final Instant started;
    private final List<Consumer<Push>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Facade> facades = new CopyOnWriteArrayList<>();
    private static final int CARD_AUTHENTICATED = 2;
    private static final int PIN_VERIFIED = 3;

    /** Card status reported since the card now in each slot went in (the lights' 2 and 3). */
    private final Map<Slot, Integer> reportedStatus = new ConcurrentHashMap<>();
    private volatile Map<String, Object> lastError;
    private final NoticeBoard notices = new NoticeBoard();
    private volatile SamStatus lastSamStatus;
    private volatile PlatformSettings settings;
    private volatile ReaderService readers;
    private volatile SamService sam;
    private volatile ServiceComponentRuntime scr;

    @Activate
    public StatusModel(BundleContext context) {
        String v = context.getProperty(VERSION_PROPERTY);
        this.version = v != null ? v : context.getBundle().getVersion().toString();
        this.started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        this.plugins = new PluginHealth(context, () -> scr, this::changed);
        plugins.open();
    }

    // --- what the status is made of; every change is pushed -------------------------------------------

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedSettings")
    void bindSettings(PlatformSettings s) {
        settings = s;
        changed();
    }

    void updatedSettings(PlatformSettings s) {
        changed();
    }

    void unbindSettings(PlatformSettings s) {
        if (settings == s) {
            settings = null;
            changed();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindReaders(ReaderService r) {
        readers = r;
        changed();
    }

    void unbindReaders(ReaderService r) {
        if (readers == r) {
            readers = null;
            changed();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSam(SamService s) {
        sam = s;
        changed();
    }

    void unbindSam(SamService s) {
        if (sam == s) {
            sam = null;
            changed();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindFacade(Facade f) {
        facades.add(f);
        changed();
    }

    void unbindFacade(Facade f) {
        facades.remove(f);
        changed();
    }

    @Override
    public void readerEvent(ReaderEvent event) {
        if (event.slot() != null && event.type() != ReaderEvent.Type.STATUS_CHANGED) {
            // a card that went in or out, or a reader that came or went, starts again from presence
            reportedStatus.remove(event.slot());
            if (event.slot() == Slot.HC) {
                notices.cardChanged();
            }
        }
        if (event.type() == ReaderEvent.Type.READER_DETACHED) {
            error("reader " + event.readerName() + " went away");
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", event.type().name());
        e.put("slot", event.slot() == null ? null : event.slot().name());
        e.put("reader", event.readerName());
        e.put("time", event.time().toString());
        publish(new Push("reader", Json.GSON.toJson(e)));
        changed();
    }

    @Override
    public void samStatusChanged(SamStatus status, String detail) {
        SamStatus before = lastSamStatus;
        lastSamStatus = status;
        // a SAM that is unusable, or that lost its authentication, is an error; one still on its way up is not
        if (status == SamStatus.NOT_A_SAM || before == SamStatus.AUTHENTICATED && status != SamStatus.AUTHENTICATED) {
            error("SAM status " + status.legacyValue() + (detail == null || detail.isBlank() ? "" : ": " + detail));
        }
        changed();
    }

    /**
     * Card authentications and PIN checks set the lights' 2 and 3 (hisGetCardStatus); failures become the last
     * error. With the HPC's PIN verified, both cards are in medical mode (docs/GLOSSARY.md, "Watch overlay": both lights 3).
     */
    @Override
    public void platformEvent(PlatformEvent event) {
        if (event.type() == PlatformEvent.Type.NOTICE) {
            publish(new Push("notice", Json.GSON.toJson(notices.add(event)))); // a notice, never an error
            changed();
            return;
        }
        if (!event.succeeded()) {
            error(event.detail() + " (" + event.code() + ")");
        }
        Slot slot = event.slot().orElse(null);
        switch (event.type()) {
            case CARD_AUTHENTICATION -> {
                if (event.succeeded() && slot != null && slot != Slot.SAM) {
                    reportedStatus.put(slot, CARD_AUTHENTICATED);
                }
            }
            case PIN_VERIFICATION -> {
                if (event.succeeded() && slot == Slot.HPC) {
                    reportedStatus.put(Slot.HPC, PIN_VERIFIED);
                    reportedStatus.computeIfPresent(Slot.HC, (s, v) -> v == CARD_AUTHENTICATED ? PIN_VERIFIED : v);
                }
            }
            case HPC_AUTHORISATION -> {
                if (!event.succeeded()) {
                    // the grant ended: back from medical mode to authenticated
                    reportedStatus.computeIfPresent(Slot.HPC, (s, v) -> v == PIN_VERIFIED ? CARD_AUTHENTICATED : v);
                    reportedStatus.computeIfPresent(Slot.HC, (s, v) -> v == PIN_VERIFIED ? CARD_AUTHENTICATED : v);
                }
            }
            default -> {
                // SAM authentication: its status arrives through samStatusChanged
            }
        }
        changed();
    }

    private void error(String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        e.put("time", Instant.now().toString());
        lastError = e;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindScr(ServiceComponentRuntime runtime) {
        scr = runtime;
        plugins.invalidate();
    }

    void unbindScr(ServiceComponentRuntime runtime) {
        if (scr == runtime) {
            scr = null;
            plugins.invalidate();
        }
    }

    @Deactivate
    void deactivate() {
        plugins.close();
    }

    // --- subscribers -----------------------------------------------------------------------------

    /** @return a handle that ends the subscription */
    Runnable subscribe(Consumer<Push> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void changed() {
        if (!subscribers.isEmpty()) {
            publish(new Push("status", Json.GSON.toJson(snapshot())));
        }
    }

    private void publish(Push push) {
        for (Consumer<Push> s : subscribers) {
            try {
                s.accept(push);
            } catch (RuntimeException e) {
                LOG.debug("Dropping a status subscriber that failed: {}", e.toString());
                subscribers.remove(s);
            }
        }
    }

    // --- the snapshot -------------------------------------------------------------------------------

    Map<String, Object> snapshot() {
        PlatformSettings s = settings;
        ReaderService r = readers;
        SamService m = sam;
        Map<String, Object> out = new LinkedHashMap<>();

        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put("name", PLATFORM_NAME);
        platform.put("version", version);
        platform.put("demo", s != null && s.demo());
        platform.put("startedAt", started.toString());
        platform.put("uptimeSeconds", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        out.put("platform", platform);

        List<Map<String, Object>> facadeList = new ArrayList<>();
        facades.stream().sorted(Comparator.comparing(Facade::name)).forEach(f -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("version", f.version());
            facadeList.add(fm);
        });
        out.put("facades", facadeList);

        Map<String, Object> reader = new LinkedHashMap<>();
        reader.put("type", s == null ? null : s.readerType());
        reader.put("active", r != null);
        ReaderStatus rs = r == null ? ReaderStatus.offline("no reader plugin is installed") : safeStatus(r);
        reader.put("status", rs.availability().name());
        reader.put("reason", rs.reason());
        out.put("reader", reader);

        out.put("sam", samPart(s, m));
        out.put("plugins", plugins.report());
        out.put("slots", slotsPart(r, reportedStatus));
        out.put("lastError", lastError);
        out.put("notices", notices.current());
        out.put("recentNotices", notices.recent());

        if (s != null) {
            Map<String, Object> settingsPart = new LinkedHashMap<>();
            settingsPart.put("readerType", s.readerType());
            settingsPart.put("samMode", s.samMode());
            settingsPart.put("samPort", s.samPort());
            settingsPart.put("hpcFastAuth", s.hpcFastAuth());
            settingsPart.put("watchOverlay", s.watchOverlay());
            settingsPart.put("remoteDesktop", s.remoteDesktop());
            out.put("settings", settingsPart);
        }
        return out;
    }

    private static Map<String, Object> samPart(PlatformSettings s, SamService m) {
        Map<String, Object> samPart = new LinkedHashMap<>();
        samPart.put("mode", s == null ? null : s.samMode());
        samPart.put("active", m != null);
        SamStatus status = SamStatus.ABSENT;
        SamIdentity id = null;
        try {
            if (m != null) {
                status = m.status();
                id = m.identity().orElse(null);
            }
        } catch (RuntimeException e) {
            status = SamStatus.NOT_A_SAM;
            samPart.put("reason", "SAM plugin failed: " + e);
        }
        samPart.put("status", status.legacyValue());
        samPart.put("state", status.name());
        samPart.put("hospitalId", id == null ? null : id.hospitalId());
        samPart.put("samId", id == null ? null : id.samId());
        samPart.put("environment", id == null ? null : id.environment().map(Enum::name).orElse(null));
        return samPart;
    }

    private static Map<String, Object> slotsPart(ReaderService r, Map<Slot, Integer> reported) {
        Map<String, Object> slots = new LinkedHashMap<>();
        for (Slot slot : Slot.values()) {
            SlotState state = r == null ? SlotState.unmapped(slot, "no reader plugin is installed") : safeSlot(r, slot);
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("reader", state.readerName());
            sm.put("status", state.status().availability().name());
            sm.put("reason", state.status().reason());
            sm.put("cardPresent", state.cardPresent());
            if (slot != Slot.SAM) {
                Light light = Light.of(slot, state.cardPresent(), reported.get(slot));
                sm.put("cardStatus", light.value());
                sm.put("light", light.colour());
                sm.put("lightLabel", light.label());
            }
            slots.put(slot.name(), sm);
        }
        return slots;
    }

    /** A plugin that throws must not break the status page: report it instead. */
    private static ReaderStatus safeStatus(ReaderService r) {
        try {
            return r.status();
        } catch (RuntimeException e) {
            return ReaderStatus.offline("reader plugin failed: " + e);
        }
    }

    private static SlotState safeSlot(ReaderService r, Slot slot) {
        try {
            return r.slot(slot);
        } catch (RuntimeException e) {
            return SlotState.unmapped(slot, "reader plugin failed: " + e);
        }
    }
}
