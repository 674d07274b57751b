// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.model;

/**
 * The states of a cloud-SAM application as the NHI VPN portal names them. {@link #DOWNLOADABLE} is also
 * shown as 待下載 on some portal pages.
 */
public enum ApplicationState {
    /** 申請中: submitted by the institution. */
    APPLIED("申請中"),
    /** 審核中: an NHI reviewer is looking at it. */
    UNDER_REVIEW("審核中"),
    /** 未通過: rejected; final. */
    REJECTED("未通過"),
    /** 待產製: approved, the SAM file is produced on the next full hour. */
    AWAITING_PRODUCTION("待產製"),
    /** 可下載: the SAM file can be downloaded. */
    DOWNLOADABLE("可下載"),
    /** 註銷中: the institution asked to revoke the SAM; done on the next full hour. */
    REVOKING("註銷中"),
    /** 已註銷: revoked; the SAM no longer authenticates. */
    REVOKED("已註銷");

    private final String label;

    ApplicationState(String label) {
        this.label = label;
    }

    /** @return the portal's Chinese name of the state */
    public String label() {
        return label;
    }
}
