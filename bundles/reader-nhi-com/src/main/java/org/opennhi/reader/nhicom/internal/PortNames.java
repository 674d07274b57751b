// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a clinic configures into a port jSerialComm can open: a path is used as is; the legacy Windows
 * names {@code COMn} stay as they are on Windows and become {@code /dev/ttyS(n-1)} elsewhere; the legacy
 * {@code csOpenCom(n)} numbering means {@code COM(n+1)}. The cloud SAM's virtual port {@code COMX1} names no
 * serial port at all.
 */
final class PortNames {
    private static final Pattern COM = Pattern.compile("(?i)COM([1-9][0-9]{0,2})");

    private PortNames() {
    }

    /**
     * @param configured the {@code port} setting: a path, {@code COMn}, or empty
     * @param legacyComPort the platform's legacy {@code [CS] COM=} value (e.g. {@code COM1} or {@code COMX1}), or null
     * @param osName the {@code os.name} system property
     * @return the port to open, or empty when none is configured
     */
    static String resolve(String configured, String legacyComPort, String osName) {
        String wanted = configured == null ? "" : configured.trim();
        if (wanted.isEmpty() && legacyComPort != null && COM.matcher(legacyComPort.trim()).matches()) {
            wanted = legacyComPort.trim();
        }
        Matcher m = COM.matcher(wanted);
        if (!m.matches()) {
            return wanted;
        }
        int n = Integer.parseInt(m.group(1));
        return osName.toLowerCase(Locale.ROOT).startsWith("windows") ? "COM" + n : "/dev/ttyS" + (n - 1);
    }

    /**
     * @param n the argument of the legacy {@code csOpenCom(n)}: 0 for COM1
     * @return the legacy port name, {@code COM(n+1)}
     * @throws IllegalArgumentException when n is negative or too large
     */
    static String fromCsOpenCom(int n) {
        if (n < 0 || n > 254) {
            throw new IllegalArgumentException("csOpenCom takes 0 (COM1) to 254, not " + n);
        }
        return "COM" + (n + 1);
    }
}
