// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import org.junit.After;
import org.junit.Before;

/** Starts a fresh IDC simulator (own temp data folder, free port, fixed clock) around each test. */
public abstract class IdcTestBase {
    static {
        // the simulator logs every SAM it produces at INFO; keep test output to warnings
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }

    /** The running simulator and its client. */
    protected IdcFixture f;

    /** Starts it. */
    @Before
    public void startIdc() throws Exception {
        f = new IdcFixture(IdcFixture.tempDir());
    }

    /** Stops it. */
    @After
    public void stopIdc() {
        f.close();
    }
}
