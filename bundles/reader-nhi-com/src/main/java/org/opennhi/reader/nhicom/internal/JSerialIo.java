// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.io.IOException;

import com.fazecast.jSerialComm.SerialPort;

/**
 * An open jSerialComm port. Reads wait in short slices so a deadline is kept without changing the port's
 * timeouts per call (a reconfiguration of the port each time).
 */
final class JSerialIo implements SerialIo {
    private static final int SLICE_MILLIS = 50;

    private final SerialPort port;
    private final byte[] buffer = new byte[4096];
    private int start;
    private int end;

    /** @param port an open port */
    JSerialIo(SerialPort port) {
        this.port = port;
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                SLICE_MILLIS, 1000);
    }

    @Override
    public int read(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (start == end) {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0 || !port.isOpen()) {
                throw new IOException("serial port " + port.getSystemPortPath() + " is gone (error "
                        + port.getLastErrorCode() + ")");
            }
            start = 0;
            end = n;
            if (n == 0 && System.nanoTime() >= deadline) {
                return -1;
            }
        }
        return buffer[start++] & 0xFF;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int done = 0;
        while (done < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - done, done);
            if (n <= 0) {
                throw new IOException("serial port " + port.getSystemPortPath() + " refused a write (error "
                        + port.getLastErrorCode() + ")");
            }
            done += n;
        }
    }

    @Override
    public void close() {
        port.closePort();
    }
}
