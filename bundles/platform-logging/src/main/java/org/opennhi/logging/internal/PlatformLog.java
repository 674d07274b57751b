// SPDX-License-Identifier: Apache-2.0
package org.opennhi.logging.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Objects;

import org.opennhi.contracts.platform.NhiHome;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns our typed setting ({@value LoggingConfig#PID}) into pax-logging's backend configuration whenever it changes,
 * so the level and the rotation change live. ConfigAdmin keeps the backend configuration in the home, so from the
 * second start on the file gets the platform's log from the first events on.
 */
@Component(immediate = true, configurationPid = LoggingConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LoggingConfig.class)
public final class PlatformLog {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformLog.class);

    private final Path logFolder;
    private final ConfigurationAdmin cm;

    @Activate
    public PlatformLog(@Reference NhiHome home, @Reference ConfigurationAdmin cm, LoggingConfig config)
            throws IOException {
        this.logFolder = home.logFolder();
        this.cm = cm;
        apply(config);
    }

    @Modified
    void modified(LoggingConfig config) throws IOException {
        apply(config);
    }

    private void apply(LoggingConfig config) throws IOException {
        LogLevel level = level(config.level(), LogLevel.INFO, "level");
        LogLevel console = level(config.consoleLevel(), LogLevel.WARN, "consoleLevel");
        createOwnerOnly(logFolder.resolve(BackendProperties.FILE_NAME));
        Hashtable<String, Object> wanted = BackendProperties.of(logFolder, level, console, config.maxBytes(),
                config.keep());
        Configuration backend = cm.getConfiguration(BackendProperties.PAX_PID, "?");
        if (!sameAs(backend.getProperties(), wanted)) {
            backend.update(wanted); // pax-logging reconfigures log4j2 at once
            LOG.info("Platform log: level {} in {}, standard output {}; rotated at {} bytes, {} kept", level,
                    logFolder.resolve(BackendProperties.FILE_NAME), console, config.maxBytes(), config.keep());
        }
    }

    private static LogLevel level(String value, LogLevel otherwise, String name) {
        return LogLevel.parse(value).orElseGet(() -> {
            LOG.warn("Platform log: {} '{}' is not ERROR, WARN, INFO, DEBUG or TRACE; using {}", name, value,
                    otherwise);
            return otherwise;
        });
    }

    /** log4j2 creates the file with the same permissions; this covers a file system it cannot set them on first. */
    private static void createOwnerOnly(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // kept as it is: the log goes on across restarts
        }
    }

    private static boolean sameAs(Dictionary<String, Object> current, Hashtable<String, Object> wanted) {
        if (current == null) {
            return false;
        }
        long log4jKeys = Collections.list(current.keys()).stream().filter(k -> k.startsWith("log4j2.")).count();
        return log4jKeys == wanted.size()
                && wanted.entrySet().stream().allMatch(e -> Objects.equals(current.get(e.getKey()), e.getValue()));
    }
}
