// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.opennhi.contracts.platform.Listeners;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.PluginRegistry;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
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
 * The one {@link ReaderService}. It serves every call through the plugin of the configured reader type, so a
 * switch of reader type (the official csUpRDType) is a configuration change: sessions already open finish on
 * the old plugin, the next session opens on the new one, and the queue per slot makes sure the two never
 * overlap. A plugin that throws, even an {@link Error} from a missing native library, is reported as offline
 * and never takes the service down.
 */
@Component(service = ReaderService.class, immediate = true, configurationPid = ReaderServiceConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ReaderServiceConfig.class)
public final class ReaderServiceFront implements ReaderService {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderServiceFront.class);

    private final PluginRegistry<ReaderPlugin> registry = new PluginRegistry<>(ReaderPlugin.TYPE_PROPERTY);
    private final SlotQueue queue = new SlotQueue();
    private final Listeners<ReaderEventListener> listeners = new Listeners<>();
    private final Map<ReaderPlugin, ReaderEventListener> pluginListeners = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor leases = new ScheduledThreadPoolExecutor(1,
            daemon("opennhi-reader-leases"));
    /** Events leave on one thread, in order, and never on the plugin's own thread. */
    private final ThreadPoolExecutor events = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(4096), daemon("opennhi-reader-events"));

    private volatile long maxHoldMillis;
    private volatile String selectedType = PlatformSettings.READER_TYPE_PCSC;
    private volatile ReaderPlugin active;
    /**
     * Bumped whenever another plugin serves: its card generations are tagged with it, so numbers of two plugins
     * never compare equal and a reader switch always means "maybe another card" to the card engine's cache.
     */
    private volatile long pluginEpoch;

    @Activate
    public ReaderServiceFront(ReaderServiceConfig config) {
        // a closed session's lease must not linger in the queue until it would have run
        leases.setRemoveOnCancelPolicy(true);
        modified(config);
    }

    @Modified
    void modified(ReaderServiceConfig config) {
        maxHoldMillis = config.maxHoldMillis();
    }

    @Deactivate
    void deactivate() {
        leases.shutdownNow();
        events.shutdownNow();
        pluginListeners.forEach(this::quietlyRemoveListener);
    }

    // --- what is behind the service ------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPlugin(ReaderPlugin plugin, Map<String, Object> props) {
        String type = registry.add(plugin, props).orElse(null);
        if (type == null) {
            LOG.warn("Ignoring a reader plugin without the {} property: {}", ReaderPlugin.TYPE_PROPERTY, plugin);
            return;
        }
        ReaderEventListener forward = event -> {
            if (active == plugin) {
                publish(event);
            }
        };
        pluginListeners.put(plugin, forward);
        try {
            plugin.addListener(forward);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Reader plugin {} refused a listener: {}", type, e.toString());
        }
        reselect("plugin " + type + " arrived");
    }

    void unbindPlugin(ReaderPlugin plugin) {
        registry.remove(plugin);
        ReaderEventListener forward = pluginListeners.remove(plugin);
        if (forward != null) {
            quietlyRemoveListener(plugin, forward);
        }
        reselect("a plugin left");
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedSettings")
    void bindSettings(PlatformSettings settings) {
        updatedSettings(settings);
    }

    void updatedSettings(PlatformSettings settings) {
        selectedType = settings.readerType();
        reselect("reader type set to " + selectedType);
    }

    void unbindSettings(PlatformSettings settings) {
        // keep the last type: a settings restart must not drop the readers
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindListener(ReaderEventListener listener) {
        listeners.add(listener);
    }

    void unbindListener(ReaderEventListener listener) {
        listeners.remove(listener);
    }

    private synchronized void reselect(String why) {
        ReaderPlugin next = registry.preferred(selectedType).orElse(null);
        if (next != active) {
            active = next;
            pluginEpoch++;
            LOG.info("Reader service now uses {} ({})", next == null ? "no plugin" : selectedType, why);
            publish(new ReaderEvent(ReaderEvent.Type.STATUS_CHANGED, null, selectedType, Instant.now()));
        }
    }

    // --- ReaderService ---------------------------------------------------------------------------------

    @Override
    public String readerType() {
        return selectedType;
    }

    @Override
    public ReaderStatus status() {
        ReaderPlugin p = active;
        if (p == null) {
            return ReaderStatus.offline(missingPluginReason());
        }
        try {
            return p.status();
        } catch (RuntimeException | LinkageError e) {
            return ReaderStatus.offline("the " + selectedType + " plugin failed: " + e);
        }
    }

    @Override
    public Map<Slot, SlotState> slots() {
        Map<Slot, SlotState> all = new EnumMap<>(Slot.class);
        ReaderPlugin p = active;
        Map<Slot, SlotState> fromPlugin = Map.of();
        if (p != null) {
            try {
                fromPlugin = p.slots();
            } catch (RuntimeException | LinkageError e) {
                String why = "the " + selectedType + " plugin failed: " + e;
                for (Slot s : Slot.values()) {
                    all.put(s, SlotState.unmapped(s, why));
                }
                return all;
            }
        }
        for (Slot s : Slot.values()) {
            SlotState state = fromPlugin.get(s);
            all.put(s, state != null ? tagged(state) : SlotState.unmapped(s,
                    p == null ? missingPluginReason() : "the " + selectedType + " reader has no " + s + " slot"));
        }
        return all;
    }

    @Override
    public SlotState slot(Slot slot) {
        ReaderPlugin p = active;
        if (p == null) {
            return SlotState.unmapped(slot, missingPluginReason());
        }
        try {
            return tagged(p.slot(slot));
        } catch (RuntimeException | LinkageError e) {
            return SlotState.unmapped(slot, "the " + selectedType + " plugin failed: " + e);
        }
    }

    /** The plugin's card generation in this front's numbering: the plugin epoch in the high bits. */
    private SlotState tagged(SlotState state) {
        long g = state.cardGeneration();
        return g == SlotState.UNKNOWN_GENERATION ? state
                : state.withCardGeneration((pluginEpoch << 40) | (g & ((1L << 40) - 1)));
    }

    @Override
    public CardSession openSession(Slot slot, Duration wait) throws NhiException {
        long deadline = System.nanoTime() + wait.toNanos();
        queue.acquire(slot, wait);
        CardSession plugged;
        try {
            // chosen after the wait: a switch during the wait sends this caller to the new reader
            ReaderPlugin p = active;
            if (p == null) {
                throw new NhiException(ResultCode.NO_READER_OR_PCSC_ERROR, missingPluginReason());
            }
            plugged = p.openSession(slot, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (NhiException e) {
            queue.release(slot);
            throw e;
        } catch (RuntimeException | LinkageError e) {
            queue.release(slot);
            throw new NhiException(ResultCode.NO_READER_OR_PCSC_ERROR, "the " + selectedType + " plugin failed", e);
        }
        ExclusiveSession session = new ExclusiveSession(plugged, () -> queue.release(slot));
        long hold = maxHoldMillis;
        try {
            session.lease(leases.schedule(() -> {
                if (!session.isClosed()) {
                    LOG.warn("A {} card session was held over {} ms and was ended so others can use the card", slot,
                            hold);
                    session.revoke("the " + slot + " session was held over " + hold + " ms and was ended");
                }
            }, hold, TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException stopping) {
            // the service is going away; the caller still closes normally
        }
        return session;
    }

    int waiting(Slot slot) {
        return queue.waiting(slot);
    }

    int pendingLeases() {
        return leases.getQueue().size();
    }

    // --- events ----------------------------------------------------------------------------------------

    private void publish(ReaderEvent event) {
        try {
            events.execute(() -> listeners.tell(l -> l.readerEvent(event),
                    e -> LOG.warn("A reader event listener failed: {}", e.toString())));
        } catch (RejectedExecutionException e) {
            LOG.warn("Dropped a reader event ({}): listeners are too slow or the service is stopping", event.type());
        }
    }

    private String missingPluginReason() {
        List<String> types = registry.keys();
        return "no reader plugin of type '" + selectedType + "' is installed"
                + (types.isEmpty() ? "" : " (installed: " + String.join(", ", types) + ")");
    }

    private void quietlyRemoveListener(ReaderPlugin plugin, ReaderEventListener listener) {
        try {
            plugin.removeListener(listener);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Reader plugin refused to drop a listener: {}", e.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
