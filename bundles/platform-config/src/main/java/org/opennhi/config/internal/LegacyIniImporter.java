// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.ReaderMapping;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a clinic's legacy settings over: reads {@code INI/csdll.ini} and the {@code ReaderCFG<n>.ini} of
 * the current SAM port at start and whenever they change, and writes what they say into the platform's
 * configuration. A file is applied only when its content differs from what was last imported, so a setting
 * changed later through the console survives a restart until the file itself changes again. The files are
 * never rewritten; unknown keys are reported and kept in the configuration.
 */
@Component(service = LegacyIniImporter.class, immediate = true, configurationPid = LegacyImportConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"osgi.command.scope=opennhi", "osgi.command.function=importini"})
@Designate(ocd = LegacyImportConfig.class)
public final class LegacyIniImporter {
    static final String CSDLL = "csdll.ini";
    static final String REPORT_FILE = "legacy-ini-import.log";
    /** Property on the target configuration holding the SHA-256 of the file last imported into it. */
    static final String SOURCE_HASH_PROPERTY = "legacy.source.sha256";

    private static final Logger LOG = LoggerFactory.getLogger(LegacyIniImporter.class);

    private final ConfigurationAdmin configAdmin;
    private final NhiHome home;
    private final LegacyImportConfig config;
    private final Map<Path, FileTime> lastSeen = new HashMap<>();
    private volatile Thread watcher;
    private volatile WatchService watchService;

    @Activate
    public LegacyIniImporter(@Reference ConfigurationAdmin configAdmin, @Reference NhiHome home,
            LegacyImportConfig config) {
        this.configAdmin = configAdmin;
        this.home = home;
        this.config = config;
        if (config.enabled()) {
            report(runImport(false));
            startWatching();
        }
    }

