// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal.osgi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.TestKit;
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

        /** @return NHI's test edition: the folder of the kit's files (docs/test-edition.md) */
        @AttributeDefinition(description = "Test edition: folder with NHI's test-kit files (bday.txt, cri.txt,"
                + " treno.txt, treco.txt) that the test-kit HC holds; empty: off")
        String testKit() default "";

        /** @return the HC that holds the kit's contents */
        @AttributeDefinition(description = "Test edition: the fixture HC that holds the kit's contents")
        String testKitCard() default "900000000001";

        /** @return where trecoW.txt and trecoW1.txt go */
        @AttributeDefinition(description = "Test edition: folder for trecoW.txt / trecoW1.txt; empty: the kit's")
        String testKitOutput() default "";
    }

    private final ServiceRegistration<SimulatedCards> registration;

    /** Opens the world (issuing fixture cards into an empty folder) and registers it. */
    @Activate
    public SimulatedCardsComponent(BundleContext context, Config config) {
        Path dir = config.dir().isBlank() ? Path.of(System.getProperty("user.home"), ".opennhi", "sim", "cards")
                : Path.of(config.dir());
        SimulatedCards world = SimulatedCards.open(dir);
        if (!config.testKit().isBlank()) {
            Path kit = Path.of(config.testKit());
            try {
                world.useTestKit(TestKit.read(kit), config.testKitCard().strip(),
                        config.testKitOutput().isBlank() ? kit : Path.of(config.testKitOutput()));
            } catch (IOException | IllegalArgumentException e) {
                // a kit that cannot be used must not look like a card with the kit's data
                System.out.println("demo: test kit " + kit + " refused: " + e.getMessage());
                throw new IllegalStateException("test kit " + kit + ": " + e.getMessage(), e);
            }
        }
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
