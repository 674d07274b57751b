// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.vpcd;

import java.io.IOException;
import java.nio.file.Path;
import org.opennhi.sim.vpcd.pcscd.PrivatePcscd;

/**
 * The private pcscd of this module's tests. Its folder is the one surefire points the test JVM's
 * {@code PCSCLITE_CSOCK_NAME} at (see pom.xml), so javax.smartcardio in this JVM talks to it too.
 */
final class PcscdFixture {
    private PcscdFixture() {
    }

    static PrivatePcscd start() throws IOException {
        String dir = System.getProperty("private.pcscd.dir");
        if (dir == null) {
            throw new IllegalStateException("run through Maven: surefire sets private.pcscd.dir");
        }
        return PrivatePcscd.start(Path.of(dir));
    }
}
