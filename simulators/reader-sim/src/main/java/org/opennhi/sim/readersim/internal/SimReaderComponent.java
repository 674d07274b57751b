// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.readersim.internal;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import org.opennhi.contracts.platform.Plugins;
import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.readersim.SimReader;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Demo mode's in-JVM readers: starts with its configuration {@value #PID}, puts the configured fixture cards
 * in and registers the plugin (reader type {@value SimReader#TYPE}) and the {@link SimReader} hands.
 */
@Component(configurationPid = SimReaderComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = SimReaderComponent.Config.class)
@Header(name = Plugins.HEADER, value = "reader")
public final class SimReaderComponent {
    /** Configuration PID. */
    public static final String PID = "opennhi.reader.sim";

    /** Settings of the simulated reader. */
    @ObjectClassDefinition(name = "Open NHI simulated reader", description = "In-JVM HC and HPC readers of demo mode")
    public @interface Config {
        /** @return the HC inserted at start */
        @AttributeDefinition(description = "Card number of the HC inserted at start; empty: none")
        String hc() default "900000000001";

        /** @return the HPC inserted at start */
        @AttributeDefinition(description = "Card number of the HPC inserted at start; empty: none")
        String hpc() default "900000001001";

        /** @return the command timeout */
        @AttributeDefinition(description = "Milliseconds a card may take to answer before the caller gets 4000",
                min = "50")
        int commandTimeoutMillis() default 5000;
    }

    private final SimReaderPlugin plugin;
    private final ServiceRegistration<?> registration;

    /** Inserts the configured cards and registers the plugin. */
    @Activate
    public SimReaderComponent(BundleContext context, @Reference SimulatedCards world, Config config) {
        plugin = new SimReaderPlugin(Duration.ofMillis(config.commandTimeoutMillis()));
        if (!config.hc().isBlank()) {
            plugin.insert(Slot.HC, world.card(config.hc().strip()));
        }
        if (!config.hpc().isBlank()) {
            plugin.insert(Slot.HPC, world.card(config.hpc().strip()));
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ReaderPlugin.TYPE_PROPERTY, SimReader.TYPE);
        registration = context.registerService(new String[] {ReaderPlugin.class.getName(), SimReader.class.getName()},
                plugin, props);
    }

    /** Withdraws the readers. */
    @Deactivate
    public void stop() {
        registration.unregister();
        plugin.close();
    }
}
