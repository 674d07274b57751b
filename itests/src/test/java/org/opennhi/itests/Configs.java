// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** What the integration tests do to the running platform's configuration, and what they read back. */
final class Configs {
    private Configs() {
    }

    /** Sets one key of a PID, keeping its others (as the console or an ops engineer would). */
    static void update(ConfigurationAdmin configAdmin, String pid, String key, Object value) throws IOException {
        Configuration c = configAdmin.getConfiguration(pid, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        props.put(key, value);
        c.update(props);
    }

    /** @return the pty the serial reader emulator advertises for the platform's end, or null before it does */
    static String emulatorDevice(BundleContext context) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null,
                    "(&(objectClass=org.opennhi.sim.reader.ReaderEmulator)(host.device=*))");
            return refs == null || refs.length == 0 ? null : (String) refs[0].getProperty("host.device");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
