// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.opennhi.contracts.platform.Listeners;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.Plugins;
import org.opennhi.contracts.platform.ReaderMapping;
import org.opennhi.contracts.reader.Availability;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.reader.pcsc.ChipReaders;
import org.osgi.annotation.bundle.Header;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chip readers (晶片讀卡機) through javax.smartcardio. Two readers serve the HC and the HPC as the mapping says
 * (the official {@code ReaderCFG<n>.ini}); when a slot has no reader yet, the reader holding that kind of card
 * takes it and the mapping is saved, as the official console's "rescan" does. With HPC fast authentication a
 * single reader serves both.
 */
@Component(service = {ReaderPlugin.class, ChipReaders.class}, immediate = true, configurationPid = PcscConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {ReaderPlugin.TYPE_PROPERTY + "=" + PlatformSettings.READER_TYPE_PCSC,
            "osgi.command.scope=opennhi", "osgi.command.function=rescan"})
@Designate(ocd = PcscConfig.class)
@Header(name = Plugins.HEADER, value = "reader")
public final class PcscReaderPlugin implements ReaderPlugin, ChipReaders {
    private static final Logger LOG = LoggerFactory.getLogger(PcscReaderPlugin.class);

    private final PcscWatcher watcher;
    private final Listeners<ReaderEventListener> listeners = new Listeners<>();
    /** Null until the framework has given what it needs; a mapping learnt before then is learnt again. */
    private volatile MappingStore store;
    private volatile PcscConfig config;
    private volatile ReaderMapping mapping;
    private volatile PlatformSettings settings;
    private volatile Map<Slot, String> slots = Map.of();

    @Activate
    public PcscReaderPlugin(@Reference ConfigurationAdmin configAdmin, @Reference NhiHome home, PcscConfig config) {
        this(config, null);
        store = new ConfigMappingStore(configAdmin, home, () -> {
            PlatformSettings s = settings;
            return s == null ? "COMX1" : s.samPort();
        });
    }

    /** For running the plugin outside a framework, as the conformance kit does. */
    PcscReaderPlugin(PcscConfig config, MappingStore store) {
        this.config = config;
        this.store = store;
        this.watcher = new PcscWatcher(config.watchMillis(), config.protocol(), this::forward, this::remap);
        watcher.start();
    }

    @Modified
    void modified(PcscConfig changed) {
        config = changed;
        watcher.configure(changed.watchMillis(), changed.protocol());
    }

