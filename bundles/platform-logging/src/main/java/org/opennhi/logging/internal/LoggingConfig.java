// SPDX-License-Identifier: Apache-2.0
package org.opennhi.logging.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Platform log",
        description = "The platform's own log, <home>/LOG/platform.log (every bundle, Jetty and java.util.logging),"
                + " and its short form on standard output. Changes apply at once, without a restart.")
@interface LoggingConfig {
    String PID = "opennhi.logging";

    @AttributeDefinition(name = "Level", description = "What platform.log keeps. DEBUG and TRACE are for the"
            + " platform's own bundles; Jetty stays at INFO (its DEBUG is hundreds of lines per request).",
            options = {@Option(label = "ERROR", value = "ERROR"), @Option(label = "WARN", value = "WARN"),
                @Option(label = "INFO", value = "INFO"), @Option(label = "DEBUG", value = "DEBUG"),
                @Option(label = "TRACE", value = "TRACE")})
    String level() default "INFO";

    @AttributeDefinition(name = "Standard output level", description = "What standard output shows, one line per"
            + " event (never more than the level above lets through; stack traces only at DEBUG or TRACE).",
            options = {@Option(label = "ERROR", value = "ERROR"), @Option(label = "WARN", value = "WARN"),
                @Option(label = "INFO", value = "INFO"), @Option(label = "DEBUG", value = "DEBUG"),
                @Option(label = "TRACE", value = "TRACE")})
    String consoleLevel() default "WARN";

    @AttributeDefinition(name = "File size (bytes)", min = "1024", description = "When platform.log grows past"
            + " this it is renamed platform.log.1 (older ones move up) and a new file starts.")
    long maxBytes() default 10L * 1024 * 1024;

    @AttributeDefinition(name = "Rotated files kept", min = "1", max = "100", description = "How many rotated"
            + " files (platform.log.1 … .N) are kept; the oldest beyond this is deleted.")
    int keep() default 5;
}
