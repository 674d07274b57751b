package org.opennhi.events.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Platform events and audit log",
        description = "The audit log <home>/LOG/audit.jsonl: one JSON line per SAM and card authentication, PIN"
                + " check, HPC authorisation and refused setting.")
@interface EventsConfig {
    String PID = "opennhi.events";

    @AttributeDefinition(name = "Audit file size (bytes)", min = "0", description = "Before audit.jsonl grows"
            + " past this it is renamed audit.jsonl.1 (older ones move up) and a new file starts. 0: never rotate.")
    long auditMaxBytes() default 10L * 1024 * 1024;

    @AttributeDefinition(name = "Rotated audit files kept", min = "1", description = "How many rotated files"
            + " (audit.jsonl.1 … .N) are kept; the oldest beyond this is deleted.")
    int auditKeep() default 5;
}