    @Deactivate
    void deactivate() {
        watcher.close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedMapping")
    void bindMapping(ReaderMapping m) {
        mapping = m;
        remap();
    }

    void updatedMapping(ReaderMapping m) {
        remap();
    }

    void unbindMapping(ReaderMapping m) {
        if (mapping == m) {
            mapping = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedSettings")
    void bindSettings(PlatformSettings s) {
        settings = s;
        remap();
    }

    void updatedSettings(PlatformSettings s) {
        remap();
    }

    void unbindSettings(PlatformSettings s) {
        if (settings == s) {
            settings = null;
        }
    }

    // --- ReaderPlugin ----------------------------------------------------------------------------------

    @Override
    public ReaderStatus status() {
        return watcher.status();
    }

    @Override
    public SlotState slot(Slot slot) {
        String name = slots.get(slot);
        ReaderStatus overall = watcher.status();
        if (name == null) {
            return SlotState.unmapped(slot, overall.availability() == Availability.ONLINE
                    ? "no chip reader is mapped to the " + slot + " yet (insert the card, or rescan)"
                    : overall.reason());
        }
        PcscWatcher.Reader r = watcher.readers().get(name);
        if (r == null) {
            return new SlotState(slot, name, ReaderStatus.offline("reader " + name + " is not connected"), false, null);
        }
        // no card generation: what this plugin knows is as old as its last look, and pcscd itself sees a swap only
        // at its next poll of the reader, so continuity cannot be proven at the moment of the call; the card
        // engine checks the card's identity instead (docs/card-engine.md, "The card in the slot")
        return new SlotState(slot, name, ReaderStatus.online(), r.cardPresent(), r.atr(),
                SlotState.UNKNOWN_GENERATION);
    }

    @Override
    public CardSession openSession(Slot slot, Duration wait) throws NhiException {
        String name = slots.get(slot);
        if (name == null) {
            throw new NhiException(ResultCode.NO_READER_OR_PCSC_ERROR, "no chip reader serves the " + slot);
        }
        PcscWatcher.Reader r = watcher.readers().get(name);
        if (r == null) {
            throw new NhiException(ResultCode.NO_READER_OR_PCSC_ERROR, "reader " + name + " is not connected");
        }
        if (!r.cardPresent()) {
            throw new NhiException(cardMissing(slot), "no card in " + name);
        }
        Semaphore lock = readerLock(name);
        try {
            if (!lock.tryAcquire(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS)) {
                throw new NhiException(ResultCode.READER_TIMEOUT, "reader " + name + " stayed busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NhiException(ResultCode.READER_TIMEOUT, "interrupted while waiting for reader " + name);
        }
        // the connection the watcher keeps serves the session: no connect per call
        return new PcscSession(slot, name, r.card(), r.atr(), watcher, lock::release, watcher.io(name),
                config.answerTimeoutMillis());
    }

    private Semaphore readerLock(String name) {
        return watcher.lock(name);
    }

    @Override
    public void addListener(ReaderEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ReaderEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public String rescan() {
        for (PcscWatcher.Reader r : watcher.readers().values()) {
            if (r.cardPresent()) {
                Semaphore lock = readerLock(r.name());
                try {
                    if (lock.tryAcquire(5, TimeUnit.SECONDS)) {
                        try {
                            watcher.reidentify(r.name());
                        } finally {
                            lock.release();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "Rescan interrupted.";
                }
            }
        }
        Map<Slot, String> found = SlotMap.rescan(seen());
        if (found.isEmpty()) {
            return "No health or professional card is inserted: nothing to map.";
        }
        save(found);
        return "Mapped " + found;
    }

    // --- mapping ---------------------------------------------------------------------------------------

    private synchronized void remap() {
        ReaderMapping m = mapping;
        PlatformSettings s = settings;
        String hc = m == null ? "" : m.hcReaderName();
        String hpc = m == null ? "" : m.hpcReaderName();
        List<SlotMap.Seen> seen = seen();
        Map<Slot, String> next = SlotMap.decide(hc, hpc, s != null && s.hpcFastAuth(), seen);
        slots = next;
        if (config.autoRescan()) {
            Map<Slot, String> learnt = new EnumMap<>(Slot.class);
            for (Slot slot : new Slot[] {Slot.HC, Slot.HPC}) {
                String now = next.get(slot);
                String configured = slot == Slot.HC ? hc : hpc;
                boolean configuredPresent = seen.stream().anyMatch(r -> r.name().equals(configured));
                if (now != null && !now.equals(configured) && !configuredPresent && seen.size() > 1) {
                    learnt.put(slot, now);
                }
            }
            if (!learnt.isEmpty()) {
                save(learnt);
            }
        }
    }

    private List<SlotMap.Seen> seen() {
        List<SlotMap.Seen> seen = new ArrayList<>();
        watcher.readers().values().forEach(r -> seen.add(new SlotMap.Seen(r.name(), r.cardPresent(), r.kind())));
        seen.sort((a, b) -> a.name().compareTo(b.name()));
        return seen;
    }

    private void save(Map<Slot, String> found) {
        MappingStore s = store;
        if (s != null) {
            s.save(found);
        }
    }

    // --- events ----------------------------------------------------------------------------------------

    private void forward(ReaderEvent raw) {
        Slot slot = raw.slot();
        if (slot == null) {
            for (Map.Entry<Slot, String> e : slots.entrySet()) {
                if (e.getValue().equals(raw.readerName())) {
                    slot = e.getKey();
                    break;
                }
            }
        }
        ReaderEvent event = new ReaderEvent(raw.type(), slot, raw.readerName(), raw.time() == null ? Instant.now()
                : raw.time());
        listeners.tell(l -> l.readerEvent(event), e -> LOG.debug("A reader listener failed: {}", e.toString()));
    }

    static ResultCode cardMissing(Slot slot) {
        switch (slot) {
            case HC:
                return ResultCode.HC_NOT_PRESENT;
            case HPC:
                return ResultCode.HPC_NOT_PRESENT;
            default:
                return ResultCode.SAM_NOT_PRESENT;
        }
    }
}
