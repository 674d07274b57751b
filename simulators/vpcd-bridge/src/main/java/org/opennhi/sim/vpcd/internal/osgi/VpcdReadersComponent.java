// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.vpcd.internal.osgi;

import java.util.Dictionary;
import java.util.Hashtable;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.vpcd.VpcdBridge;
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
 * Demo mode with real PC/SC: puts the configured fixture cards into the vpcd readers of the machine's pcscd
 * (packages pcscd and vsmartcard-vpcd), so the PC/SC reader plugin finds them in "Virtual PCD 00 00" (HC) and
 * "Virtual PCD 00 01" (HPC). Starts only with the configuration {@code org.opennhi.sim.vpcd}; registers the
 * {@link VpcdBridge} as a service so a console command can insert, remove and swap cards.
 */
@Component(configurationPid = VpcdReadersComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = VpcdReadersComponent.Config.class)
public final class VpcdReadersComponent {
    /** Configuration PID. */
    public static final String PID = "org.opennhi.sim.vpcd";

    /** Settings of the demo readers. */
    @ObjectClassDefinition(name = "Open NHI vpcd readers", description = "Fixture cards in pcscd's vpcd readers")
    public @interface Config {
        /** @return vpcd's first port */
        @AttributeDefinition(description = "vpcd port of 'Virtual PCD 00 00' (the next port is '00 01')")
        int port() default VpcdBridge.DEFAULT_PORT;

        /** @return the HC inserted at start */
        @AttributeDefinition(description = "Card number of the HC put into reader 00 00; empty: none")
        String hc() default "900000000001";

        /** @return the HPC inserted at start */
        @AttributeDefinition(description = "Card number of the HPC put into reader 00 01; empty: none")
        String hpc() default "900000001001";
    }

    private final VpcdBridge bridge;
    private final ServiceRegistration<VpcdBridge> registration;

    /** Connects the configured cards (each slot retries until vpcd listens) and registers the bridge. */
    @Activate
    public VpcdReadersComponent(BundleContext context, @Reference SimulatedCards world, Config config) {
        bridge = new VpcdBridge("127.0.0.1", config.port(), 2);
        if (!config.hc().isBlank()) {
            bridge.slot(0).insert(world.card(config.hc()));
        }
        if (!config.hpc().isBlank()) {
            bridge.slot(1).insert(world.card(config.hpc()));
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("port", config.port());
        registration = context.registerService(VpcdBridge.class, bridge, props);
    }

    /** Removes the cards. */
    @Deactivate
    public void stop() {
        registration.unregister();
        bridge.close();
    }
}
