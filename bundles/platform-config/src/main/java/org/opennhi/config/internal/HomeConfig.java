// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "NHI home folder",
        description = "Where the NHI home folder (C:\\NHI on Windows) lives.")
@interface HomeConfig {
    String PID = "opennhi.home";

    @AttributeDefinition(name = "Path", required = false,
            description = "The home folder. Empty: the start script's --home, else NHI_HOME, else C:\\NHI on"
                    + " Windows and ~/NHI elsewhere.")
    String path() default "";
}
