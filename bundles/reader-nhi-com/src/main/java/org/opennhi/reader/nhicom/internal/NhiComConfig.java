// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "NHI dedicated reader plugin (COM port)",
        description = "Where the dedicated NHI reader (健保讀卡機) is connected and how the plugin talks to it"
                + " (docs/serial-protocol.md). Applied live.")
@interface NhiComConfig {
    String PID = "opennhi.reader.nhicom";

    @AttributeDefinition(name = "Port", description = "The serial port: a path (/dev/ttyUSB0, /dev/ttyS0, a pty"
            + " link), a Windows name (COM3), or a legacy COMn name, which means /dev/ttyS(n-1) outside Windows."
            + " Empty: the legacy [CS] COM= setting of the platform when it names a COM port, else no port.")
    String port() default "";

    @AttributeDefinition(name = "Baud rate", min = "1200", description = "Line speed; 8 data bits, no parity, 1"
            + " stop bit, no flow control.")
    int baudRate() default 115_200;

    @AttributeDefinition(name = "Response timeout (ms)", min = "50", description = "How long each attempt waits"
            + " for the reader's answer before the request is sent again (the protocol says 1000).")
    long responseTimeoutMillis() default 1000;

    @AttributeDefinition(name = "Retries", min = "0", max = "10", description = "How often an unanswered request"
            + " is sent again; the reader answers a repeat from its cache, so no command runs twice. After the"
            + " last one the caller gets 4000.")
    int retries() default 3;

    @AttributeDefinition(name = "Poll interval (ms)", min = "20", description = "Time between two looks at the"
            + " slots: card insertion and removal are seen this late at most (plus one answer).")
    long pollMillis() default 200;

    @AttributeDefinition(name = "Reconnect interval (ms)", min = "50", description = "Time between two attempts"
            + " to open a port that is missing or held by another program.")
    long reconnectMillis() default 1000;
}
