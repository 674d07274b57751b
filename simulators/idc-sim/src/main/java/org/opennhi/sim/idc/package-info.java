// SPDX-License-Identifier: Apache-2.0
/**
 * Starting the IDC simulator in-process ({@link org.opennhi.sim.idc.IdcSimulator}, {@link
 * org.opennhi.sim.idc.IdcOptions}) and its simulated clock ({@link org.opennhi.sim.idc.AdjustableClock}).
 * The protocol is in {@code docs/idc-protocol.md}.
 */
@Export
@Version("1.0.0")
package org.opennhi.sim.idc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
