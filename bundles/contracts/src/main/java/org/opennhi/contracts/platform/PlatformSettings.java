// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

/**
 * The platform-wide settings in force now, applied live from configuration PID {@value #PID} (which the
 * legacy {@code csdll.ini} import also writes). The service's properties carry the same values, so a
 * component can react to changes through its reference's {@code updated} method.
 */
public interface PlatformSettings {

    /** Configuration PID of these settings. */
    String PID = "opennhi.platform";

    /** Reader type of PC/SC chip readers (晶片讀卡機). */
    String READER_TYPE_PCSC = "pcsc";

    /** Reader type of the dedicated NHI reader on a COM port (健保讀卡機). */
    String READER_TYPE_NHI_COM = "nhi-com";

    /** SAM mode of the cloud SAM file authenticated with the IDC (雲端安全模組). */
    String SAM_MODE_CLOUD = "cloud";

    /** SAM mode of a physical SAM card (安全模組卡). */
    String SAM_MODE_PHYSICAL = "physical";

    /** @return the reader type in use, e.g. {@value #READER_TYPE_PCSC} */
    String readerType();

    /** @return the SAM mode in use, e.g. {@value #SAM_MODE_CLOUD} */
    String samMode();

    /** @return the SAM port, e.g. {@code COMX1} (legacy {@code [CS] COM=}) */
    String samPort();

    /** @return whether one PIN check authorises the HPC for 8 hours (legacy {@code HPCFASTAUTH}) */
    boolean hpcFastAuth();

    /** @return whether the status-light overlay is shown (legacy {@code CSWATCH}) */
    boolean watchOverlay();

    /** @return whether the readers sit on a remote desktop client (legacy {@code CSREMOTE}) */
    boolean remoteDesktop();

    /** @return whether closing the console leaves the HIS running (legacy {@code CLSCSFSIM}) */
    boolean keepHisOnConsoleClose();

    /** @return whether an API call opens the console (legacy {@code CSFSIM}) */
    boolean openConsoleOnCall();

    /** @return whether the platform runs on the embedded simulated NHI world */
    boolean demo();
}
