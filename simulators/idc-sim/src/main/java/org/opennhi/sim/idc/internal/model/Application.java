// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A cloud-SAM application (雲端安全模組申請單). Mutable under the lifecycle's lock; stored as JSON.
 */
public final class Application {
    /** One state change. */
    public record Step(String state, String label, String at, String note) {
    }

    public String applicationNo;
    public String hospitalId;
    public String hospitalName;
    public String contact;
    public String phone;
    public String email;
    public String appliedAt;
    public ApplicationState state;
    public String stateLabel;
    public String reviewedAt;
    public String samId;
    public boolean automatic;
    public List<Step> history = new ArrayList<>();

    /** Moves to {@code next}, recording when and why. */
    public void moveTo(ApplicationState next, String at, String note) {
        state = next;
        stateLabel = next.label();
        history.add(new Step(next.name(), next.label(), at, note));
    }
}
