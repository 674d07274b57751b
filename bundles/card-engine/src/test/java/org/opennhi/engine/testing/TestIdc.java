package org.opennhi.engine.testing;

import java.nio.file.Files;

import org.opennhi.sim.idc.IdcOptions;
import org.opennhi.sim.idc.IdcSimulator;

/**
 * The IDC simulator on a free port with a fresh data folder, and a client holding the cloud SAM session of
 * 健保測試診所甲 (7777777777). For a test class's {@code @BeforeClass}; close it in {@code @AfterClass}.
 */
public final class TestIdc implements AutoCloseable {
    public final IdcSimulator idc;
    public final IdcVisitClient client;

    private TestIdc(IdcSimulator idc, IdcVisitClient client) {
        this.idc = idc;
        this.client = client;
    }

    public static TestIdc start() throws Exception {
        IdcSimulator idc = IdcSimulator.start(IdcOptions.defaults(Files.createTempDirectory("idc")).withPort(0));
        try {
            return new TestIdc(idc, new IdcVisitClient(idc, "7777777777"));
        } catch (Exception e) {
            idc.close();
            throw e;
        }
    }

    @Override
    public void close() {
        idc.close();
    }
}
