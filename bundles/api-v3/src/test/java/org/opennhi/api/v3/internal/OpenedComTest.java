// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.After;
import org.junit.Before;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.engine.testing.World;

/**
 * What the 3.5.x facade's golden tests start from: the simulated world, the dedicated reader serving COM1, and
 * COM1 opened (3.3 manual §1.31: nothing else answers before), as a 3.x HIS does first.
 */
abstract class OpenedComTest {
    protected final World world = new World();
    protected final FakeReaders readers = new FakeReaders("nhi-com", ReaderStatus.online());
    protected final PortGate port = new PortGate(readers, () -> "/dev/ttyS0", new String[0], "Linux");
    protected final V3Facade api = new V3Facade(world.engine, Optional::empty, "C:\\NHI\\LIB\\csHis30.dll", port);

    @Before
    public void openCom1() {
        assertEquals(0, api.csOpenCom(0));
    }

    @After
    public void closeWorld() {
        world.close();
    }

    /** @return the date as the manual writes it (ROC YYYMMDD), spaces for none */
    protected static String roc(LocalDate d) {
        return d == null ? "       " : String.format("%03d%02d%02d", d.getYear() - 1911, d.getMonthValue(),
                d.getDayOfMonth());
    }

    /** The manual's 1-based positions from..to of the buffer. */
    protected static void assertField(byte[] buf, int from, int to, String expected) {
        assertEquals("positions " + from + "–" + to, expected,
                new String(buf, from - 1, to - from + 1, StandardCharsets.ISO_8859_1));
    }
}
