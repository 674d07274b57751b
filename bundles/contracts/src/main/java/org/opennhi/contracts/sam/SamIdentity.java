// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.sam;

import java.util.Objects;

import org.opennhi.contracts.platform.Environment;

/**
 * Who a SAM belongs to.
 *
 * @param hospitalId the institution's 10-digit id (醫事機構代號)
 * @param hospitalName the institution's name
 * @param hospitalShortName the institution's short name
 * @param samId the SAM's 12-digit id (安全模組代號)
 */
public record SamIdentity(String hospitalId, String hospitalName, String hospitalShortName, String samId) {

    /** @throws NullPointerException when an argument is null */
    public SamIdentity {
        Objects.requireNonNull(hospitalId, "hospitalId");
        Objects.requireNonNull(hospitalName, "hospitalName");
        Objects.requireNonNull(hospitalShortName, "hospitalShortName");
        Objects.requireNonNull(samId, "samId");
    }

    /** @return the environment the SAM id names, test ({@code 9…}) or production ({@code 0…}) */
    public java.util.Optional<Environment> environment() {
        return Environment.ofId(samId);
    }
}
