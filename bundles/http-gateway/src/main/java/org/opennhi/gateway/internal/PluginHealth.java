package org.opennhi.gateway.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opennhi.contracts.platform.Plugins;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * What {@code /status} says about plugin bundles: each one's state, and for one that does not work, why —
 * the packages it needs that nobody exports, or the failure of its component's activation.
 */
final class PluginHealth {
    private PluginHealth() {
    }

    static List<Map<String, Object>> report(BundleContext context, ServiceComponentRuntime scr) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Bundle> plugins = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getHeaders("").get(Plugins.HEADER) != null) {
                plugins.add(b);
            }
        }
        plugins.sort(Comparator.comparing(b -> String.valueOf(b.getSymbolicName())));
        for (Bundle b : plugins) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", b.getSymbolicName());
            p.put("kind", b.getHeaders("").get(Plugins.HEADER));
            p.put("version", b.getVersion().toString());
            p.put("state", state(b.getState()));
            p.put("problem", problem(context, scr, b));
            out.add(p);
        }
        return out;
    }

    private static String problem(BundleContext context, ServiceComponentRuntime scr, Bundle b) {
        if (b.getState() == Bundle.INSTALLED) {
            List<String> missing = missingPackages(context, b);
            return missing.isEmpty() ? "not resolved" : "not resolved: no bundle exports " + String.join(", ", missing);
        }
        if (b.getState() != Bundle.ACTIVE) {
            return "not started";
        }
        if (scr != null) {
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(b)) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        return "component " + d.name + " failed to start: " + c.failure;
                    }
                }
            }
        }
        return null;
    }

    /** The imports no installed bundle can satisfy: what an ops engineer must add. */
    private static List<String> missingPackages(BundleContext context, Bundle b) {
        List<String> missing = new ArrayList<>();
        BundleRevision revision = b.adapt(BundleRevision.class);
        if (revision == null) {
            return missing;
        }
        for (BundleRequirement req : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (PackageNamespace.RESOLUTION_OPTIONAL.equals(req.getDirectives().get("resolution"))
                    || satisfiable(context, req)) {
                continue;
            }
            String filter = req.getDirectives().get("filter");
            missing.add(filter == null ? req.toString() : filter.replaceAll(".*osgi\\.wiring\\.package=([^)]*).*", "$1"));
        }
        return missing;
    }

    private static boolean satisfiable(BundleContext context, BundleRequirement req) {
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
