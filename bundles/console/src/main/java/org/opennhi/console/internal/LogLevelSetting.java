// SPDX-License-Identifier: Apache-2.0
package org.opennhi.console.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The platform log's level (LOG/platform.log), for the admin API, {@code nhi-cs ctl log-level} and
 * {@code opennhi:loglevel}: it sets the {@code level} of the platform-logging bundle's PID, which applies it live.
 */
@Component(service = LogLevelSetting.class)
public final class LogLevelSetting {
    /** The platform-logging bundle's configuration PID. */
    static final String PID = "opennhi.logging";
    static final List<String> LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");
    private static final String DEFAULT = "INFO";

    private final ConfigurationAdmin cm;

    @Activate
    public LogLevelSetting(@Reference ConfigurationAdmin cm) {
        this.cm = cm;
    }

    String level() throws IOException {
        Dictionary<String, Object> props = cm.getConfiguration(PID, "?").getProperties();
        Object level = props == null ? null : props.get("level");
        return level == null ? DEFAULT : level.toString();
    }

    /** @return the level now in force; a name not among {@link #LEVELS} is refused, never stored */
    String setLevel(String name) throws IOException {
        String level = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("log level is one of " + String.join(", ", LEVELS) + ", not '" + name + "'");
        }
        Configuration c = cm.getConfiguration(PID, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        props.put("level", level);
        c.update(props);
        return level;
    }
}
