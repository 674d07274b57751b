// SPDX-License-Identifier: Apache-2.0
/**
 * The dedicated NHI reader emulator: {@link org.opennhi.sim.reader.ReaderEmulator} speaks our serial protocol
 * (docs/serial-protocol.md) on a line, usually one end of a socat pty pair
 * ({@link org.opennhi.sim.reader.pty.PtyPair}), with SAM, HC and HPC slots, a {@link org.opennhi.sim.reader.Keypad},
 * a clock and LEDs.
 */
@Export
@Version("1.1.0")
package org.opennhi.sim.reader;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