    @Deactivate
    void deactivate() {
        Thread t = watcher;
        watcher = null;
        WatchService ws = watchService;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException ignored) {
                // closing is best effort on the way out
            }
        }
        if (t != null) {
            t.interrupt();
        }
    }

    /** Gogo {@code opennhi:importini}: imports both files now, even when unchanged, and prints the report. */
    public String importini() {
        ImportReport report = runImport(true);
        report(report);
        return report.render();
    }

    /** Imports the files; {@code force} applies them even when unchanged since the last import. */
    synchronized ImportReport runImport(boolean force) {
        ImportReport report = new ImportReport(Instant.now(), home.iniFolder());
        Optional<Path> csdll = findIgnoringCase(home.iniFolder(), CSDLL);
        if (csdll.isPresent()) {
            importFile(csdll.get(), PlatformSettings.PID, LegacyImport::csdll, force, report);
        } else {
            report.note(CSDLL + " not found: platform settings left as they are");
        }
        String readerFile = LegacyImport.readerConfigFileFor(currentSamPort());
        Optional<Path> readerCfg = findIgnoringCase(home.iniFolder(), readerFile);
        if (readerCfg.isPresent()) {
            importFile(readerCfg.get(), ReaderMapping.PID, LegacyImport::readerConfig, force, report);
        } else {
            report.note(readerFile + " not found: reader mapping left as it is");
        }
        return report;
    }

    private void importFile(Path file, String pid, BiFunction<String, IniFile, LegacyImport.Result> mapper, boolean force, ImportReport report) {
        byte[] bytes;
        try {
            bytes = readLegacy(file);
        } catch (IOException e) {
            report.note(file.getFileName() + " could not be read: " + e.getMessage());
            return;
        } catch (Refused e) {
            report.note(file.getFileName() + " refused, nothing imported from it: " + e.getMessage());
            return;
        }
        String hash = sha256(bytes);
        LegacyImport.Result result = mapper.apply(file.getFileName().toString(), IniFile.parse(IniFile.decode(bytes)));
        try {
            Configuration target = configAdmin.getConfiguration(pid, "?");
            Dictionary<String, Object> current = target.getProperties();
            if (!force && current != null && hash.equals(current.get(SOURCE_HASH_PROPERTY))) {
                report.unchanged(result);
                return;
            }
            Hashtable<String, Object> merged = new Hashtable<>();
            if (current != null) {
                for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
                    String key = keys.nextElement();
                    merged.put(key, current.get(key));
                }
            }
            merged.remove(LegacyImport.UNKNOWN_PROPERTY);
            merged.putAll(result.properties());
            merged.put(SOURCE_HASH_PROPERTY, hash);
            target.updateIfDifferent(merged);
            report.applied(result, pid);
        } catch (IOException | RuntimeException e) {
            report.note(file.getFileName() + " could not be applied to " + pid + ": " + e);
        }
    }

    private String currentSamPort() {
        try {
            Dictionary<String, Object> props = configAdmin.getConfiguration(PlatformSettings.PID, "?").getProperties();
            Object port = props == null ? null : props.get("samPort");
            return port == null ? HomeLayout.DEFAULT_SAM_PORT : port.toString();
        } catch (IOException e) {
            return HomeLayout.DEFAULT_SAM_PORT;
        }
    }

    /** The most a legacy INI may hold: NHI's have a few hundred bytes; anything near this is not one. */
    static final int MAX_LEGACY_BYTES = 64 * 1024;

    /** A file that is not a legacy INI (too large, not a regular file, binary). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * Reads a legacy INI, at most {@link #MAX_LEGACY_BYTES} (a 50 MB file must cost neither memory nor start-up
     * time, nor fill the configuration with junk).
     */
    static byte[] readLegacy(Path file) throws IOException, Refused {
        if (!Files.isRegularFile(file)) {
            throw new Refused("not a regular file");
        }
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_LEGACY_BYTES + 1);
        }
        if (bytes.length > MAX_LEGACY_BYTES) {
            throw new Refused("larger than " + MAX_LEGACY_BYTES / 1024 + " KiB (" + Files.size(file) + " bytes)");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new Refused("binary data (NUL bytes), not a text file");
            }
        }
        return bytes;
    }

    /** Logs a run and keeps it as the latest report in {@code LOG/}. */
    private void report(ImportReport report) {
        String text = report.render();
        if (report.hasProblems()) {
            LOG.warn("Legacy INI import found problems:\n{}", text);
        } else {
            LOG.info("Legacy INI import:\n{}", text);
        }
        try {
            Files.writeString(home.logFolder().resolve(REPORT_FILE), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Could not write the legacy INI import report to {}: {}", home.logFolder(), e.getMessage());
        }
    }

    private void startWatching() {
        Path dir = home.iniFolder();
        try {
            watchService = dir.getFileSystem().newWatchService();
            dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            LOG.warn("No change events for {} ({}); checking every {} ms instead", dir, e.getMessage(),
                    config.checkIntervalMillis());
            watchService = null;
        }
        rememberTimes();
        Thread t = new Thread(this::watchLoop, "opennhi-legacy-ini-watch");
        t.setDaemon(true);
        watcher = t;
        t.start();
    }

    private void watchLoop() {
        long interval = Math.max(100, config.checkIntervalMillis());
        while (watcher == Thread.currentThread()) {
            try {
                WatchService ws = watchService;
                boolean event = false;
                if (ws != null) {
                    WatchKey key = ws.poll(interval, TimeUnit.MILLISECONDS);
                    if (key != null) {
                        event = key.pollEvents().stream().anyMatch(e -> isLegacyFile(String.valueOf(e.context())));
                        key.reset();
                        // editors write in several steps: let the file settle before reading it
                        Thread.sleep(50);
                    }
                } else {
                    Thread.sleep(interval);
                }
                if ((event || rememberTimes()) && watcher == Thread.currentThread()) {
                    rememberTimes();
                    ImportReport report = runImport(false);
                    // a touched but unchanged file is no news
                    if (report.appliedAny()) {
                        report(report);
                    }
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Legacy INI watch failed once, going on: {}", e.toString());
            }
        }
    }

    /** @return true when a legacy file's modification time changed since the last call */
    private boolean rememberTimes() {
        boolean changed = false;
        Map<Path, FileTime> now = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(home.iniFolder())) {
            for (Path f : files) {
                if (isLegacyFile(f.getFileName().toString())) {
                    now.put(f, Files.getLastModifiedTime(f));
                }
            }
        } catch (IOException e) {
            return false;
        }
        synchronized (lastSeen) {
            changed = !now.equals(lastSeen);
            lastSeen.clear();
            lastSeen.putAll(now);
        }
        return changed;
    }

    static boolean isLegacyFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals(CSDLL) || (lower.startsWith("readercfg") && lower.endsWith(".ini"));
    }

    /** Windows file names are case-insensitive: find {@code CSDLL.INI} too. */
    static Optional<Path> findIgnoringCase(Path dir, String name) {
        Path exact = dir.resolve(name);
        if (Files.isRegularFile(exact)) {
            return Optional.of(exact);
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (f.getFileName().toString().equalsIgnoreCase(name) && Files.isRegularFile(f)) {
                    matches.add(f);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return matches.stream().sorted().findFirst();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
