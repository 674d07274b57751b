// SPDX-License-Identifier: Apache-2.0
package org.opennhi.nativelink.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformSettings;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's side of the drop-in native libraries: installs them into {@code LIB} at start and keeps
 * {@code INI/cshis.ini} (port, start-on-call switch, launcher) current with the settings in force.
 */
@Component(immediate = true)
public final class NativeLink {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLink.class);

    private final NhiHome home;
    private final String port;
    private final String dist;
    private volatile PlatformSettings settings;

    @Activate
    public NativeLink(BundleContext context, @Reference NhiHome home) {
        this.home = home;
        this.port = context.getProperty("org.osgi.service.http.port");
        this.dist = context.getProperty("opennhi.dist");
        installLibraries();
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedSettings")
    void bindSettings(PlatformSettings s) {
        settings = s;
        writeLinkFile();
    }

    void updatedSettings(PlatformSettings s) {
        bindSettings(s);
    }

    void unbindSettings(PlatformSettings s) {
        // the file keeps the last settings: a library reading it meanwhile still finds the platform
    }

    private void installLibraries() {
        if (dist == null || dist.isBlank()) {
            return;
        }
        try {
            List<Path> changed = LibraryInstaller.install(Path.of(dist, "native"), home.libFolder(),
                    System.getProperty("os.name"), System.getProperty("os.arch"));
            if (!changed.isEmpty()) {
                LOG.info("Installed {} native libraries into {}", changed.size(), home.libFolder());
            }
            if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
                LibraryInstaller.linkLowerCaseLib(home.root());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not install the native libraries into {}: {}", home.libFolder(), e.toString());
        }
    }

    private synchronized void writeLinkFile() {
        int p;
        try {
            p = Integer.parseInt(port == null ? "" : port.strip());
        } catch (NumberFormatException e) {
            LOG.warn("No local API port known ({}): {} not written", port, LinkFile.NAME);
            return;
        }
        PlatformSettings s = settings;
        if (s == null) {
            return;
        }
        String launcher = dist == null || dist.isBlank() ? "" : Path.of(dist, "bin", launcherName()).toString();
        try {
            new LinkFile("127.0.0.1", p, s.openConsoleOnCall(), launcher, s.demo()).writeTo(home.iniFolder());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write {} in {}: {}", LinkFile.NAME, home.iniFolder(), e.toString());
        }
    }

    private static String launcherName() {
        return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows") ? "nhi-cs.cmd"
                : "nhi-cs";
    }
}
