// SPDX-License-Identifier: Apache-2.0
/**
 * Our serial wire protocol for a dedicated NHI reader (docs/serial-protocol.md): frames, CRC, command and
 * status codes, a frame reader that resynchronises after garbage, and a host-side client. Shared by the
 * emulator and by any host that wants to speak to it.
 */
@Export
@Version("1.0.0")
package org.opennhi.sim.reader.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
