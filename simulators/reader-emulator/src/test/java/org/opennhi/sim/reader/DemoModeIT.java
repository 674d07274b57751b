// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.io.FileInputStream;
import java.io.FileOutputStream;
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
import org.opennhi.sim.reader.protocol.Command;
import org.opennhi.sim.reader.protocol.ReaderClient;
import org.opennhi.sim.reader.protocol.TimedInput;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Demo mode in a real OSGi framework (Felix + SCR + ConfigAdmin): the configurations org.opennhi.sim.cards and
 * org.opennhi.sim.reader start the emulator on a socat pty; a host on the advertised device talks to it.
 */
public class DemoModeIT {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private Framework framework;

    @After
    public void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    public void configurationsStartTheEmulatorOnAPty() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, tmp.newFolder("felix").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.cm;version=1.6.1");
        props.put("ds.loglevel", "warn");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(props);
        framework.start();
        BundleContext ctx = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String b : new String[] {"function", "promise", "component", "configadmin", "scr", "contracts", "crypto", "card",
                "self"}) {
            String path = System.getProperty("bundle." + b);
            assertNotNull("failsafe sets bundle." + b, path);
            bundles.add(ctx.installBundle("file:" + path));
        }
        for (Bundle b : bundles) {
            b.start();
        }
        ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> cm = new ServiceTracker<>(ctx,
                ConfigurationAdmin.class, null);
        cm.open();
        ConfigurationAdmin admin = cm.waitForService(10_000);
        assertNotNull(admin);
        update(admin, "org.opennhi.sim.cards", Map.of("dir", tmp.newFolder("cards").toString()));
        update(admin, "org.opennhi.sim.reader", Map.of("link", tmp.newFolder("pty").toString(),
                "hc", "900000000003", "hpc", ""));

        ServiceTracker<Object, Object> emulators = new ServiceTracker<>(ctx,
                ctx.createFilter("(objectClass=" + ReaderEmulator.class.getName() + ")"), null);
        emulators.open(true); // the test's own ReaderEmulator class is another class than the bundle's
        assertNotNull("the emulator came up", emulators.waitForService(10_000));
        ServiceTracker<Object, Object> commands = new ServiceTracker<>(ctx,
                ctx.createFilter("(osgi.command.scope=serial)"), null);
        commands.open(true);
        assertNotNull("serial:* commands registered for Gogo", commands.waitForService(10_000));
        ServiceReference<Object> ref = emulators.getServiceReference();
        String device = (String) ref.getProperty("host.device");
        assertNotNull(device);
        try (TimedInput in = new TimedInput(new FileInputStream(device), "host");
                FileOutputStream out = new FileOutputStream(device)) {
            ReaderClient client = new ReaderClient(in, out, 2000, 3);
            assertEquals(0, client.call(Command.OPEN).status());
            assertArrayEquals(new byte[] {0, 1, 1, 1, 2, 0}, client.call(Command.SLOT_STATUS).data());
        }
    }

    private static void update(ConfigurationAdmin admin, String pid, Map<String, Object> values) throws Exception {
        Dictionary<String, Object> d = new Hashtable<>(values);
        admin.getConfiguration(pid, "?").update(d);
    }
}
