// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.Test;
import org.opennhi.sim.reader.protocol.Crc16;
import org.opennhi.sim.reader.protocol.Frame;
import org.opennhi.sim.reader.protocol.FrameReader;
import org.opennhi.sim.reader.protocol.TimedInput;

/** Pure framing logic: the CRC check value and the documented example frame. */
public class FrameTest {
    @Test
    public void crcCheckValue() {
        byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x29B1, Crc16.of(b, 0, b.length));
    }

    @Test
    public void documentedOpenFrame() {
        assertEquals("0201010000" + String.format("%04X", Crc16.of(new byte[] {1, 1, 0, 0}, 0, 4)) + "03",
                HexFormat.of().withUpperCase().formatHex(new Frame(1, 1, new byte[0]).encode()));
        assertEquals("0201010000C54403",
                HexFormat.of().withUpperCase().formatHex(new Frame(1, 1, new byte[0]).encode()));
    }

    @Test
    public void garbageBeforeStxIsSkipped() throws Exception {
        Frame f = new Frame(5, 0x13, new byte[] {1, 2, 3});
        byte[] e = f.encode();
        byte[] line = new byte[e.length + 3];
        line[0] = 0x7E;
        line[1] = 0x03;
        line[2] = (byte) 0xFF;
        System.arraycopy(e, 0, line, 3, e.length);
        try (TimedInput in = new TimedInput(new ByteArrayInputStream(line), "test")) {
            FrameReader.Result r = new FrameReader(in, 500).next(1000);
            assertEquals(f, r.frame());
            assertArrayEquals(new byte[] {1, 2, 3}, r.frame().payload());
        }
    }
}
