// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import org.opennhi.api.common.functions.Records;

/** The 5.1.x names of what the shared health-record reads define (their tests use them). */
final class V5Records {
    /** 5.1.3 manual §1.8, §1.33, §1.50: the ICD-10-CM marker at the start of pBuffer. */
    static final byte[] ICD10_MARKER = Records.ICD10_MARKER;

    private V5Records() {
    }
}
