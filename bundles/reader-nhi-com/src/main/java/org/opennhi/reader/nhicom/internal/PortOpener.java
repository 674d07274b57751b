// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

/** Opens a serial port by name and tells "missing" from "in use" when it cannot. */
final class PortOpener {
    /** Why a port could not be opened. */
    enum Failure {
        /** No port of that name exists (unplugged, wrong name). */
        MISSING,
        /** It exists but could not be opened: another program holds it, or no permission. */
        OPEN_FAILED
    }

    /** The port could not be opened. */
    static final class PortException extends Exception {
        private static final long serialVersionUID = 1L;
        private final Failure failure;

        PortException(Failure failure, String message) {
            super(message);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }

    private PortOpener() {
    }

    /**
     * @param name a path or a system port name ({@code COM3})
     * @param baudRate line speed (8N1, no flow control)
     * @return the open port
     */
    static SerialIo open(String name, int baudRate) throws PortException {
        if (name.startsWith("/") && !Files.exists(Path.of(name))) {
            throw new PortException(Failure.MISSING, "serial port " + name + " does not exist");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(name);
        } catch (SerialPortInvalidPortException e) {
            throw new PortException(Failure.MISSING, "serial port " + name + " does not exist");
        }
        port.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            int errno = port.getLastErrorCode();
            String why = errno == 13 ? "permission denied" : "in use by another program or not ready";
            throw new PortException(Failure.OPEN_FAILED, "serial port " + name + " cannot be opened: " + why
                    + " (error " + errno + ")");
        }
        return new JSerialIo(port);
    }
}
