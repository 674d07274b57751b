// SPDX-License-Identifier: Apache-2.0
/**
 * Test support: {@link org.opennhi.sim.vpcd.pcscd.PrivatePcscd} starts a pcscd of its own (own socket, own
 * reader configuration, own vpcd ports) so tests never meet, or disturb, another pcscd on the machine.
 */
@Export
@Version("1.0.0")
package org.opennhi.sim.vpcd.pcscd;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
