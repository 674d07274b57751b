// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

/** An IDC error answer (idc-protocol §2): the HTTP status and the NHI code of its body. */
public final class IdcRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final int code;

    /**
     * @param status the HTTP status
     * @param code the body's {@code code}, 0 when it had none
     * @param detail the body's {@code detail}, may be empty
     */
    public IdcRefusal(int status, int code, String detail) {
        super("IDC answered " + status + "/" + code + (detail.isEmpty() ? "" : ": " + detail));
        this.status = status;
        this.code = code;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the NHI code of the body, 0 when the body had none */
    public int code() {
        return code;
    }

    /** @return true when the IDC no longer knows the SAM session (401/4050): authenticate again */
    public boolean sessionEnded() {
        return status == 401 && code == org.opennhi.contracts.result.ResultCode.SAM_NOT_AUTHENTICATED.code();
    }
}
