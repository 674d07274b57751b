// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.opennhi.contracts.platform.NhiHome;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the NHI home and creates its folders on first start. A changed path re-creates the component,
 * so everything that uses the home follows it live.
 */
@Component(service = NhiHome.class, immediate = true, configurationPid = HomeConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HomeConfig.class)
public final class NhiHomeComponent implements NhiHome {
    /** Framework property the start script sets from {@code --home} / {@code NHI_HOME}. */
    static final String HOME_PROPERTY = "opennhi.home";

    private static final Logger LOG = LoggerFactory.getLogger(NhiHomeComponent.class);

    private final Path root;

    @Activate
    public NhiHomeComponent(BundleContext context, HomeConfig config) {
        this.root = HomeLayout.choose(config.path(), context.getProperty(HOME_PROPERTY), System.getenv("NHI_HOME"),
                System.getProperty("os.name"), System.getProperty("user.home"));
        try {
            List<Path> created = HomeLayout.create(root);
            if (!created.isEmpty()) {
                LOG.info("Created NHI home folders under {}: {}", root, created.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the NHI home folders under " + root, e);
        }
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Path samFolder(String port) {
        if (port == null || !port.matches("COMX[1-9][0-9]?")) {
            throw new IllegalArgumentException("a SAM port is named COMX1..COMX99");
        }
        return root.resolve(HomeLayout.SAM).resolve(port);
    }

    @Override
    public Path iniFolder() {
        return root.resolve("INI");
    }

    @Override
    public Path logFolder() {
        return root.resolve("LOG");
    }

    @Override
    public Path libFolder() {
        return root.resolve("LIB");
    }

    @Override
    public Path binFolder() {
        return root.resolve("BIN");
    }

    @Override
    public Path sampleFolder() {
        return root.resolve("sample");
    }

    @Override
    public Path utilityFolder() {
        return root.resolve("UTILITY");
    }

    @Override
    public Path vpnFolder() {
        return root.resolve("VPN");
    }

    @Override
    public String toString() {
        return "NhiHome[" + root + "]";
    }
}
