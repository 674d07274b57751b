// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Legacy INI import",
        description = "Imports INI/csdll.ini and INI/ReaderCFG<n>.ini at start and whenever they change.")
@interface LegacyImportConfig {
    String PID = "opennhi.legacy";

    @AttributeDefinition(name = "Enabled", description = "Import the legacy INI files.")
    boolean enabled() default true;

    @AttributeDefinition(name = "Check interval (ms)", min = "100", description = "How often the files are"
            + " also checked for changes when the file system sends no change events.")
    long checkIntervalMillis() default 2000;
}
