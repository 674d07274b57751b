// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.testing;

import java.nio.file.Files;

import org.junit.rules.ExternalResource;
import org.opennhi.sim.idc.IdcOptions;
import org.opennhi.sim.idc.IdcSimulator;

/**
 * The IDC simulator on a free port with a fresh data folder, and a client holding the cloud SAM session of
 * 健保測試診所甲 (7777777777), for a test class: {@code @ClassRule public static final TestIdc IDC = new TestIdc();}.
 */
public final class TestIdc extends ExternalResource {
    private IdcSimulator idc;
    private IdcVisitClient client;

    @Override
    protected void before() throws Throwable {
        idc = IdcSimulator.start(IdcOptions.defaults(Files.createTempDirectory("idc")).withPort(0));
        client = new IdcVisitClient(idc, "7777777777");
    }

    @Override
    protected void after() {
        if (idc != null) {
            idc.close();
        }
    }

    /** @return the client in the SAM's session */
    public IdcVisitClient client() {
        return client;
    }
}
