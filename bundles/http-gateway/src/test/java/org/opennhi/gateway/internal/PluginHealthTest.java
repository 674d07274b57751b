// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;
import org.opennhi.contracts.platform.Plugins;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The plugin report is built once per event, not per /status, and manifests are read once per bundle version. */
public class PluginHealthTest {
    private final AtomicInteger headerReads = new AtomicInteger();
    private final List<Bundle> bundles = new ArrayList<>();
    private final AtomicInteger pushes = new AtomicInteger();
    private final AtomicReference<Integer> componentState = new AtomicReference<>(ComponentConfigurationDTO.ACTIVE);

    private Bundle bundle(long id, String name, String kind, long[] lastModified) {
        Hashtable<String, String> headers = new Hashtable<>();
        if (kind != null) {
            headers.put(Plugins.HEADER, kind);
        }
        return (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getHeaders" -> {
                        headerReads.incrementAndGet();
                        yield headers;
                    }
                    case "getBundleId" -> id;
                    case "getLastModified" -> lastModified[0];
                    case "getSymbolicName" -> name;
                    case "getVersion" -> new Version(1, 0, 0);
                    case "getState" -> Bundle.ACTIVE;
                    case "hashCode" -> (int) id;
                    case "equals" -> p == a[0];
                    default -> null;
                });
    }

    private PluginHealth health() {
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class},
                (p, m, a) -> "getBundles".equals(m.getName()) ? bundles.toArray(Bundle[]::new) : null);
        ServiceComponentRuntime scr = (ServiceComponentRuntime) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceComponentRuntime.class}, (p, m, a) -> switch (m.getName()) {
                    case "getComponentDescriptionDTOs" -> {
                        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
                        d.name = "reader";
                        yield List.of(d);
                    }
                    case "getComponentConfigurationDTOs" -> {
                        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
                        c.state = componentState.get();
                        c.failure = "boom";
                        yield List.of(c);
                    }
                    default -> null;
                });
        return new PluginHealth(context, () -> scr, pushes::incrementAndGet);
    }

    @Test
    public void reportIsCachedUntilAnEvent() {
        long[] modified = {1};
        Bundle plugin = bundle(1, "org.opennhi.reader.pcsc", "reader", modified);
        bundles.add(bundle(0, "org.apache.felix.framework", null, new long[] {1}));
        bundles.add(plugin);
        bundles.add(bundle(2, "org.opennhi.gateway", null, new long[] {1}));
        PluginHealth health = health();

        List<Map<String, Object>> first = health.report();
        assertEquals(1, first.size());
        assertEquals("org.opennhi.reader.pcsc", first.get(0).get("name"));
        assertNull(first.get(0).get("problem"));
        assertSame(first, health.report());
        assertEquals("every manifest once", 3, headerReads.get());

        health.bundleChanged(new BundleEvent(BundleEvent.STARTED, plugin));
        assertEquals("a plugin's event is pushed", 1, pushes.get());
        List<Map<String, Object>> second = health.report();
        assertNotSame(first, second);
        assertEquals(first, second);
        assertEquals("an unchanged bundle's manifest is not read again", 3, headerReads.get());

        modified[0] = 2; // updated: its manifest may say something else now
        health.bundleChanged(new BundleEvent(BundleEvent.UPDATED, plugin));
        health.report();
        assertEquals("the updated one's is", 4, headerReads.get());
    }

    @Test
    public void componentEventsArePushedOnlyWhenTheReportChanges() {
        bundles.add(bundle(1, "org.opennhi.reader.pcsc", "reader", new long[] {1}));
        PluginHealth health = health();
        health.report();
        ServiceEvent changecount = new ServiceEvent(ServiceEvent.MODIFIED, (ServiceReference<?>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServiceReference.class}, (p, m, a) -> null));

        health.serviceChanged(changecount);
        assertEquals(0, pushes.get());

        componentState.set(ComponentConfigurationDTO.FAILED_ACTIVATION);
        health.serviceChanged(changecount);
        assertEquals(1, pushes.get());
        String problem = (String) health.report().get(0).get("problem");
        assertTrue(problem, problem.startsWith("component reader failed to start: boom"));
    }
}
