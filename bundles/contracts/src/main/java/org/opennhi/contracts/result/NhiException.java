// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.result;

import java.util.Objects;

/**
 * A failure that carries the NHI result code the caller should see. Plugins throw it so that the facades can
 * return the documented code without guessing from a message.
 */
public class NhiException extends Exception {
    /** Serial form version. */
    private static final long serialVersionUID = 1L;

    private final ResultCode result;

    /**
     * @param result the documented code for this failure
     * @param detail what went wrong, for logs; must not hold a PIN or a full id number
     */
    public NhiException(ResultCode result, String detail) {
        super(detail == null ? result.describe() : result.describe() + ": " + detail);
        this.result = Objects.requireNonNull(result, "result");
    }

    /**
     * @param result the documented code for this failure
     * @param detail what went wrong, for logs
     * @param cause the underlying failure
     */
    public NhiException(ResultCode result, String detail, Throwable cause) {
        this(result, detail);
        initCause(cause);
    }

    /** @return the documented code a facade returns for this failure */
    public ResultCode result() {
        return result;
    }
}
