// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.insurance;

import org.opennhi.contracts.result.ResultCode;

/** The outcomes of an insurance check (即時查保) and the NHI code each one answers with. */
public enum InsuranceStatus {
    /** Insured: 0. */
    INSURED(ResultCode.SUCCESS),
    /** Not insured, the short answer older functions give: 5012. */
    NOT_INSURED(ResultCode.NOT_INSURED),
    /** 9083 不在保. */
    NOT_INSURED_DETAILED(ResultCode.INSURANCE_NOT_INSURED),
    /** 9084 停保中. */
    SUSPENDED(ResultCode.INSURANCE_SUSPENDED),
    /** 9085 已退保. */
    WITHDRAWN(ResultCode.INSURANCE_WITHDRAWN),
    /** 9086 個人欠費. */
    PERSONAL_ARREARS(ResultCode.INSURANCE_PERSONAL_ARREARS),
    /** 9087 負責人欠費. */
    OWNER_ARREARS(ResultCode.INSURANCE_OWNER_ARREARS),
    /** 9088 投保單位欠費. */
    EMPLOYER_ARREARS(ResultCode.INSURANCE_EMPLOYER_ARREARS),
    /** 9089 個人及單位均欠費. */
    PERSONAL_AND_EMPLOYER_ARREARS(ResultCode.INSURANCE_PERSONAL_AND_EMPLOYER_ARREARS),
    /** 9090 欠費且未在保. */
    ARREARS_NOT_INSURED(ResultCode.INSURANCE_ARREARS_NOT_INSURED),
    /** 9091 聲明不實. */
    FALSE_DECLARATION(ResultCode.INSURANCE_FALSE_DECLARATION),
    /** 9092 其他. */
    OTHER(ResultCode.INSURANCE_OTHER);

    private final ResultCode code;

    InsuranceStatus(ResultCode code) {
        this.code = code;
    }

    /** @return the code the check answers with */
    public ResultCode code() {
        return code;
    }
}
