// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands: {@code opennhi:readers} shows the slots, {@code opennhi:readertype [pcsc|nhi-com]} shows or
 * switches the reader type (the official csUpRDType). A switch is a configuration change, applied live.
 */
@Component(service = ReaderCommands.class, property = {"osgi.command.scope=opennhi",
    "osgi.command.function=readers", "osgi.command.function=readertype"})
public final class ReaderCommands {
    private final ReaderService readers;
    private final ConfigurationAdmin configAdmin;

    @Activate
    public ReaderCommands(@Reference ReaderService readers, @Reference ConfigurationAdmin configAdmin) {
        this.readers = readers;
        this.configAdmin = configAdmin;
    }

    /** @return the reader type, its status and each slot */
    public String readers() {
        StringBuilder out = new StringBuilder();
        out.append("reader type ").append(readers.readerType()).append(": ").append(readers.status().availability());
        if (!readers.status().reason().isEmpty()) {
            out.append(" (").append(readers.status().reason()).append(')');
        }
        out.append('\n');
        for (Map.Entry<Slot, SlotState> e : readers.slots().entrySet()) {
            SlotState s = e.getValue();
            out.append(String.format("  %-4s %-28s %s%s%n", e.getKey(), s.readerName().isEmpty() ? "-" : s.readerName(),
                    s.cardPresent() ? "card present" : "no card",
                    s.status().reason().isEmpty() ? "" : " (" + s.status().reason() + ")"));
        }
        return out.toString();
    }

    /** @return the reader type in use */
    public String readertype() {
        return readers.readerType();
    }

    /**
     * @param type the reader type to use from now on, e.g. {@code pcsc} or {@code nhi-com}
     * @return what was done
     */
    public String readertype(String type) throws IOException {
        if (type == null || !type.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            return "A reader type is a short lower-case name such as pcsc or nhi-com.";
        }
        Configuration c = configAdmin.getConfiguration(PlatformSettings.PID, "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        props.put("readerType", type);
        c.updateIfDifferent(props);
        return "Reader type set to " + type + "; calls already running finish on the previous reader.";
    }
}
