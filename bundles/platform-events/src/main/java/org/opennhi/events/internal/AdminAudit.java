// SPDX-License-Identifier: Apache-2.0
package org.opennhi.events.internal;

import org.opennhi.contracts.platform.AuditRecord;
import org.opennhi.contracts.platform.PlatformEvents;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Audits the administrative actions no console code sees: every settings change (a configuration updated or
 * deleted, by the settings API, the console, a file or ConfigAdmin: {@code settings:<pid>}, never its values) and
 * every bundle update ({@code bundleUpdate:<name>}).
 */
@Component(service = ConfigurationListener.class, immediate = true)
public final class AdminAudit implements ConfigurationListener {
    private final PlatformEvents events;
    private final BundleContext context;
    private final SynchronousBundleListener bundles;

    @Activate
    public AdminAudit(@Reference PlatformEvents events, BundleContext context) {
        this.events = events;
        this.context = context;
        this.bundles = e -> {
            if (e.getType() == BundleEvent.UPDATED) {
                events.record(AuditRecord.admin("bundleUpdate:" + e.getBundle().getSymbolicName(), "platform", 0));
            }
        };
        context.addBundleListener(bundles);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(bundles);
    }

    @Override
    public void configurationEvent(ConfigurationEvent e) {
        if (e.getType() != ConfigurationEvent.CM_LOCATION_CHANGED) {
            events.record(AuditRecord.admin((e.getType() == ConfigurationEvent.CM_DELETED ? "settingsDeleted:"
                    : "settings:") + e.getPid(), "platform", 0));
        }
    }
}
