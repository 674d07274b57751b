package org.opennhi.config.internal;

import org.opennhi.contracts.platform.PlatformSettings;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The live platform settings. {@code @Modified} keeps the service registered across changes; DS copies the
 * new configuration into the service properties, so references with an {@code updated} method hear of it.
 */
@Component(service = PlatformSettings.class, configurationPid = PlatformSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PlatformConfig.class)
public final class PlatformSettingsComponent implements PlatformSettings {
    /** Framework property the start script sets for {@code --demo}. */
    static final String DEMO_PROPERTY = "opennhi.demo";

    private final boolean demo;
    private volatile PlatformConfig config;

    @Activate
    public PlatformSettingsComponent(BundleContext context, PlatformConfig config) {
        this.demo = Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY));
        this.config = config;
    }

    @Modified
    void modified(PlatformConfig changed) {
        this.config = changed;
    }

    @Override
    public String readerType() {
        return config.readerType();
    }

    @Override
    public String samMode() {
        return config.samMode();
    }

    @Override
    public String samPort() {
        return config.samPort();
    }

    @Override
    public boolean hpcFastAuth() {
        return config.hpcFastAuth();
    }

    @Override
    public boolean watchOverlay() {
        return config.watchOverlay();
    }

    @Override
    public boolean remoteDesktop() {
        return config.remoteDesktop();
    }

    @Override
    public boolean keepHisOnConsoleClose() {
        return config.keepHisOnConsoleClose();
    }

    @Override
    public boolean openConsoleOnCall() {
        return config.openConsoleOnCall();
    }

    @Override
    public boolean demo() {
        return demo;
    }
}
