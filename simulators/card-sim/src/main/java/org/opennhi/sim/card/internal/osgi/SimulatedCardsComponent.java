package org.opennhi.sim.card.internal.osgi;

import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import org.opennhi.sim.card.SimulatedCards;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The simulated card world of demo mode: opens it when the configuration {@code org.opennhi.sim.cards} exists
 * and registers the {@link SimulatedCards} object as a service, for the vpcd readers, the serial emulator
 * and any in-process reader plugin.
 */
@Component(configurationPid = SimulatedCardsComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = SimulatedCardsComponent.Config.class)
public final class SimulatedCardsComponent {
    /** Configuration PID. */
    public static final String PID = "org.opennhi.sim.cards";

    /** Settings of the simulated card world. */
    @ObjectClassDefinition(name = "Open NHI simulated cards", description = "Fixture cards of demo mode")
    public @interface Config {
        /** @return where card states live */
        @AttributeDefinition(description = "Folder of the card states; empty: <user.home>/.opennhi/sim/cards")
        String dir() default "";
    }

    private final ServiceRegistration<SimulatedCards> registration;

    /** Opens the world (issuing fixture cards into an empty folder) and registers it. */
    @Activate
    public SimulatedCardsComponent(BundleContext context, Config config) {
        Path dir = config.dir().isBlank() ? Path.of(System.getProperty("user.home"), ".opennhi", "sim", "cards")
                : Path.of(config.dir());
        SimulatedCards world = SimulatedCards.open(dir);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("dir", dir.toString());
        registration = context.registerService(SimulatedCards.class, world, props);
    }

    /** Withdraws the service; the card states stay on disk. */
    @Deactivate
    public void stop() {
        registration.unregister();
    }
}
