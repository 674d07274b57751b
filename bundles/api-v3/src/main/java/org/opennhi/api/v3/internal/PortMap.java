// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which device {@code csOpenCom(n)} means: COM(n+1) from the {@code comPorts} list when it names one; else COM1
 * is the dedicated reader's own port and COMk the system's legacy name ({@code /dev/ttyS(k-1)} outside
 * Windows, {@code COMk} on Windows), as the reader plugin reads a {@code COMk} setting.
 */
final class PortMap {
    private static final Pattern COM = Pattern.compile("(?i)COM([1-9][0-9]{0,2})");
    /** The 3.x DLL numbers ports 0 (COM1) to 254 (COM255), as Windows does. */
    static final int LAST_PORT = 254;

    private PortMap() {
    }

    /**
     * @param n the argument of {@code csOpenCom}
     * @param comPorts the configured devices of COM1, COM2 …
     * @param readerPort the dedicated reader plugin's configured port, or empty
     * @param osName the {@code os.name} system property
     * @return the device, or empty when n names none
     */
    static String device(int n, String[] comPorts, String readerPort, String osName) {
        if (n < 0 || n > LAST_PORT) {
            return "";
        }
        String configured = n < comPorts.length && comPorts[n] != null ? comPorts[n].trim() : "";
        if (!configured.isEmpty()) {
            return systemName(configured, osName);
        }
        if (n == 0) {
            return systemName(readerPort == null ? "" : readerPort.trim(), osName);
        }
        return systemName("COM" + (n + 1), osName);
    }

    /** @return a path as it is; {@code COMk} as the system names it */
    static String systemName(String port, String osName) {
        Matcher m = COM.matcher(port);
        if (!m.matches()) {
            return port;
        }
        int k = Integer.parseInt(m.group(1));
        return osName.toLowerCase(Locale.ROOT).startsWith("windows") ? "COM" + k : "/dev/ttyS" + (k - 1);
    }
}
