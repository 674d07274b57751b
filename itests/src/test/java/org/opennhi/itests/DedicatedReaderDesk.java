// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;

import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.sam.SamService;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A 3.5.x desk: the dedicated reader (the serial emulator on a socat pty) with a physical test SAM card and a
 * test HC, the IDC simulator for the SAM's authentication, reader type nhi-com and SAM mode physical.
 */
final class DedicatedReaderDesk {
    static final String HOSPITAL = "9999999999";
    static final String PHYSICAL_SAM = "900099999999";
    static final String HC = "900000000001";

    private DedicatedReaderDesk() {
    }

    /** @return the pty the reader plugin uses (COM1 of the 3.5.x facade) */
    static String start(BundleContext context, ConfigurationAdmin configAdmin, NhiHome home, ReaderService readers,
            Path work) throws Exception {
        new SimulatedIdc(context, configAdmin, work.resolve("idc")).installCloudSam(home, HOSPITAL);
        String device = plugEmulator(context, configAdmin, work, PHYSICAL_SAM, HC);
        Configs.update(configAdmin, PlatformSettings.PID, "readerType", PlatformSettings.READER_TYPE_NHI_COM);
        Configs.update(configAdmin, PlatformSettings.PID, "samMode", PlatformSettings.SAM_MODE_PHYSICAL);
        Await.until("the dedicated reader holds the SAM card and the HC", () -> "nhi-com".equals(readers.readerType())
                && readers.slot(Slot.SAM).cardPresent() && readers.slot(Slot.HC).cardPresent());
        // the mode reaches the SAM service on its own path: until then the cloud SAM installed above still serves
        SamService sams = context.getService(context.getServiceReference(SamService.class));
        Await.until("the SAM service uses the physical SAM card", () -> sams.identity()
                .map(id -> PHYSICAL_SAM.equals(id.samId())).orElse(false));
        return device;
    }

    /**
     * Starts the serial reader emulator on a pty under {@code work} with its own card world, and points the
     * {@code nhi-com} plugin at it; the reader type stays as it is.
     *
     * @param sam the card in the SAM slot, or null for the emulator's default
     * @param hc the card in the HC slot
     * @return the pty the plugin uses
     */
    static String plugEmulator(BundleContext context, ConfigurationAdmin configAdmin, Path work, String sam,
            String hc) throws Exception {
        Configs.update(configAdmin, "org.opennhi.sim.cards", "dir", work.resolve("serial-cards").toString());
        Dictionary<String, Object> emulator = new Hashtable<>();
        emulator.put("link", Files.createDirectories(work.resolve("pty")).toString());
        if (sam != null) {
            emulator.put("sam", sam);
        }
        emulator.put("hc", hc);
        emulator.put("hpc", "");
        configAdmin.getConfiguration("org.opennhi.sim.reader", "?").update(emulator);
        Await.until("the emulator advertises its pty", () -> Configs.emulatorDevice(context) != null);
        String device = Configs.emulatorDevice(context);
        Configs.update(configAdmin, "opennhi.reader.nhicom", "port", device);
        return device;
    }
}
