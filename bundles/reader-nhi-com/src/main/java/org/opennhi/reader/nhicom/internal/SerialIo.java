// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.io.IOException;

/** An open byte-transparent serial line. */
interface SerialIo extends AutoCloseable {
    /**
     * @param timeoutMillis how long to wait for a byte
     * @return the byte 0..255, or -1 when none came in time
     * @throws IOException when the line is gone (port closed, device unplugged)
     */
    int read(long timeoutMillis) throws IOException;

    /** Writes all bytes. @throws IOException when the line is gone */
    void write(byte[] bytes) throws IOException;

    /** Releases the port; never throws. */
    @Override
    void close();
}
