// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/** Asserts that an engine call fails with a given NHI code. */
public final class Expect {
    private Expect() {
    }

    /** A call that may throw. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** Fails unless {@code a} throws an {@link NhiException} carrying {@code code}. */
    public static void code(ResultCode code, Action a) throws Exception {
        try {
            a.run();
            fail("expected " + code.code());
        } catch (NhiException e) {
            assertEquals(e.getMessage(), code, e.result());
        }
    }
}
