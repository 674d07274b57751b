// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal;

import org.opennhi.contracts.result.ResultCode;

/**
 * A refused request: the HTTP status and the NHI result code the JSON error answer carries.
 */
public final class IdcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ResultCode code;

    /**
     * @param status HTTP status, 4xx or 5xx
     * @param code the NHI code a client maps the failure to
     * @param detail a plain explanation; never a secret or a full id number
     */
    public IdcException(int status, ResultCode code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the NHI result code */
    public ResultCode code() {
        return code;
    }

    /** 400 with 9002 (syntax). */
    public static IdcException badRequest(String detail) {
        return new IdcException(400, ResultCode.IDC_SYNTAX_ERROR, detail);
    }

    /** 404 with the given code. */
    public static IdcException notFound(ResultCode code, String detail) {
        return new IdcException(404, code, detail);
    }

    /** 409 with the given code. */
    public static IdcException conflict(ResultCode code, String detail) {
        return new IdcException(409, code, detail);
    }
}
