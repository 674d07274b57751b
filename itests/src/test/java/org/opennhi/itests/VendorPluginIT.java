// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.sim.card.CardInfo;
import org.opennhi.sim.card.SimulatedCards;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import com.example.netterm.NetTermEmulator;

/**
 * An integrator's reader plugin, installed the way the README tells a clinic's IT person to: its jar is copied
 * into the running platform's deploy folder. The type {@code netterm} must become selectable and serve cards
 * without a restart, and taking the jar away must leave the platform running on its other readers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VendorPluginIT {
    private static final String PLUGIN = "com.example.netterm.reader";
    private static final byte[] SELECT_HC = HexFormat.of().parseHex("00A4040010D1580000010000000000000000001100");
    private static final byte[] GET_BASIC = HexFormat.of().parseHex("00CA1100020000");

    @Inject
    private BundleContext context;
    @Inject
    private ReaderService readers;
    @Inject
    private ConfigurationAdmin configAdmin;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        List<Option> options = PlatformOptions.platform("opennhi.itest.sim.card");
        Path deploy = Files.createTempDirectory(Files.createDirectories(Path.of(
                System.getProperty("opennhi.itest.work", "target/itest-work"))), "deploy-");
        // what the distribution's config.properties sets for FileInstall, pointed at this test's own folder
        options.add(systemProperty("felix.fileinstall.dir").value(deploy.toString()));
        options.add(systemProperty("felix.fileinstall.poll").value("250"));
        options.add(systemProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(systemProperty("opennhi.itest.deploy").value(deploy.toString()));
        options.add(systemProperty("opennhi.itest.sample.netterm")
                .value(System.getProperty("opennhi.itest.sample.netterm")));
        return options.toArray(new Option[0]);
    }

    @Test
    public void theJarDroppedIntoTheDeployFolderBecomesALiveReaderType() throws Exception {
        Path deploy = Path.of(System.getProperty("opennhi.itest.deploy"));
        Path jar = Path.of(System.getProperty("opennhi.itest.sample.netterm"));
        assertNull("the sample is not part of the platform's own bundle set", bundle());
        String before = readers.readerType();

        SimulatedCards world = SimulatedCards.open(Files.createTempDirectory("netterm-cards-"));
        CardInfo hc = world.list().stream().filter(c -> c.kind() == CardKind.HC && c.number().startsWith("9"))
                .findFirst().orElseThrow();
        try (NetTermEmulator terminal = new NetTermEmulator()) {
            terminal.insert(1, world.card(hc.number()));
            Configs.update(configAdmin, "com.example.netterm", "port", terminal.port());

            long dropped = System.nanoTime();
            // copy beside the folder, then rename into it: FileInstall must never see half a jar
            Path part = deploy.resolveSibling(jar.getFileName() + ".part");
            Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, deploy.resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            Await.until("FileInstall starts the dropped plugin",
                    () -> bundle() != null && bundle().getState() == Bundle.ACTIVE);

            Configs.update(configAdmin, PlatformSettings.PID, "readerType", "netterm");
            Await.until("the reader service serves the new type with the terminal's card",
                    () -> "netterm".equals(readers.readerType()) && readers.slot(Slot.HC).cardPresent());
            long liveMillis = (System.nanoTime() - dropped) / 1_000_000;
            System.out.println("VendorPluginIT: jar dropped → card served through netterm in " + liveMillis + " ms");

            try (CardSession s = readers.openSession(Slot.HC, Duration.ofSeconds(10))) {
                ResponseApdu select = s.transmit(SELECT_HC);
                ResponseApdu basic = s.transmit(GET_BASIC);
                assertTrue("SELECT through the vendor plugin: " + select, select.isOk());
                assertTrue("GET DATA through the vendor plugin: " + basic, basic.isOk());
                assertEquals(57, basic.data().length);
                assertArrayEquals("the card number the terminal's card holds", hc.number().getBytes(),
                        Arrays.copyOfRange(basic.data(), 0, 12));
            }

            // taking the jar away uninstalls the plugin; the platform goes on with the type it had before
            Files.delete(deploy.resolve(jar.getFileName()));
            Await.until("FileInstall uninstalls the removed plugin", () -> bundle() == null);
            Configs.update(configAdmin, PlatformSettings.PID, "readerType", before);
            Await.until("back on " + before, () -> before.equals(readers.readerType()));
            assertNotEquals("netterm", readers.readerType());
        }
    }

    private Bundle bundle() {
        return Arrays.stream(context.getBundles()).filter(b -> PLUGIN.equals(b.getSymbolicName())).findFirst()
                .orElse(null);
    }
}
