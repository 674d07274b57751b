// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.opennhi.contracts.platform.PlatformSettings;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.result.ResultCode;
import java.time.Instant;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps refused values out of the stored platform settings. ConfigAdmin stores whatever it is given (a Gogo
 * session calling it, a configuration file, another bundle); {@link PlatformSettingsComponent} never uses such a
 * value, and this puts the stored configuration back to the last valid value (or the default), so the refused
 * value is not there after a restart either and what is stored is what is in force.
 */
@Component(service = ConfigurationListener.class, immediate = true)
public final class SettingsGuard implements ConfigurationListener {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsGuard.class);

    private final ConfigurationAdmin configAdmin;
    private volatile PlatformEvents events;
    /** The last stored value of each guarded setting that passed its rule. */
    private final Map<String, Object> lastValid = new ConcurrentHashMap<>();

    @Activate
    public SettingsGuard(@Reference ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
        repair(); // a value stored before this guard ran (an older version, a file read at start)
    }

    /**
     * Dynamic: the guard must run even without an events hub. It announces each refusal itself, since the settings
     * component may never see the refused value (put back before ConfigAdmin delivers it).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEvents(PlatformEvents e) {
        events = e;
    }

    void unbindEvents(PlatformEvents e) {
        if (events == e) {
            events = null;
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getType() == ConfigurationEvent.CM_UPDATED && PlatformSettings.PID.equals(event.getPid())) {
            repair();
        }
    }

    /** Restores each refused value; called on ConfigAdmin's event thread, never inside a component's activation. */
    synchronized void repair() {
        try {
            Configuration c = configAdmin.getConfiguration(PlatformSettings.PID, "?");
            Dictionary<String, Object> stored = c.getProperties();
            if (stored == null) {
                return;
            }
            Hashtable<String, Object> fixed = copy(stored);
            boolean changed = false;
            for (String name : SettingRules.names()) {
                Object value = stored.get(name);
                if (SettingRules.refusal(name, value).isEmpty()) {
                    if (value != null) {
                        lastValid.put(name, value);
                    }
                    continue;
                }
                Object back = lastValid.get(name);
                if (back == null) {
                    fixed.remove(name);
                } else {
                    fixed.put(name, back);
                }
                changed = true;
                LOG.warn("Refused {} of {} not kept in the configuration: {} restored", name, PlatformSettings.PID,
                        back == null ? "the default" : back);
                PlatformEvents e = events;
                if (e != null) {
                    e.publish(new PlatformEvent(PlatformEvent.Type.SETTING_REFUSED, Optional.empty(),
                            ResultCode.BAD_PARAMETER.code(), "Setting refused, " + name + ": "
                            + SettingRules.refusal(name, value).orElse("") + "; the value in force stays",
                            Instant.now()));
                }
            }
            if (changed) {
                c.updateIfDifferent(fixed);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot check the stored platform settings: {}", e.toString());
        }
    }

    private static Hashtable<String, Object> copy(Dictionary<String, Object> d) {
        Hashtable<String, Object> out = new Hashtable<>();
        for (Enumeration<String> keys = d.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            out.put(k, d.get(k));
        }
        return out;
    }
}
