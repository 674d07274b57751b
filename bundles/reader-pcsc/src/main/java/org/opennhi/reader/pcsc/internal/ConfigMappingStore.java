// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Supplier;

import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.ReaderMapping;
import org.opennhi.contracts.reader.Slot;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the mapping as configuration ({@value ReaderMapping#PID}) and in the official
 * {@code INI/ReaderCFG<n>.ini} of the current SAM port, for tools that read it.
 */
final class ConfigMappingStore implements MappingStore {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigMappingStore.class);

    private final ConfigurationAdmin configAdmin;
    private final NhiHome home;
    private final Supplier<String> samPort;

    ConfigMappingStore(ConfigurationAdmin configAdmin, NhiHome home, Supplier<String> samPort) {
        this.configAdmin = configAdmin;
        this.home = home;
        this.samPort = samPort;
    }

    @Override
    public void save(Map<Slot, String> found) {
        try {
            Configuration c = configAdmin.getConfiguration(ReaderMapping.PID, "?");
            Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
            if (found.containsKey(Slot.HC)) {
                props.put("hcReaderName", found.get(Slot.HC));
            }
            if (found.containsKey(Slot.HPC)) {
                props.put("hpcReaderName", found.get(Slot.HPC));
            }
            c.updateIfDifferent(props);
            writeReaderCfg(text(props.get("hcReaderName")), text(props.get("hpcReaderName")));
            LOG.info("Chip reader mapping saved: {}", found);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save the chip reader mapping: {}", e.toString());
        }
    }

    private void writeReaderCfg(String hc, String hpc) throws IOException {
        String port = samPort.get();
        int n = port.matches("COMX[1-9][0-9]?") ? Integer.parseInt(port.substring(4)) - 1 : 0;
        Path file = home.iniFolder().resolve("ReaderCFG" + n + ".ini");
        Path tmp = Files.createTempFile(home.iniFolder(), ".readercfg", ".tmp");
        Files.writeString(tmp, "HPC_ReaderName=" + hpc + "\r\nHC_ReaderName=" + hc + "\r\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
