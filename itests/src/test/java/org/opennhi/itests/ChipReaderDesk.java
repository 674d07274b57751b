// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;

import org.opennhi.contracts.platform.ReaderMapping;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.fixtures.Person;
import org.opennhi.sim.vpcd.VpcdBridge;
import org.opennhi.sim.vpcd.pcscd.PrivatePcscd;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A 5.1.x desk with chip readers: a private pcscd with vsmartcard's vpcd driver (the path in the system property
 * {@code opennhi.itest.pcscd}), its two readers bridged to simulated cards, and the reader mapping HC → reader 0,
 * HPC → reader 1. One per test class: Pax Exam runs every test method as a request of its own, so @AfterClass
 * would run after each; a shutdown hook stops pcscd and the bridge when the JVM ends.
 */
final class ChipReaderDesk {
    static final String READER_0 = "Virtual PCD 00 00";
    static final String READER_1 = "Virtual PCD 00 01";

    final PrivatePcscd pcscd;
    final VpcdBridge bridge;
    final SimulatedCards world;

    private ChipReaderDesk(PrivatePcscd pcscd, VpcdBridge bridge, SimulatedCards world) {
        this.pcscd = pcscd;
        this.bridge = bridge;
        this.world = world;
    }

    /**
     * @param extraBundleProperties as {@link PlatformOptions#platform}; the vpcd bridge's is among them
     * @return the platform's options with the path of pcscd passed on to the test inside the framework
     */
    static Option[] options(String... extraBundleProperties) throws IOException {
        List<Option> options = PlatformOptions.platform(extraBundleProperties);
        options.add(systemProperty("opennhi.itest.pcscd").value(System.getProperty("opennhi.itest.pcscd")));
        return options.toArray(new Option[0]);
    }

    /** Starts pcscd, the bridge and a new card world; stopped when the JVM ends. */
    static ChipReaderDesk start() throws IOException {
        PrivatePcscd pcscd = PrivatePcscd.start(Path.of(System.getProperty("opennhi.itest.pcscd")));
        SimulatedCards world = SimulatedCards.open(Files.createTempDirectory("cards-"));
        VpcdBridge bridge = new VpcdBridge("localhost", pcscd.port(0), 2);
        ChipReaderDesk desk = new ChipReaderDesk(pcscd, bridge, world);
        Runtime.getRuntime().addShutdownHook(new Thread(desk::stop, "stop-private-pcscd"));
        return desk;
    }

    /** Maps the HC to reader 0 and the HPC to reader 1, and waits until the reader service serves them so. */
    void map(ConfigurationAdmin configAdmin, ReaderService readers) throws IOException, InterruptedException {
        Hashtable<String, Object> mapping = new Hashtable<>();
        mapping.put("hcReaderName", READER_0);
        mapping.put("hpcReaderName", READER_1);
        configAdmin.getConfiguration(ReaderMapping.PID, "?").updateIfDifferent(mapping);
        Await.until("mapping applied", () -> READER_0.equals(readers.slot(Slot.HC).readerName())
                && READER_1.equals(readers.slot(Slot.HPC).readerName()));
    }

    /** @return the fixture person whose HC has that number */
    Person person(String cardNumber) {
        return world.fixtures().persons().stream().filter(x -> x.cardNumber().equals(cardNumber)).findFirst()
                .orElseThrow();
    }

    /** @return the person's birth date as the HIS passes it, ROC {@code YYYMMDD} */
    static String rocBirthDate(Person p) {
        return String.format("%03d%02d%02d", p.birthDate().getYear() - 1911, p.birthDate().getMonthValue(),
                p.birthDate().getDayOfMonth());
    }

    private void stop() {
        bridge.close();
        pcscd.close();
    }
}
