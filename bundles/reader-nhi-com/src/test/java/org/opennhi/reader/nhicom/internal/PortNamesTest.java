// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class PortNamesTest {
    @Test
    public void legacyComNamesBecomeTtySOutsideWindows() {
        assertEquals("/dev/ttyS0", PortNames.resolve("COM1", null, "Linux"));
        assertEquals("/dev/ttyS2", PortNames.resolve("com3", null, "Mac OS X"));
        assertEquals("COM3", PortNames.resolve("COM3", null, "Windows 11"));
    }

    @Test
    public void aPathIsUsedAsIs() {
        assertEquals("/dev/ttyUSB0", PortNames.resolve(" /dev/ttyUSB0 ", "COM2", "Linux"));
    }

    @Test
    public void thePlatformsLegacyComSettingFillsAnEmptyPortButComx1NamesNoPort() {
        assertEquals("/dev/ttyS1", PortNames.resolve("", "COM2", "Linux"));
        assertEquals("", PortNames.resolve("", "COMX1", "Linux"));
        assertEquals("", PortNames.resolve(null, null, "Linux"));
    }

    @Test
    public void csOpenComCountsFromZero() {
        assertEquals("COM1", PortNames.fromCsOpenCom(0));
        assertEquals("COM4", PortNames.fromCsOpenCom(3));
        assertThrows(IllegalArgumentException.class, () -> PortNames.fromCsOpenCom(-1));
    }
}
