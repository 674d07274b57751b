// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;
import org.opennhi.contracts.reader.ReaderStatus;

/** csOpenCom(n) → COM(n+1) → a device, and when opening it answers 0 or −1. */
public class PortGateTest {
    private static final String[] NONE = {};

    @Test
    public void comNumbersToDevices() {
        assertEquals("COM1 defaults to the reader's port", "/dev/pts/7", PortMap.device(0, NONE, "/dev/pts/7", "Linux"));
        assertEquals("a COMk reader setting is /dev/ttyS(k-1)", "/dev/ttyS2", PortMap.device(0, NONE, "COM3", "Linux"));
        assertEquals("COM2 is /dev/ttyS1 outside Windows", "/dev/ttyS1", PortMap.device(1, NONE, "/dev/pts/7", "Linux"));
        assertEquals("COM2 stays COM2 on Windows", "COM2", PortMap.device(1, NONE, "COM1", "Windows 10"));
        String[] list = {"", "/dev/ttyUSB0", "COM9"};
        assertEquals("an empty entry keeps the default", "/dev/pts/7", PortMap.device(0, list, "/dev/pts/7", "Linux"));
        assertEquals("/dev/ttyUSB0", PortMap.device(1, list, "/dev/pts/7", "Linux"));
        assertEquals("/dev/ttyS8", PortMap.device(2, list, "/dev/pts/7", "Linux"));
        assertEquals("no reader port configured: COM1 is nothing", "", PortMap.device(0, NONE, "", "Linux"));
        assertEquals("", PortMap.device(-1, NONE, "/dev/pts/7", "Linux"));
        assertEquals("", PortMap.device(255, NONE, "/dev/pts/7", "Linux"));
    }

    @Test
    public void opensOnlyTheOnlineDedicatedReadersPort() {
        FakeReaders readers = new FakeReaders("nhi-com", ReaderStatus.online());
        PortGate gate = new PortGate(readers, () -> "/dev/ttyS0", NONE, "Linux");
        assertFalse(gate.isOpen());
        assertEquals("COM2: no reader there", -1, gate.open(1));
        assertEquals(-1, gate.open(-1));
        assertFalse(gate.isOpen());
        assertEquals(0, gate.open(0));
        assertTrue(gate.isOpen());
        assertEquals(0, gate.close());
        assertFalse(gate.isOpen());
        assertEquals("closing a closed port is no error", 0, gate.close());

        readers.status = ReaderStatus.offline("serial port /dev/ttyS0 cannot be opened: in use by another program");
        assertEquals("busy or unplugged", -1, gate.open(0));
        readers.status = ReaderStatus.online();
        readers.type = "pcsc";
        assertEquals("the chip readers serve: no dedicated reader on any COM port", -1, gate.open(0));
    }

    @Test
    public void opensAreCountedSoOneHisDoesNotCloseAnothersPort() {
        PortGate gate = new PortGate(new FakeReaders("nhi-com", ReaderStatus.online()), () -> "/dev/ttyS0", NONE,
                "Linux");
        assertEquals(0, gate.open(0));
        assertEquals(0, gate.open(0));
        gate.close();
        assertTrue(gate.isOpen());
        gate.close();
        assertFalse(gate.isOpen());
    }

    @Test
    public void aLinkAndItsTargetAreTheSamePort() throws Exception {
        Path dir = Files.createTempDirectory("ports-");
        Path device = Files.createFile(dir.resolve("pts-3"));
        Path link = Files.createSymbolicLink(dir.resolve("reader"), device);
        PortGate gate = new PortGate(new FakeReaders("nhi-com", ReaderStatus.online()), link::toString,
                new String[] {"", device.toString()}, "Linux");
        assertEquals("COM2 configured as the link's target", 0, gate.open(1));
        assertEquals(device.toString(), gate.device(1));
    }
}
