package org.opennhi.sim.idc;

import org.junit.After;
import org.junit.Before;

/** Starts a fresh IDC simulator (own temp data folder, free port, fixed clock) around each test. */
public abstract class IdcTestBase {
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
