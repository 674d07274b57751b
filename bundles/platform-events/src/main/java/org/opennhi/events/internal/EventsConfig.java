// SPDX-License-Identifier: Apache-2.0
package org.opennhi.events.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Platform events and audit log",
        description = "The audit log <home>/LOG/audit.jsonl: one JSON line per facade call (function, caller, masked"
                + " card, code, duration, APDUs, card written), administrative action, SAM and card authentication,"
                + " PIN check, HPC authorisation and refused setting. Rotated daily into audit-YYYY-MM-DD.jsonl.")
@interface EventsConfig {
    String PID = "opennhi.events";

    @AttributeDefinition(name = "Audit file size (bytes)", min = "0", description = "Before audit.jsonl grows"
            + " past this it is renamed audit.jsonl.1 (older ones move up) and a new file starts. 0: never rotate.")
    long auditMaxBytes() default 10L * 1024 * 1024;

    @AttributeDefinition(name = "Rotated audit files kept per day", min = "1", description = "How many size-rotated"
            + " parts of one day (audit.jsonl.1 … .N) are kept; the oldest beyond this is deleted.")
    int auditKeep() default 5;

    @AttributeDefinition(name = "Audit retention (days)", min = "0", description = "Archived days"
            + " (audit-YYYY-MM-DD.jsonl) older than this are deleted. 0: keep them all.")
    int auditRetentionDays() default 180;

    @AttributeDefinition(name = "Audit facade calls", description = "One record per facade call. Turn off only to"
            + " measure what the audit costs (bench/audit); administrative actions and events are always kept.")
    boolean auditCalls() default true;
}
