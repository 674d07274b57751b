// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "3.5.x API facade: COM ports",
        description = "Which device each legacy COM number of csOpenCom(n) means (n = 0 is COM1). Applied live.")
@interface ComPortsConfig {
    String PID = "opennhi.api.v3";

    @AttributeDefinition(name = "COM ports", required = false, description = "Device of COM1, COM2, … in order:"
            + " a path (/dev/ttyUSB0, a pty link) or a COMn name. An empty or missing entry keeps the default:"
            + " COM1 is the dedicated reader's configured port (opennhi.reader.nhicom port); COMk is /dev/ttyS(k-1)"
            + " outside Windows and COMk on Windows.")
    String[] comPorts() default {};
}
