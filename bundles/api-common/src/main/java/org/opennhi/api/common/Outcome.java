// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a function body the way the DLL answers: a catalogue code for every outcome, never an exception. */
public final class Outcome {
    private static final Logger LOG = LoggerFactory.getLogger(Outcome.class);

    /** A function body. */
    @FunctionalInterface
    public interface Body {
        void run() throws NhiException;
    }

    private Outcome() {
    }

    /** @return 0, the body's NHI code, or 9005 for an unexpected failure (logged, without arguments) */
    public static int of(String function, Body body) {
        try {
            body.run();
            return 0;
        } catch (NhiException e) {
            return e.result().code();
        } catch (RuntimeException e) {
            LOG.warn("{} failed unexpectedly", function, e);
            return ResultCode.FUNCTION_NOT_AVAILABLE.code();
        }
    }
}
