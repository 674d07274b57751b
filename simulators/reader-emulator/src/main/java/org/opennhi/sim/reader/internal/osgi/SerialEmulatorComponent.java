// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.internal.osgi;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.reader.ReaderEmulator;
import org.opennhi.sim.reader.ScriptedKeypad;
import org.opennhi.sim.reader.protocol.Slot;
import org.opennhi.sim.reader.pty.PtyPair;
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
 * Demo mode with a dedicated reader: starts a socat pty pair and the emulator on its reader end, with the
 * configured fixture cards, when the configuration {@code org.opennhi.sim.reader} exists. Registers the
 * {@link ReaderEmulator} (service property {@code host.device}: the path the COM-port plugin opens) and its
 * {@link ScriptedKeypad}, which plays the user at the keypad.
 */
@Component(configurationPid = SerialEmulatorComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = SerialEmulatorComponent.Config.class)
public final class SerialEmulatorComponent {
    /** Configuration PID. */
    public static final String PID = "org.opennhi.sim.reader";

    /** Settings of the emulated dedicated reader. */
    @ObjectClassDefinition(name = "Open NHI dedicated-reader emulator", description = "Serial reader of demo mode")
    public @interface Config {
        /** @return where socat puts the two links */
        @AttributeDefinition(description = "Folder for the pty links 'reader' and 'host'; empty: <java.io.tmpdir>/nhi-sim-serial")
        String link() default "";

        /** @return the SAM in the SAM slot */
        @AttributeDefinition(description = "SAM id in the SAM slot; empty: none")
        String sam() default "900077777777";

        /** @return the HC */
        @AttributeDefinition(description = "HC card number; empty: none")
        String hc() default "900000000001";

        /** @return the HPC */
        @AttributeDefinition(description = "HPC card number; empty: none")
        String hpc() default "900000001001";
    }

    private final PtyPair pty;
    private final ReaderEmulator reader;
    private final ServiceRegistration<ReaderEmulator> registration;
    private final ServiceRegistration<ScriptedKeypad> keypadRegistration;

    /** Starts socat and the emulator. */
    @Activate
    public SerialEmulatorComponent(BundleContext context, @Reference SimulatedCards world, Config config)
            throws IOException {
        Path link = config.link().isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "nhi-sim-serial")
                : Path.of(config.link());
        pty = PtyPair.open(link);
        ScriptedKeypad keypad = new ScriptedKeypad();
        try {
            reader = ReaderEmulator.onDevice(pty.readerEnd(), keypad, Clock.systemDefaultZone());
        } catch (IOException | RuntimeException e) {
            pty.close();
            throw e;
        }
        insert(world, Slot.SAM, config.sam());
        insert(world, Slot.HC, config.hc());
        insert(world, Slot.HPC, config.hpc());
        reader.start();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("host.device", pty.hostEnd().toString());
        registration = context.registerService(ReaderEmulator.class, reader, props);
        keypadRegistration = context.registerService(ScriptedKeypad.class, keypad, props);
    }

    private void insert(SimulatedCards world, Slot slot, String number) {
        if (!number.isBlank()) {
            reader.insert(slot, world.card(number));
        }
    }

    /** Stops the emulator and socat. */
    @Deactivate
    public void stop() {
        keypadRegistration.unregister();
        registration.unregister();
        reader.close();
        pty.close();
    }
}
