// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.vpcd;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.sim.vpcd.pcscd.PrivatePcscd;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Demo mode in a real OSGi framework (Felix + SCR + ConfigAdmin): the configurations org.opennhi.sim.cards
 * and org.opennhi.sim.vpcd put a fixture card into a (private) pcscd, where opensc-tool reads it; deleting the
 * configuration takes the card out again.
 */
public class DemoModeIT {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private Framework framework;
    private PrivatePcscd pcscd;

    @After
    public void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
        if (pcscd != null) {
            pcscd.close();
        }
    }

    private static String bundle(String property) {
        String path = System.getProperty("bundle." + property);
        assertNotNull("surefire sets bundle." + property, path);
        return (Files.isDirectory(Path.of(path)) ? "reference:file:" : "file:") + path;
    }

    @Test
    public void configurationsPutAFixtureCardIntoPcscd() throws Exception {
        pcscd = PcscdFixture.start();
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, tmp.newFolder("felix").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put("ds.loglevel", "warn");
        // the test talks to ConfigurationAdmin through the cm API on its own class path
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.cm;version=1.6.1");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(props);
        framework.start();
        BundleContext ctx = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String b : new String[] {"function", "promise", "component", "configadmin", "scr", "contracts", "crypto", "card",
                "self"}) {
            bundles.add(ctx.installBundle(bundle(b)));
        }
        for (Bundle b : bundles) {
            b.start();
        }
        ServiceTracker<Object, Object> cm = new ServiceTracker<>(ctx,
                "org.osgi.service.cm.ConfigurationAdmin", null);
        cm.open();
        Object admin = cm.waitForService(10_000);
        assertNotNull("ConfigurationAdmin; bundles: " + states(bundles), admin);
        configure(admin, "org.opennhi.sim.cards", Map.of("dir", tmp.newFolder("cards").toString()));
        configure(admin, "org.opennhi.sim.vpcd", Map.of("port", pcscd.port(0), "hc", "900000000002", "hpc", ""));

        ServiceTracker<Object, Object> bridges = new ServiceTracker<>(ctx, VpcdBridge.class.getName(), null);
        bridges.open(true); // the test's own copy of VpcdBridge is another class than the bundle's
        assertNotNull("the vpcd readers came up", bridges.waitForService(10_000));
        assertTrue("pcscd sees the card", waitForAtr(true));
        for (String commands : new String[] {"org.opennhi.sim.card.internal.osgi.CardCommands",
                "org.opennhi.sim.vpcd.internal.osgi.VpcdCommands"}) {
            ServiceTracker<Object, Object> t = new ServiceTracker<>(ctx,
                    ctx.createFilter("(&(objectClass=" + commands + ")(osgi.command.scope=*))"), null);
            t.open(true);
            assertNotNull(commands + " registered for Gogo", t.waitForService(10_000));
        }
        PrivatePcscd.ToolResult r = pcscd.run(VpcdBridgeTest.TOOL, "opensc-tool", "-r", "0", "-s",
                VpcdBridgeTest.SELECT, "-s", VpcdBridgeTest.READ_BASIC);
        List<String> answers = VpcdBridgeTest.received(r.output());
        assertEquals(r.output(), 2, answers.size());
        assertTrue(r.output(), answers.get(1).startsWith(
                java.util.HexFormat.of().withUpperCase().formatHex("900000000002".getBytes())));

        delete(admin, "org.opennhi.sim.vpcd");
        assertTrue("the card left with the configuration", waitForAtr(false));
    }

    private static String states(List<Bundle> bundles) {
        StringBuilder b = new StringBuilder();
        bundles.forEach(x -> b.append(x.getSymbolicName()).append('=').append(x.getState()).append(' '));
        return b.toString();
    }

    private boolean waitForAtr(boolean present) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            boolean now = pcscd.run(VpcdBridgeTest.TOOL, "opensc-tool", "-r", "0", "-a").exitCode() == 0;
            if (now == present) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** ConfigurationAdmin through reflection-free casts: the test's class path has the cm API. */
    private static void configure(Object admin, String pid, Map<String, Object> values) throws Exception {
        org.osgi.service.cm.ConfigurationAdmin ca = (org.osgi.service.cm.ConfigurationAdmin) admin;
        Dictionary<String, Object> d = new Hashtable<>(values);
        ca.getConfiguration(pid, "?").update(d);
    }

    private static void delete(Object admin, String pid) throws Exception {
        ((org.osgi.service.cm.ConfigurationAdmin) admin).getConfiguration(pid, "?").delete();
    }
}
