// SPDX-License-Identifier: Apache-2.0
/**
 * Puts virtual cards into readers of the real pcscd through vsmartcard's {@code vpcd} driver:
 * {@link org.opennhi.sim.vpcd.VpcdSlot} is one virtual reader slot (insert, remove, swap), and
 * {@link org.opennhi.sim.vpcd.VpcdBridge} the usual pair of slots on consecutive ports.
 */
@Export
@Version("1.1.0")
package org.opennhi.sim.vpcd;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
