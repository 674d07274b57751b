// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.opennhi.contracts.reader.Availability;
import org.opennhi.contracts.reader.ReaderService;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 3.x port rule: {@code csOpenCom(n)} must succeed before any other call. It succeeds when COM(n+1) (see
 * {@link PortMap}) is the port the dedicated reader plugin serves and that reader is online — the plugin holds
 * the line, so a port another program has open or no reader answers on is offline there, and {@code csOpenCom}
 * answers −1. One gate for the whole platform (the Java service and {@code /v3} share it): opens are counted,
 * so HIS processes that each open and close around their calls do not close the port under one another.
 */
@Component(service = PortGate.class, configurationPid = ComPortsConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ComPortsConfig.class)
public final class PortGate {
    /** The dedicated reader plugin's configuration (bundles/reader-nhi-com). */
    static final String READER_PID = "opennhi.reader.nhicom";
    /** The reader type of the dedicated reader in the reader service. */
    static final String DEDICATED_READER = "nhi-com";
    private static final Logger LOG = LoggerFactory.getLogger(PortGate.class);

    private final ReaderService readers;
    private final Supplier<String> readerPort;
    private final String osName;
    private final AtomicInteger opened = new AtomicInteger();
    private volatile String[] comPorts;

    @Activate
    public PortGate(@Reference ReaderService readers,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) ConfigurationAdmin configAdmin,
            ComPortsConfig config) {
        this(readers, () -> configuredReaderPort(configAdmin), config.comPorts(), System.getProperty("os.name"));
    }

    PortGate(ReaderService readers, Supplier<String> readerPort, String[] comPorts, String osName) {
        this.readers = readers;
        this.readerPort = readerPort;
        this.comPorts = comPorts.clone();
        this.osName = osName;
    }

    @Modified
    void modified(ComPortsConfig config) {
        comPorts = config.comPorts().clone();
    }

    /** @return 0 when COM(n+1) is the online dedicated reader's port, else −1 (開啟 COM 埠失敗) */
    int open(int n) {
        String device = PortMap.device(n, comPorts, readerPort.get(), osName);
        String reader = PortMap.systemName(readerPort.get(), osName);
        if (device.isEmpty() || reader.isEmpty() || !sameDevice(device, reader)) {
            LOG.info("csOpenCom({}): COM{} is {}, not the dedicated reader's port", n, n + 1,
                    device.isEmpty() ? "no device" : device);
            return -1;
        }
        if (!DEDICATED_READER.equals(readers.readerType())
                || readers.status().availability() != Availability.ONLINE) {
            LOG.info("csOpenCom({}): the dedicated reader on {} is not serving: {}", n, device,
                    readers.status().reason());
            return -1;
        }
        opened.incrementAndGet();
        return 0;
    }

    /** @return 0; closing what is not open is no error */
    int close() {
        opened.updateAndGet(c -> Math.max(0, c - 1));
        return 0;
    }

    boolean isOpen() {
        return opened.get() > 0;
    }

    /** @return the device COM(n+1) means now (for status pages and docs) */
    String device(int n) {
        return PortMap.device(n, comPorts, readerPort.get(), osName);
    }

    private static boolean sameDevice(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            Path pa = Path.of(a);
            Path pb = Path.of(b);
            return Files.exists(pa) && Files.exists(pb) && Files.isSameFile(pa, pb);
        } catch (InvalidPathException | IOException e) {
            return false;
        }
    }

    private static String configuredReaderPort(ConfigurationAdmin configAdmin) {
        if (configAdmin == null) {
            return "";
        }
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=" + READER_PID + ")");
            if (found == null || found.length == 0) {
                return "";
            }
            Dictionary<String, Object> props = found[0].getProperties();
            Object port = props == null ? null : props.get("port");
            return port == null ? "" : port.toString().trim();
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("cannot read the dedicated reader's port: {}", e.toString());
            return "";
        }
    }
}
