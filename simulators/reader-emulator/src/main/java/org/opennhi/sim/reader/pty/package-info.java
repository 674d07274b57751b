// SPDX-License-Identifier: Apache-2.0
/**
 * Test support: {@link org.opennhi.sim.reader.pty.PtyPair} starts {@code socat} to make a pair of linked
 * pseudo-terminals in raw mode, one for the reader (emulator) and one for the host.
 */
@Export
@Version("1.0.0")
package org.opennhi.sim.reader.pty;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
