// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Objects;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamService;

/**
 * What every part of the engine asks of the clinic's desk: the SAM and the visit clock (Taiwan time).
 *
 * @param sam the SAM service
 * @param clock the visit clock
 */
record Desk(SamService sam, Clock clock) {
    Desk {
        Objects.requireNonNull(sam, "sam");
        Objects.requireNonNull(clock, "clock");
    }

    /** @return now on the visit clock, to the second (ROC date-times have no fraction) */
    LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    /** @throws NhiException {@code 4012} when the SAM's identity is not known */
    SamIdentity identity() throws NhiException {
        return sam.identity().orElseThrow(() -> new NhiException(ResultCode.SAM_NOT_PRESENT,
                "the SAM's identity is not known"));
    }
}
