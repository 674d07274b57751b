// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.opennhi.contracts.platform.Facade;
import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.platform.PlatformEventListener;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SamStatusListener;
import org.opennhi.gateway.internal.StatusFeed.Push;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * What {@code /status} shows and {@code /events} pushes: platform and facade versions, reader type and SAM
 * mode, each slot, uptime. It listens (whiteboard) to reader and SAM events and to settings changes and tells
 * its subscribers at once; nothing polls.
 */
@Component(service = {StatusModel.class, ReaderEventListener.class, SamStatusListener.class,
    PlatformEventListener.class})
public final class StatusModel implements ReaderEventListener, SamStatusListener, PlatformEventListener {
    /** Framework property the distribution sets to its release version. */
    static final String VERSION_PROPERTY = "opennhi.version";

    private final PluginHealth plugins;
    private final StatusFeed feed = new StatusFeed();
    private final CardLights lights = new CardLights();
    private final NoticeBoard notices = new NoticeBoard();
    private final StatusSnapshot snapshots;
    private final List<Facade> facades = new CopyOnWriteArrayList<>();
    private volatile Map<String, Object> lastError;
    private volatile SamStatus lastSamStatus;
    private volatile PlatformSettings settings;
    private volatile ReaderService readers;
    private volatile SamService sam;
    private volatile ServiceComponentRuntime scr;

    @Activate
    public StatusModel(BundleContext context) {
        String v = context.getProperty(VERSION_PROPERTY);
        String version = v != null ? v : context.getBundle().getVersion().toString();
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        this.plugins = new PluginHealth(context, () -> scr, this::changed);
        this.snapshots = new StatusSnapshot(version, started, plugins, lights, notices);
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
        lights.readerEvent(event);
        if (event.slot() == Slot.HC && event.type() != ReaderEvent.Type.STATUS_CHANGED) {
            notices.cardChanged();
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
        lights.platformEvent(event);
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

    // --- subscribers and the snapshot ----------------------------------------------------------------

    /** @return a handle that ends the subscription */
    Runnable subscribe(Consumer<Push> subscriber) {
        return feed.subscribe(subscriber);
    }

    Map<String, Object> snapshot() {
        return snapshots.take(new StatusSnapshot.Sources(settings, readers, sam, List.copyOf(facades)), lastError);
    }

    private void changed() {
        if (!feed.isEmpty()) {
            publish(new Push("status", Json.GSON.toJson(snapshot())));
        }
    }

    private void publish(Push push) {
        feed.publish(push);
    }
}
