// SPDX-License-Identifier: Apache-2.0
/**
 * The in-JVM simulated reader: a reader plugin of type {@value org.opennhi.sim.readersim.SimReader#TYPE} whose
 * HC and HPC slots hold virtual cards, for demo mode on machines without pcscd and the vpcd driver.
 */
@Export
@Version("1.0.0")
package org.opennhi.sim.readersim;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
