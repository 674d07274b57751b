// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

import java.nio.file.Path;

/**
 * The NHI home folder ({@code C:\NHI} on Windows, {@code --home} or {@code NHI_HOME} elsewhere) laid out as
 * the official software lays it out. The platform creates the folders on first start.
 */
public interface NhiHome {

    /** @return the home folder itself */
    Path root();

    /**
     * @param port the SAM "port" name, e.g. {@code COMX1}
     * @return the folder that holds that port's cloud SAM file, {@code SAM/<port>}
     */
    Path samFolder(String port);

    /** @return {@code INI}: settings, the legacy {@code csdll.ini} and {@code ReaderCFG*.ini}, the API token */
    Path iniFolder();

    /** @return {@code LOG}: logs and reports */
    Path logFolder();

    /** @return {@code LIB}: native libraries for legacy callers */
    Path libFolder();

    /** @return {@code BIN}: programs */
    Path binFolder();

    /** @return {@code sample}: sample programs and data */
    Path sampleFolder();

    /** @return {@code UTILITY}: the small ops tools */
    Path utilityFolder();

    /** @return {@code VPN}: the VPN client's files */
    Path vpnFolder();
}
