// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import java.time.Instant;
import java.util.Optional;

import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.result.ResultCode;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live platform settings. {@code @Modified} keeps the service registered across changes; DS copies the
 * new configuration into the service properties, so references with an {@code updated} method hear of it.
 * A text setting that is not of its allowed form ({@link SettingRules}: a value that came through ConfigAdmin or a
 * configuration file, which cannot refuse it) is never used: the previous value (at start, the default) stays,
 * with a log line and a {@link PlatformEvent.Type#SETTING_REFUSED} event that {@code /status} shows as its last
 * error; {@link SettingsGuard} then puts the stored configuration back.
 */
@Component(service = PlatformSettings.class, configurationPid = PlatformSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PlatformConfig.class)
public final class PlatformSettingsComponent implements PlatformSettings {
    /** Framework property the start script sets for {@code --demo}. */
    static final String DEMO_PROPERTY = "opennhi.demo";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformSettingsComponent.class);
    private static final String DEFAULT_READER_TYPE = PlatformSettings.READER_TYPE_PCSC;
    private static final String DEFAULT_SAM_MODE = PlatformSettings.SAM_MODE_CLOUD;

    private final boolean demo;
    private volatile PlatformEvents events;
    /** Refusals made before the events hub was there (at start): told when it comes. */
    private final java.util.List<String> untold = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile PlatformConfig config;
    /** The text settings in force: each the last value that passed its rule. */
    private volatile String readerType = DEFAULT_READER_TYPE;
    private volatile String samMode = DEFAULT_SAM_MODE;
    private volatile String samPort = HomeLayout.DEFAULT_SAM_PORT;

    @Activate
    public PlatformSettingsComponent(BundleContext context, PlatformConfig config) {
        this.demo = Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY));
        apply(config);
    }

    /** Dynamic: the events hub coming or going must not restart the settings every component follows. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEvents(PlatformEvents e) {
        events = e;
        for (String message : untold) {
            tell(e, message);
        }
        untold.clear();
    }

    void unbindEvents(PlatformEvents e) {
        if (events == e) {
            events = null;
        }
    }

    private static void tell(PlatformEvents e, String message) {
        e.publish(new PlatformEvent(PlatformEvent.Type.SETTING_REFUSED, Optional.empty(),
                ResultCode.BAD_PARAMETER.code(), message, Instant.now()));
    }

    @Modified
    void modified(PlatformConfig changed) {
        apply(changed);
    }

    private void apply(PlatformConfig c) {
        readerType = checked("readerType", c.readerType(), readerType);
        samMode = checked("samMode", c.samMode(), samMode);
        samPort = checked("samPort", c.samPort(), samPort);
        config = c;
    }

    private String checked(String name, String value, String inForce) {
        Optional<String> refusal = SettingRules.refusal(name, value);
        if (refusal.isEmpty()) {
            return value;
        }
        String message = "Setting refused, " + name + " stays " + inForce + ": " + refusal.get();
        LOG.warn("{} ({} {})", message, PlatformSettings.PID, name);
        PlatformEvents e = events;
        if (e != null) {
            tell(e, message);
        } else {
            untold.add(message);
        }
        return inForce;
    }

    @Override
    public String readerType() {
        return readerType;
    }

    @Override
    public String samMode() {
        return samMode;
    }

    @Override
    public String samPort() {
        return samPort;
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
