// SPDX-License-Identifier: Apache-2.0
package org.opennhi.console.internal;

import java.time.Duration;
import java.util.Collection;

import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** Restarts the bundle of a running plugin service and waits until the plugin is registered again. */
final class PluginRestarts {
    private static final Duration COME_BACK_WITHIN = Duration.ofSeconds(20);

    private final BundleContext context;

    PluginRestarts(BundleContext context) {
        this.context = context;
    }

    /**
     * @param kind the plugin's kind in words ("reader", "SAM")
     * @param type the plugin's service type
     * @param property the service property naming the plugin (reader type, SAM mode)
     * @param value the plugin's name
     * @param progress told "restarting …" at {@code step - 1} of {@code steps}
     */
    void restart(String kind, Class<?> type, String property, String value, Progress progress, int step, int steps)
            throws Exception {
        Bundle plugin = pluginBundle(type, property, value);
        progress.update(step - 1, steps, "restarting " + kind + " plugin " + plugin.getSymbolicName());
        // transient: a reset must not change which bundles start with the platform
        plugin.stop(Bundle.STOP_TRANSIENT);
        plugin.start(Bundle.START_TRANSIENT);
        awaitService(type, property, value);
    }

    private Bundle pluginBundle(Class<?> type, String property, String value) throws NhiException {
        Collection<? extends ServiceReference<?>> refs = references(type, property, value);
        if (refs.isEmpty()) {
            throw new NhiException(ResultCode.FUNCTION_NOT_AVAILABLE, "no " + type.getSimpleName() + " '" + value
                    + "' is running");
        }
        return refs.iterator().next().getBundle();
    }

    private void awaitService(Class<?> type, String property, String value) throws Exception {
        long end = System.nanoTime() + COME_BACK_WITHIN.toNanos();
        while (System.nanoTime() < end) {
            if (!references(type, property, value).isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new NhiException(ResultCode.FUNCTION_NOT_AVAILABLE, type.getSimpleName() + " '" + value
                + "' did not come back within " + COME_BACK_WITHIN.toSeconds() + " s");
    }

    private Collection<? extends ServiceReference<?>> references(Class<?> type, String property, String value) {
        try {
            return context.getServiceReferences(type, "(" + property + "=" + value + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a plugin name: " + value, e);
        }
    }
}
