// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import org.opennhi.contracts.platform.PlatformSettings;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "NHI platform settings",
        description = "Reader type, SAM mode and the switches of the legacy csdll.ini. Applied live.")
@interface PlatformConfig {

    // no fixed options: a vendor's reader plugin brings a type of its own; metatype has no patterns, so the
    // forms of readerType and samPort are SettingRules', enforced by PlatformSettingsComponent and SettingsGuard
    @AttributeDefinition(name = "Reader type", description = "The reader plugin that serves calls (the official"
            + " csUpRDType switch): pcsc for chip readers, nhi-com for the dedicated NHI reader on a COM port, or"
            + " the type of an installed vendor plugin: lower-case letters, digits and '-' (at most 32). Any other"
            + " value is refused and the previous type stays.")
    String readerType() default PlatformSettings.READER_TYPE_PCSC;

    @AttributeDefinition(name = "SAM mode", description = "Cloud SAM file or physical SAM card.",
            options = {@Option(value = PlatformSettings.SAM_MODE_CLOUD, label = "Cloud SAM file"),
                @Option(value = PlatformSettings.SAM_MODE_PHYSICAL, label = "Physical SAM card")})
    String samMode() default PlatformSettings.SAM_MODE_CLOUD;

    @AttributeDefinition(name = "SAM port", description = "Folder under SAM/ that holds the cloud SAM file"
            + " (csdll.ini [CS] COM=): COMX1 to COMX99, never a path. Any other value is refused and the previous"
            + " port stays.")
    String samPort() default "COMX1";

    @AttributeDefinition(name = "HPC fast authentication", description = "After one PIN check the HPC stays"
            + " authorised for 8 hours and may leave the reader (HPCFASTAUTH).")
    boolean hpcFastAuth() default false;

    @AttributeDefinition(name = "Watch overlay", description = "Show the status-light overlay (CSWATCH).")
    boolean watchOverlay() default false;

    @AttributeDefinition(name = "Remote desktop", description = "Readers sit on a remote desktop client"
            + " (CSREMOTE).")
    boolean remoteDesktop() default false;

    @AttributeDefinition(name = "Keep HIS on console close", description = "Closing the console leaves the HIS"
            + " running (CLSCSFSIM). Always so here, whatever this says: the console is a web page and a desktop"
            + " window, and closing either never stops the platform or a HIS; kept only so the legacy csdll.ini"
            + " value is imported and shown.")
    boolean keepHisOnConsoleClose() default true;

    @AttributeDefinition(name = "Open console on call", description = "A call through the native libraries"
            + " (cshis.dll, libcshis.so) while the platform is not running starts it, as NHI's DLL starts its"
            + " console (CSFSIM); off: such a call answers 9240 within 3 s (docs/native.md).")
    boolean openConsoleOnCall() default true;
}
