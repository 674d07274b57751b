// SPDX-License-Identifier: Apache-2.0
package org.opennhi.console.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.opennhi.contracts.platform.PlatformSettings;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The console's switches of the whole platform: one platform setting at a time, and killcsTask. */
final class PlatformSwitches {
    private final ConfigurationAdmin cm;
    private final Bundle framework;

    PlatformSwitches(ConfigurationAdmin cm, Bundle framework) {
        this.cm = cm;
        this.framework = framework;
    }

    /** Sets one platform setting (fast auth, remote desktop); the settings component applies it live. */
    void set(String key, Object value) throws IOException {
        Configuration c = cm.getConfiguration(PlatformSettings.PID, "?");
        Dictionary<String, Object> props = c.getProperties();
        if (props == null) {
            props = new Hashtable<>();
        }
        props.put(key, value);
        c.update(props);
    }

    /** killcsTask: stops the platform shortly after, so the caller still hears that it will. */
    void stopSoon() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(300);
                framework.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BundleException e) {
                System.err.println("killcsTask: the platform could not stop: " + e);
            }
        }, "opennhi-killcstask");
        t.start();
    }
}
