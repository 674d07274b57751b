// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import org.opennhi.contracts.platform.ReaderMapping;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The live chip-reader mapping; see {@link PlatformSettingsComponent} for how changes propagate. */
@Component(service = ReaderMapping.class, configurationPid = ReaderMapping.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ReaderMappingConfig.class)
public final class ReaderMappingComponent implements ReaderMapping {
    private volatile ReaderMappingConfig config;

    @Activate
    public ReaderMappingComponent(ReaderMappingConfig config) {
        this.config = config;
    }

    @Modified
    void modified(ReaderMappingConfig changed) {
        this.config = changed;
    }

    @Override
    public String hcReaderName() {
        return config.hcReaderName();
    }

    @Override
    public String hpcReaderName() {
        return config.hpcReaderName();
    }
}
