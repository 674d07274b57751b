// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.opennhi.contracts.platform.Plugins;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * What {@code /status} says about plugin bundles: each one's state, and for one that does not work, why — the
 * packages it needs that nobody exports, or the failure of its component's activation.
 * <p>
 * The report is cached (issue 17, item 5): building it reads every bundle's manifest and SCR's DTOs, ~450 µs that
 * every {@code /status} and every {@code /events} push paid. It is rebuilt only after a bundle event (any bundle:
 * one bundle's exports decide whether another resolves) or a component event (SCR raises its
 * {@code service.changecount} when a component changes state, activation failures included). Manifests are read
 * once per bundle install or update.
 */
final class PluginHealth implements BundleListener, ServiceListener {
    private static final String SCR_FILTER = "(objectClass=" + ServiceComponentRuntime.class.getName() + ")";

    /** A report and the generation of events it reflects. */
    private record Cached(long generation, List<Map<String, Object>> report) {
    }

    /** A bundle's plugin header, read from its manifest at one modification time. */
    private record Kind(long lastModified, String kind) {
    }

    private final BundleContext context;
    private final Supplier<ServiceComponentRuntime> scr;
    private final Runnable pluginsChanged;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Long, Kind> kinds = new ConcurrentHashMap<>();
    private volatile Cached cached;

    /**
     * @param scr the current SCR, or null
     * @param pluginsChanged told when what the report says may have changed, from the event's thread
     */
    PluginHealth(BundleContext context, Supplier<ServiceComponentRuntime> scr, Runnable pluginsChanged) {
        this.context = context;
        this.scr = scr;
        this.pluginsChanged = pluginsChanged;
    }

    void open() {
        context.addBundleListener(this);
        try {
            context.addServiceListener(this, SCR_FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // a constant filter
        }
    }

    void close() {
        context.removeServiceListener(this);
        context.removeBundleListener(this);
    }

    /** Makes the next report a new one: called on every event that can change it. */
    void invalidate() {
        generation.incrementAndGet();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        invalidate();
        String kind = kind(event.getBundle());
        if (event.getType() == BundleEvent.UNINSTALLED) {
            kinds.remove(event.getBundle().getBundleId());
        }
        if (kind != null) {
            pluginsChanged.run();
        }
    }

    /** SCR's service.changecount moved: some component changed state. Pushed only if the report changed. */
    @Override
    public void serviceChanged(ServiceEvent event) {
        List<Map<String, Object>> before = cached == null ? null : cached.report();
        invalidate();
        if (!Objects.equals(before, report())) {
            pluginsChanged.run();
        }
    }

    /** @return the plugin bundles' health, sorted by name; the maps are shared and read-only */
    List<Map<String, Object>> report() {
        long g = generation.get();
        Cached c = cached;
        if (c != null && c.generation() == g) {
            return c.report();
        }
        List<Map<String, Object>> fresh = build();
        // an event during the build bumped the generation: this report is kept until the next call only
        cached = new Cached(g, fresh);
        return fresh;
    }

    /** @return the bundle's {@link Plugins#HEADER}, read from its manifest only when the bundle is new or updated */
    private String kind(Bundle b) {
        long modified = b.getLastModified();
        Kind k = kinds.get(b.getBundleId());
        if (k == null || k.lastModified() != modified) {
            k = new Kind(modified, b.getHeaders("").get(Plugins.HEADER));
            kinds.put(b.getBundleId(), k);
        }
        return k.kind();
    }

    private List<Map<String, Object>> build() {
        List<Bundle> plugins = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (kind(b) != null) {
                plugins.add(b);
            }
        }
        plugins.sort(Comparator.comparing(b -> String.valueOf(b.getSymbolicName())));
        ServiceComponentRuntime runtime = scr.get();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Bundle b : plugins) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", b.getSymbolicName());
            p.put("kind", kind(b));
            p.put("version", b.getVersion().toString());
            p.put("state", state(b.getState()));
            p.put("problem", problem(runtime, b));
            out.add(Collections.unmodifiableMap(p));
        }
        return Collections.unmodifiableList(out);
    }

    private String problem(ServiceComponentRuntime runtime, Bundle b) {
        if (b.getState() == Bundle.INSTALLED) {
            List<String> missing = missingPackages(b);
            return missing.isEmpty() ? "not resolved" : "not resolved: no bundle exports " + String.join(", ", missing);
        }
        if (b.getState() != Bundle.ACTIVE) {
            return "not started";
        }
        if (runtime != null) {
            for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs(b)) {
                for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        return "component " + d.name + " failed to start: " + c.failure;
                    }
                }
            }
        }
        return null;
    }

    /** The imports no installed bundle can satisfy: what an ops engineer must add. */
    private List<String> missingPackages(Bundle b) {
        List<String> missing = new ArrayList<>();
        BundleRevision revision = b.adapt(BundleRevision.class);
        if (revision == null) {
            return missing;
        }
        for (BundleRequirement req : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (PackageNamespace.RESOLUTION_OPTIONAL.equals(req.getDirectives().get("resolution"))
                    || satisfiable(req)) {
                continue;
            }
            String filter = req.getDirectives().get("filter");
            missing.add(filter == null ? req.toString() : filter.replaceAll(".*osgi\\.wiring\\.package=([^)]*).*", "$1"));
        }
        return missing;
    }

    private boolean satisfiable(BundleRequirement req) {
        String filterText = req.getDirectives().get("filter");
        if (filterText == null) {
            return true;
        }
        Filter filter;
        try {
            filter = FrameworkUtil.createFilter(filterText);
        } catch (InvalidSyntaxException e) {
            return false;
        }
        for (Bundle other : context.getBundles()) {
            BundleRevision r = other.adapt(BundleRevision.class);
            if (r == null) {
                continue;
            }
            for (BundleCapability cap : r.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (filter.matches(cap.getAttributes())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String state(int state) {
        switch (state) {
            case Bundle.ACTIVE:
                return "ACTIVE";
            case Bundle.RESOLVED:
                return "RESOLVED";
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.STOPPING:
                return "STOPPING";
            case Bundle.INSTALLED:
                return "INSTALLED";
            default:
                return "UNINSTALLED";
        }
    }
}
